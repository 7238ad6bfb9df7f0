// Transfer suggestions (PRODUCT.md "Transfers and replenishment", issue #6): move units from the nearest overstocked
// location to the understocked ones, SKU by SKU, each with its reason as codes and numbers (describe.ts renders English).
//
// Per SKU, with the location's ATP = onHand − reserved − safetyStock (lib/inventory/stock.ts) and v its velocity:
// - destination: receives, v > 0 and cover = (ATP + inbound) / v < understockDays. It needs
//   ⌈targetDays × v⌉ − (ATP + inbound) units and may take up to ⌊overstockDays × v⌋ − (ATP + inbound), so a move never
//   makes it overstocked (which would only make the next run send the units back).
// - source: sends and cover = (ATP − outbound) / v > overstockDays (a SKU it does not sell, v = 0, with any ATP left
//   counts). It spares ATP − outbound − ⌈targetDays × v⌉: it keeps its target cover, and reserved units and safety stock
//   are outside ATP, so they never move. The spare shrinks as destinations take from it, so several destinations
//   together cannot drain it below its target.
// - destinations most at risk first (lowest cover, then the faster seller, then location code); each takes from its
//   sources nearest first (distance in whole metres, then code) until it reaches its target cover.
// - a move is a multiple of the pack size (the SKU's, else the source type's), rounded up to cover the remaining need
//   when the source can spare it and the destination would not be overstocked, else rounded down; a move smaller than
//   the source's minBatch is not suggested.
// Everything is ordered by location code and numbers, never by input order, so the same stock gives the same output.
//
// Cost per SKU with L locations, S sources and D destinations: O(L) to classify, O(D log D) to sort the destinations,
// then per destination a walk over its sources nearest first. Distances and each location's neighbours by distance
// are computed once per network (prepareNetwork, O(L² log L)), so the walk either scans that precomputed row
// (expected L / S steps from one source to the next, ≤ √L when S > √L) or, with few sources (S ≤ √L), insertion-sorts
// them by their precomputed distance (≤ S²/2 ≤ L/2 comparisons, ~100 at L = 200). No haversine per SKU.
// Scratch arrays live in the network and are reused from SKU to SKU; only the suggestions themselves are allocated.

import { type StockQuantities, locationAtp } from "../inventory/stock";
import { distanceFrom } from "../routing/geo";
import type { LocationType } from "../routing/types";
import { DEFAULT_TRANSFER_CONFIG, type LocationThresholds, type TransferConfig, validateConfig } from "./config";

export type TransferLocation = { id: number; code: string; name?: string; type: LocationType; lat: number; lng: number };

export type TransferLevel = StockQuantities & {
  locationId: number;
  /** Units per day (velocity.ts). */
  velocity: number;
  /** Units on their way here (in transit, or approved and not shipped yet): they count toward this location's cover. */
  inbound?: number;
  /** Units already promised to transfers out of here and not shipped yet: they are not spare. */
  outbound?: number;
};

/** One SKU's stock levels; locations without a level have no stock and no sales of it, and take no part. */
export type TransferSku = { skuId: number; packSize?: number; levels: readonly TransferLevel[] };

export type TransferReasonCode =
  | "DESTINATION_STOCKED_OUT" // nothing left to sell at the destination (counting earlier moves to it)
  | "DESTINATION_UNDERSTOCKED"
  | "SOURCE_OVERSTOCKED"
  | "SOURCE_NOT_SELLING" // the source has had no sales of the SKU in the velocity window
  | "NEAREST_SOURCE" // the nearest overstocked location; otherwise nearer ones had nothing left to spare
  | "FILLS_TARGET" // the destination reaches its target cover
  | "PARTIAL_FILL"
  | "ROUNDED_UP_TO_PACK"
  | "LIMITED_BY_SOURCE" // the source could not spare more
  | "LIMITED_BY_DESTINATION_OVERSTOCK"; // more would make the destination overstocked

type Party = {
  locationId: number;
  code: string;
  name: string;
  type: LocationType;
  atp: number;
  velocity: number;
  /**
   * Days of cover before any suggestion of this run — destination (ATP + inbound) / v, source (ATP − outbound) / v;
   * null when the location does not sell the SKU (its stock never runs out; JSON has no Infinity).
   */
  coverDays: number | null;
};

