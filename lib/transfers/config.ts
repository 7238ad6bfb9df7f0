// Thresholds per location type. Cover is in days of the location's own sales velocity (velocity.ts).
//
// Defaults, and why:
// - STORE: understocked under 7 days of cover (less than a week's sales on the shelf), refilled to 21 days,
//   overstocked beyond 60 days (two months of sales sitting in a back room). A store picks single units: pack 1,
//   but a move of fewer than 2 units is not worth a van stop.
// - DC: understocked under 14 days, target 35, overstocked beyond 90. Ships inner packs of 6, at least one pack.
// - WAREHOUSE: never a transfer destination (it is refilled by purchase orders, lib/replenishment); gives stock beyond
//   49 days of target cover when it holds more than 120 days. Ships cases of 12, at least one case.
// A SKU's own pack size (its case pack), when given, replaces the source type's pack size.

import type { LocationType } from "../routing/types";

export type LocationThresholds = {
  /** Cover (days) under which a location that sells the SKU asks for stock. */
  understockDays: number;
  /** Cover (days) a destination is refilled to and a source keeps. understockDays ≤ targetDays ≤ overstockDays. */
  targetDays: number;
  /** Cover (days) beyond which a location gives stock away (down to targetDays). */
  overstockDays: number;
  /** Smallest move this location ships, in units. */
  minBatch: number;
  /** Moves from this location are multiples of this many units. */
  packSize: number;
  /** May receive transfers / may send them. */
  receives: boolean;
  sends: boolean;
};

export type TransferConfig = {
  byType: Readonly<Record<LocationType, LocationThresholds>>;
  /** Stock-out days avoided are counted over this many days from now. */
  horizonDays: number;
  /** No move between locations farther apart than this (great-circle km). */
  maxDistanceKm: number;
};

export const DEFAULT_TRANSFER_CONFIG: TransferConfig = {
  byType: {
    STORE: { understockDays: 7, targetDays: 21, overstockDays: 60, minBatch: 2, packSize: 1, receives: true, sends: true },
    DC: { understockDays: 14, targetDays: 35, overstockDays: 90, minBatch: 6, packSize: 6, receives: true, sends: true },
    WAREHOUSE: { understockDays: 21, targetDays: 49, overstockDays: 120, minBatch: 12, packSize: 12, receives: false, sends: true },
  },
  horizonDays: 28,
  maxDistanceKm: Infinity,
};

export type TransferConfigOverrides = {
  byType?: Partial<Record<LocationType, Partial<LocationThresholds>>>;
  horizonDays?: number;
  maxDistanceKm?: number;
};

/** The defaults with some values replaced; throws on thresholds that would make a location give and take at once. */
export function transferConfig(overrides: TransferConfigOverrides = {}): TransferConfig {
  const byType = {} as Record<LocationType, LocationThresholds>;
  for (const type of Object.keys(DEFAULT_TRANSFER_CONFIG.byType) as LocationType[]) {
    byType[type] = { ...DEFAULT_TRANSFER_CONFIG.byType[type], ...overrides.byType?.[type] };
  }
  const config = {
    byType,
    horizonDays: overrides.horizonDays ?? DEFAULT_TRANSFER_CONFIG.horizonDays,
    maxDistanceKm: overrides.maxDistanceKm ?? DEFAULT_TRANSFER_CONFIG.maxDistanceKm,
  };
  validateConfig(config);
  return config;
}

export function validateConfig(config: TransferConfig): void {
  for (const [type, t] of Object.entries(config.byType)) {
    if (!(t.understockDays >= 0 && t.understockDays <= t.targetDays && t.targetDays <= t.overstockDays)) {
      throw new RangeError(`${type}: need 0 ≤ understockDays ≤ targetDays ≤ overstockDays`);
    }
    if (!Number.isInteger(t.packSize) || t.packSize < 1) throw new RangeError(`${type}: packSize must be a positive integer`);
    if (!Number.isInteger(t.minBatch) || t.minBatch < 1) throw new RangeError(`${type}: minBatch must be a positive integer`);
  }
  if (!(config.horizonDays > 0)) throw new RangeError("horizonDays must be positive");
  if (!(config.maxDistanceKm >= 0)) throw new RangeError("maxDistanceKm must be ≥ 0");
}
