// Replenishment suggestions (PRODUCT.md "Transfers and replenishment", issue #6): per SKU and location, when to order
// and how much. A periodic-review order-up-to policy with a reorder point — (s, S) in the textbook — on the
// inventory position. With d = demand per day (the velocity of lib/transfers/velocity.ts), L = lead time and
// R = review period in days:
//
//   position      = onHand + inTransit + onOrder − reserved       (what is here or coming, less what is promised)
//   safety stock  = z × σ × √L          when σ, the standard deviation of daily demand, is known (daily demand
//                                        independent from day to day, lead time fixed);
//                   safetyDays × d      otherwise (a configured number of days of demand)
//   floor         = the stock level's safetyStock: never offered for sale, so it cannot absorb demand and sits on top
//   reorder point = ⌈d × L + safety stock⌉ + floor
//   target level  = ⌈d × (L + R) + safety stock⌉ + floor   (enough until the order after next can arrive)
//   trigger       : order when position < reorder point (strictly: at the reorder point the stock on hand and on its
//                   way still covers the lead time and the safety stock, so nothing is ordered)
//   quantity      = max(minOrderQty, target − position) rounded up to the pack size when triggered, else 0
//
// Defaults per location type (override per row for a SKU's supplier):
// - WAREHOUSE: lead time 21 days (supplier), review every 14 days, 7 days of safety demand without σ.
// - DC: lead time 7, review 7, 5 safety days.   - STORE: lead time 3 (from a DC), review 7, 3 safety days.
// z = 1.65 (about a 95 % chance not to run out during a lead time; 1.28 → 90 %, 2.05 → 98 %, 2.33 → 99 %).

import type { LocationType } from "../routing/types";

export type ReplenishmentPolicy = {
  leadTimeDays: number;
  reviewDays: number;
  /** Safety stock in days of demand when no standard deviation is known. */
  safetyDays: number;
  /** Standard normal quantile of the service level. */
  z: number;
  packSize: number;
  minOrderQty: number;
};

export type ReplenishmentConfig = { byType: Readonly<Record<LocationType, ReplenishmentPolicy>> };

export const DEFAULT_REPLENISHMENT_CONFIG: ReplenishmentConfig = {
  byType: {
    WAREHOUSE: { leadTimeDays: 21, reviewDays: 14, safetyDays: 7, z: 1.65, packSize: 1, minOrderQty: 0 },
    DC: { leadTimeDays: 7, reviewDays: 7, safetyDays: 5, z: 1.65, packSize: 1, minOrderQty: 0 },
    STORE: { leadTimeDays: 3, reviewDays: 7, safetyDays: 3, z: 1.65, packSize: 1, minOrderQty: 0 },
  },
};

export type ReplenishmentInput = {
  skuId: number;
  locationId: number;
  locationType: LocationType;
  onHand: number;
  reserved: number;
  inTransit: number;
  /** Ordered from the supplier (or another location) and not shipped yet. */
  onOrder: number;
  /** The stock level's safety stock (units never offered for sale); 0 when absent. */
  safetyStock?: number;
  demandPerDay: number;
  /** Standard deviation of daily demand (velocityStats().stdDev); absent → safety stock in days of demand. */
  demandStdDev?: number;
} & Partial<Pick<ReplenishmentPolicy, "leadTimeDays" | "reviewDays" | "packSize" | "minOrderQty">>;

export type ReplenishmentCode =
  | "BELOW_REORDER_POINT"
  | "AT_OR_ABOVE_REORDER_POINT"
  | "NO_DEMAND"
  | "SAFETY_FROM_DEVIATION"
  | "SAFETY_FROM_DAYS"
  | "RAISED_TO_MIN_ORDER"
  | "ROUNDED_UP_TO_PACK";

export type ReplenishmentRow = {
  skuId: number;
  locationId: number;
  codes: ReplenishmentCode[];
  position: number;
  demandPerDay: number;
  leadTimeDays: number;
  reviewDays: number;
  leadTimeDemand: number;
  /** Units, not rounded (the reorder point and target are). */
  safetyStock: number;
  floor: number;
  reorderPoint: number;
  targetLevel: number;
  /** Days the position lasts at the demand; null when there is no demand. */
  coverDays: number | null;
  packSize: number;
  quantity: number;
};

const EPS = 1e-9;
const ceilUnits = (x: number) => Math.ceil(x - EPS);

/** The smallest multiple of `pack` at or above `q` (q > 0). */
export function roundUpToPack(q: number, pack: number): number {
  return Math.ceil(q / pack) * pack;
}

export function replenish(input: ReplenishmentInput, config: ReplenishmentConfig = DEFAULT_REPLENISHMENT_CONFIG): ReplenishmentRow {
  const p = config.byType[input.locationType];
  const L = input.leadTimeDays ?? p.leadTimeDays;
  const R = input.reviewDays ?? p.reviewDays;
  const pack = input.packSize ?? p.packSize;
  const minOrder = input.minOrderQty ?? p.minOrderQty;
  if (!(L >= 0 && R >= 0)) throw new RangeError(`SKU ${input.skuId} at ${input.locationId}: lead time and review period must be ≥ 0`);
  if (!Number.isInteger(pack) || pack < 1) throw new RangeError(`SKU ${input.skuId} at ${input.locationId}: packSize must be a positive integer`);

  const d = Number.isFinite(input.demandPerDay) && input.demandPerDay > 0 ? input.demandPerDay : 0;
  const sigma = input.demandStdDev;
  const fromDeviation = sigma !== undefined && Number.isFinite(sigma) && sigma >= 0;
  const safetyStock = fromDeviation ? p.z * sigma * Math.sqrt(L) : p.safetyDays * d;
  const floor = Math.max(0, input.safetyStock ?? 0);
  const leadTimeDemand = d * L;
  const reorderPoint = ceilUnits(leadTimeDemand + safetyStock) + floor;
  const targetLevel = ceilUnits(d * (L + R) + safetyStock) + floor;
  const position = input.onHand + input.inTransit + input.onOrder - input.reserved;

  const codes: ReplenishmentCode[] = [];
  let quantity = 0;
  if (position < reorderPoint) {
    codes.push("BELOW_REORDER_POINT");
    let q = targetLevel - position;
    if (q < minOrder) {
      q = minOrder;
      codes.push("RAISED_TO_MIN_ORDER");
    }
    quantity = roundUpToPack(q, pack);
    if (quantity > q) codes.push("ROUNDED_UP_TO_PACK");
  } else {
    codes.push("AT_OR_ABOVE_REORDER_POINT");
  }
  if (d === 0) codes.push("NO_DEMAND");
  codes.push(fromDeviation ? "SAFETY_FROM_DEVIATION" : "SAFETY_FROM_DAYS");

  return {
    skuId: input.skuId,
    locationId: input.locationId,
    codes,
    position,
    demandPerDay: d,
    leadTimeDays: L,
    reviewDays: R,
    leadTimeDemand,
    safetyStock,
    floor,
    reorderPoint,
    targetLevel,
    coverDays: d > 0 ? Math.max(0, position) / d : null,
    packSize: pack,
    quantity,
  };
}

/** One row per input, in input order: for the replenishment page and its CSV export. */
export function* replenishAll(inputs: Iterable<ReplenishmentInput>, config: ReplenishmentConfig = DEFAULT_REPLENISHMENT_CONFIG): Generator<ReplenishmentRow> {
  for (const input of inputs) yield replenish(input, config);
}