export type TransferReason = {
  codes: TransferReasonCode[];
  destination: Party & { inbound: number; understockDays: number; targetDays: number; needUnits: number };
  source: Party & { outbound: number; overstockDays: number; targetDays: number; spareUnits: number };
  distanceKm: number;
  /** 1 = the nearest overstocked location to the destination, 2 = the next, … */
  sourceRank: number;
};

export type TransferEffect = {
  horizonDays: number;
  /** Destination cover before and after this move (earlier moves to it in the same run included). */
  destinationCoverBefore: number;
  destinationCoverAfter: number;
  /** Days within the horizon the destination would have nothing to sell: max(0, horizon − cover). */
  stockOutDaysBefore: number;
  stockOutDaysAfter: number;
  stockOutDaysAvoided: number;
  /** stockOutDaysAvoided × destination velocity. */
  lostSalesAvoided: number;
  /** null when the source does not sell the SKU. */
  sourceCoverAfter: number | null;
};

export type TransferSuggestion = {
  skuId: number;
  fromLocationId: number;
  toLocationId: number;
  quantity: number;
  packSize: number;
  reason: TransferReason;
  effect: TransferEffect;
};

const NONE = 0;
const DESTINATION = 1;
const SOURCE = 2;

type Scratch = {
  stamp: number;
  seen: Int32Array;
  role: Int8Array;
  atp: Float64Array;
  velocity: Float64Array;
  inbound: Float64Array;
  outbound: Float64Array;
  /** Destination: units to its target; source: units it can still give. */
  need: Float64Array;
  spare: Float64Array;
  /** Destination: units it may take before being overstocked. */
  room: Float64Array;
  /** Units moved so far this SKU (received by a destination, given by a source). */
  moved: Float64Array;
  cover: Float64Array;
  destinations: number[];
  sources: Int32Array;
  byDistance: Int32Array;
  compare: (a: number, b: number) => number;
};

export type TransferNetwork = {
  /** Sorted by code: the index of a location is its rank by code, which breaks every tie. */
  readonly locations: readonly TransferLocation[];
  readonly indexOf: ReadonlyMap<number, number>;
  /** metres[i × L + j]: great-circle distance from location i to j, whole metres. */
  readonly metres: Int32Array;
  /** Row i (L − 1 entries from i × (L − 1)): the other locations by (distance from i, code). */
  readonly nearest: Int32Array;
  readonly scratch: Scratch;
};

const byCode = (a: TransferLocation, b: TransferLocation) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Distances and neighbour orders for a set of locations: build once per run, reuse for every SKU. */
export function prepareNetwork(locations: Iterable<TransferLocation>): TransferNetwork {
  const locs = [...locations].sort(byCode);
  const L = locs.length;
  const indexOf = new Map<number, number>();
  locs.forEach((l, i) => {
    if (indexOf.has(l.id)) throw new Error(`location ${l.id} appears twice`);
    if (i > 0 && locs[i - 1].code === l.code) throw new Error(`location code ${l.code} appears twice`);
    indexOf.set(l.id, i);
  });
  const metres = new Int32Array(L * L);
  for (let i = 0; i < L; i++) {
    const from = distanceFrom(locs[i]);
    for (let j = 0; j < L; j++) if (j !== i) metres[i * L + j] = from(locs[j].lat, locs[j].lng);
  }
  const nearest = new Int32Array(Math.max(0, L * (L - 1)));
  const row: number[] = [];
  for (let i = 0; i < L; i++) {
    row.length = 0;
    for (let j = 0; j < L; j++) if (j !== i) row.push(j);
    row.sort((a, b) => metres[i * L + a] - metres[i * L + b] || a - b);
    nearest.set(row, i * (L - 1));
  }
  const f64 = () => new Float64Array(L);
  const scratch: Scratch = {
    stamp: 0,
    seen: new Int32Array(L),
    role: new Int8Array(L),
    atp: f64(),
    velocity: f64(),
    inbound: f64(),
    outbound: f64(),
    need: f64(),
    spare: f64(),
    room: f64(),
    moved: f64(),
    cover: f64(),
    destinations: [],
    sources: new Int32Array(L),
    byDistance: new Int32Array(L),
    compare: (a, b) => scratch.cover[a] - scratch.cover[b] || scratch.velocity[b] - scratch.velocity[a] || a - b,
  };
  return { locations: locs, indexOf, metres, nearest, scratch };
}

// Unit counts from products of floats: 21 × (6/7) must give 18, not 19.
const EPS = 1e-9;
const ceilUnits = (x: number) => Math.ceil(x - EPS);
const floorUnits = (x: number) => Math.floor(x + EPS);
const nonNegative = (x: number | undefined) => (x !== undefined && x > 0 ? x : 0);

/** The suggestions for one SKU, most urgent destination first. */
export function suggestForSku(network: TransferNetwork, sku: TransferSku, config: TransferConfig = DEFAULT_TRANSFER_CONFIG): TransferSuggestion[] {
  validateConfig(config);
  return suggest(network, sku, config);
}

export type TransferRunTotals = { skus: number; suggestions: number; units: number };

/**
 * Suggestions SKU by SKU, one item per SKU (also when it has none), so the caller can stream them and report
 * progress; the generator's return value has the totals.
 */
export function* suggestAll(
  network: TransferNetwork,
  skus: Iterable<TransferSku>,
  config: TransferConfig = DEFAULT_TRANSFER_CONFIG,
): Generator<{ skuId: number; suggestions: TransferSuggestion[] }, TransferRunTotals> {
  validateConfig(config);
  const totals = { skus: 0, suggestions: 0, units: 0 };
  for (const sku of skus) {
    const suggestions = suggest(network, sku, config);
    totals.skus++;
    totals.suggestions += suggestions.length;
    for (const s of suggestions) totals.units += s.quantity;
    yield { skuId: sku.skuId, suggestions };
  }
  return totals;
}

function suggest(net: TransferNetwork, sku: TransferSku, config: TransferConfig): TransferSuggestion[] {
  if (sku.packSize !== undefined && !(Number.isInteger(sku.packSize) && sku.packSize >= 1)) {
    throw new RangeError(`SKU ${sku.skuId}: packSize must be a positive integer`);
  }
  const s = net.scratch;
  const locs = net.locations;
  const L = locs.length;
  const stamp = ++s.stamp;
  s.destinations.length = 0;
  let sourceCount = 0;
  let totalSpare = 0;

  for (const level of sku.levels) {
    const i = net.indexOf.get(level.locationId);
    if (i === undefined) continue;
    if (s.seen[i] === stamp) throw new Error(`SKU ${sku.skuId}: two stock levels for location ${level.locationId}`);
    s.seen[i] = stamp;
    const t = config.byType[locs[i].type];
    const atp = locationAtp(level);
    const v = Number.isFinite(level.velocity) && level.velocity > 0 ? level.velocity : 0;
    const inbound = nonNegative(level.inbound);
    const outbound = nonNegative(level.outbound);
    s.atp[i] = atp;
    s.velocity[i] = v;
    s.inbound[i] = inbound;
    s.outbound[i] = outbound;
    s.moved[i] = 0;
    s.role[i] = NONE;
    const position = atp + inbound;
    if (t.receives && v > 0 && position < t.understockDays * v) {
      const need = ceilUnits(t.targetDays * v) - position;
      if (need > 0) {
        s.role[i] = DESTINATION;
        s.need[i] = need;
        s.room[i] = floorUnits(t.overstockDays * v) - position;
        s.cover[i] = position / v;
        s.destinations.push(i);
      }
    } else if (t.sends) {
      const free = atp - outbound;
      // cover > overstockDays; with v = 0 any free unit is overstock.
      if (v > 0 ? free > t.overstockDays * v : free > 0) {
        const spare = free - ceilUnits(t.targetDays * v);
        if (spare > 0) {
          s.role[i] = SOURCE;
          s.spare[i] = spare;
          s.sources[sourceCount++] = i;
          totalSpare += spare;
        }
      }
    }
  }
  const out: TransferSuggestion[] = [];
  if (sourceCount === 0 || s.destinations.length === 0) return out;

  s.destinations.sort(s.compare);
  const maxMetres = config.maxDistanceKm * 1000;
  const scanRows = sourceCount * sourceCount > L;
  for (const d of s.destinations) {
    if (totalSpare <= 0) break;
    const row = d * L;
    let count: number;
    let order: Int32Array;
    let offset: number;
    if (scanRows) {
      order = net.nearest;
      offset = d * (L - 1);
      count = L - 1;
    } else {
      // Few sources: insertion-sort them by (distance from d, code).
      order = s.byDistance;
      offset = 0;
      count = sourceCount;
      for (let k = 0; k < sourceCount; k++) {
        const x = s.sources[k];
        let j = k;
        while (j > 0) {
          const y = order[j - 1];
          const dy = net.metres[row + y];
          const dx = net.metres[row + x];
          if (dy < dx || (dy === dx && y < x)) break;
          order[j] = y;
          j--;
        }
        order[j] = x;
      }
    }
    let rank = 0;
    for (let k = 0; k < count; k++) {
      const src = order[offset + k];
      if (s.seen[src] !== stamp || s.role[src] !== SOURCE) continue;
      rank++;
      if (net.metres[row + src] > maxMetres) break;
      if (s.spare[src] <= 0) continue;
      const moved = move(net, sku, config, d, src, rank, out);
      totalSpare -= moved;
      if (s.need[d] - s.moved[d] <= 0 || totalSpare <= 0) break;
    }
  }
  return out;
}

function move(net: TransferNetwork, sku: TransferSku, config: TransferConfig, d: number, src: number, rank: number, out: TransferSuggestion[]): number {
  const s = net.scratch;
  const ts: LocationThresholds = config.byType[net.locations[src].type];
  const pack = sku.packSize ?? ts.packSize;
  const remaining = s.need[d] - s.moved[d];
  const room = s.room[d] - s.moved[d];
  const spare = s.spare[src];
  const wanted = Math.ceil(remaining / pack) * pack;
  const cap = Math.min(spare, room);
  const quantity = wanted <= cap ? wanted : Math.floor(cap / pack) * pack;
  if (quantity <= 0 || quantity < ts.minBatch) return 0;

  const dl = net.locations[d];
  const sl = net.locations[src];
  const td = config.byType[dl.type];
  const vd = s.velocity[d];
  const vs = s.velocity[src];
  const position = s.atp[d] + s.inbound[d];
  const before = position + s.moved[d];
  const coverBefore = before / vd;
  const coverAfter = (before + quantity) / vd;
  const H = config.horizonDays;
  const stockOutBefore = Math.max(0, H - coverBefore);
  const stockOutAfter = Math.max(0, H - coverAfter);
  const sourceFree = s.atp[src] - s.outbound[src];

  const codes: TransferReasonCode[] = [
    before <= 0 ? "DESTINATION_STOCKED_OUT" : "DESTINATION_UNDERSTOCKED",
    vs > 0 ? "SOURCE_OVERSTOCKED" : "SOURCE_NOT_SELLING",
  ];
  if (rank === 1) codes.push("NEAREST_SOURCE");
  codes.push(quantity >= remaining ? "FILLS_TARGET" : "PARTIAL_FILL");
  if (quantity > remaining) codes.push("ROUNDED_UP_TO_PACK");
  if (quantity < wanted) codes.push(spare <= room ? "LIMITED_BY_SOURCE" : "LIMITED_BY_DESTINATION_OVERSTOCK");

  out.push({
    skuId: sku.skuId,
    fromLocationId: sl.id,
    toLocationId: dl.id,
    quantity,
    packSize: pack,
    reason: {
      codes,
      destination: {
        locationId: dl.id,
        code: dl.code,
        name: dl.name ?? dl.code,
        type: dl.type,
        atp: s.atp[d],
        inbound: s.inbound[d],
        velocity: vd,
        coverDays: s.cover[d],
        understockDays: td.understockDays,
        targetDays: td.targetDays,
        needUnits: s.need[d],
      },
      source: {
        locationId: sl.id,
        code: sl.code,
        name: sl.name ?? sl.code,
        type: sl.type,
        atp: s.atp[src],
        outbound: s.outbound[src],
        velocity: vs,
        coverDays: vs > 0 ? sourceFree / vs : null,
        overstockDays: ts.overstockDays,
        targetDays: ts.targetDays,
        spareUnits: spare,
      },
      distanceKm: net.metres[d * net.locations.length + src] / 1000,
      sourceRank: rank,
    },
    effect: {
      horizonDays: H,
      destinationCoverBefore: coverBefore,
      destinationCoverAfter: coverAfter,
      stockOutDaysBefore: stockOutBefore,
      stockOutDaysAfter: stockOutAfter,
      stockOutDaysAvoided: stockOutBefore - stockOutAfter,
      lostSalesAvoided: (stockOutBefore - stockOutAfter) * vd,
      sourceCoverAfter: vs > 0 ? (sourceFree - s.moved[src] - quantity) / vs : null,
    },
  });
  s.spare[src] -= quantity;
  s.moved[src] += quantity;
  s.moved[d] += quantity;
  return quantity;
}
