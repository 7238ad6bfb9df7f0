// How plans are scored. A plan's score is a vector compared lexicographically, lower first:
//   comp 0           back-ordered units (fill comes before every ranker: a plan that ships more always wins)
//   then per ranker  its comps, in strategy order.
// Each shipment contributes  fixed + units × perUnit  to every comp, and the plan aggregates them by sum — except the
// "nearest max" comp, aggregated by max. So every ranker is a monotone function of its shipments' values, which is
// what lets the search throw away dominated locations (search.ts). How each ranker scores a plan:
//   nearest weighted  Σ metres × units (÷ shipped units for display; the shipped units are equal among plans it
//                     compares, since fill decided first)
//   nearest max       max metres over the shipments
//   complete          Σ 1 = the number of shipments
//   designated        one comp per listed location: comp i (1..L) = units shipped from anywhere but the first i
//                     listed locations. Lower on comp 1 = more from the first location; then more from the first
//                     two; …; the last comp = units from off the list. Shipped units are the same among the plans
//                     compared (fill decided first), so this is "most units from the first, then the second, …".
//                     It refines "best list position in the plan, then fewest off-list units": it sums over
//                     shipments, which the search needs, and a plan shipping more from the first location beats
//                     one that merely includes it.
//   lowestCost        Σ (base + round(perKm × metres / 1000) + perUnit × units) cents

import type { Candidate, Ranker, RankerValue } from "./types";

export type Layout = {
  rankers: readonly Ranker[];
  /** Comps of level l are [levelStart[l], levelStart[l + 1]): level 0 = fill, level 1 + i = ranker i. */
  levelStart: Int32Array;
  /** Number of comps, fill included. */
  size: number;
  /** 1 for a comp aggregated by max. */
  isMax: Uint8Array;
  /** 1 for a cost comp: with finite parameters the only comp that can be a fraction (distances are whole metres). */
  isCost: Uint8Array;
  /** Per ranker: location id → position on its designated list (first occurrence), or null. */
  designated: (ReadonlyMap<number, number> | null)[];
  /** Per ranker: its designated list without repeats (index = position), or null. */
  listed: (readonly number[] | null)[];
  /** Comps of the order model (writeOrderModel). */
  orderSize: number;
  /** Per ranker, its kind as a small integer (WEIGHTED…COST): the models switch on it per location measured. */
  kinds: Uint8Array;
  /** The order model is designated positions only: the same for every block and at every distance. */
  fixedOrder: boolean;
  /**
   * fixedOrder with one nearest-max ranker: the block lists are built in key order (lists.ts, fillByKey), which asks
   * for the distance bounds of some locations only, so prepare() leaves them to it.
   */
  keyOrder: boolean;
};

export const WEIGHTED = 0;
export const MAX = 1;
export const COMPLETE = 2;
export const DESIGNATED = 3;
export const COST = 4;

function kindOf(r: Ranker): number {
  switch (r.kind) {
    case "nearest":
      return r.measure === "max" ? MAX : WEIGHTED;
    case "complete":
      return COMPLETE;
    case "designated":
      return DESIGNATED;
    case "lowestCost":
      return COST;
  }
}

export function compileLayout(rankers: readonly Ranker[]): Layout {
  const levelStart = new Int32Array(rankers.length + 2);
  const designated: (ReadonlyMap<number, number> | null)[] = [];
  let orderSize = 0;
  levelStart[1] = 1;
  rankers.forEach((r, i) => {
    if (!(r.kind === "complete" || (r.kind === "nearest" && r.measure === "max"))) orderSize++;
    let width = 1;
    let positions: Map<number, number> | null = null;
    if (r.kind === "designated") {
      positions = new Map();
      for (const id of r.locationIds) if (!positions.has(id)) positions.set(id, positions.size);
      width = positions.size;
    }
    designated.push(positions);
    levelStart[i + 2] = levelStart[i + 1] + width;
  });
  const size = levelStart[rankers.length + 1];
  const isMax = new Uint8Array(size);
  const isCost = new Uint8Array(size);
  rankers.forEach((r, i) => {
    if (r.kind === "nearest" && r.measure === "max") isMax[levelStart[i + 1]] = 1;
    if (r.kind === "lowestCost") isCost[levelStart[i + 1]] = 1;
  });
  const listed = designated.map((positions) => (positions === null ? null : [...positions.keys()]));
  const kinds = new Uint8Array(rankers.length);
  for (let i = 0; i < rankers.length; i++) kinds[i] = kindOf(rankers[i]);
  let fixedOrder = true;
  let maxes = 0;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] === WEIGHTED || kinds[i] === COST) fixedOrder = false;
    if (kinds[i] === MAX) maxes++;
  }
  return { rankers, levelStart, size, isMax, isCost, designated, listed, orderSize, kinds, fixedOrder, keyOrder: fixedOrder && maxes === 1 };
}

// The last layout compiled, with a copy of its rankers: orders come in runs under one strategy (a batch, a channel),
// and compiling costs more than comparing (a Map per designated list, typed arrays, closures).
let lastRankers: Ranker[] = [];
let lastLayout: Layout | null = null;

/** compileLayout, or the last layout when the rankers are the same (compared by value: a caller may reuse objects). */
export function layoutFor(rankers: readonly Ranker[]): Layout {
  if (lastLayout === null || !sameRankers(lastRankers, rankers)) {
    lastRankers = rankers.map((r) => (r.kind === "designated" ? { kind: r.kind, locationIds: [...r.locationIds] } : { ...r }));
    lastLayout = compileLayout(lastRankers);
  }
  return lastLayout;
}

function sameRankers(a: readonly Ranker[], b: readonly Ranker[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.kind !== y.kind) return false;
    if (x.kind === "nearest" && y.kind === "nearest" && x.measure !== y.measure) return false;
    if (x.kind === "designated" && y.kind === "designated") {
      if (x.locationIds.length !== y.locationIds.length) return false;
      for (let j = 0; j < x.locationIds.length; j++) if (!Object.is(x.locationIds[j], y.locationIds[j])) return false;
    }
  }
  return true;
}

/** Position of location `id` on the designated list of ranker i; the list's length when it is not on it. */
export function listPosition(layout: Layout, i: number, id: number): number {
  const ids = layout.listed[i]!;
  // Lists are short: a scan costs less than the Map (which also finds a NaN id).
  if (ids.length > 16 || id !== id) return layout.designated[i]!.get(id) ?? ids.length;
  for (let p = 0; p < ids.length; p++) if (ids[p] === id) return p;
  return ids.length;
}

/** Cost of the distance part of a shipment; the per-km charge is rounded to the cent once per shipment. */
export function distanceCents(c: Candidate, metres: number): number {
  return Math.round((Math.max(0, c.cost.perKmCents) * metres) / 1000);
}

export function shipmentCents(c: Candidate, metres: number, units: number): number {
  return Math.max(0, c.cost.baseCents) + distanceCents(c, metres) + Math.max(0, c.cost.perUnitCents) * units;
}

/**
 * Writes one candidate's shipment model at `at` in `fixed` and `perUnit`, every comp (so the arrays can be reused
 * without clearing; comp 0, fill, is 0). Pickups ship nothing, so they cost nothing. Negative cost parameters count
 * as 0: every comp must grow with each shipment. Returns whether every comp is a finite number.
 */
export function writeShipmentModel(layout: Layout, c: Candidate, metres: number, pickup: boolean, fixed: Float64Array, perUnit: Float64Array, at: number): boolean {
  const { kinds, levelStart } = layout;
  let finite = Number.isFinite(metres); // the comps other than cost are whole numbers or the distance
  fixed[at] = perUnit[at] = 0;
  for (let i = 0; i < kinds.length; i++) {
    const k = at + levelStart[i + 1];
    switch (kinds[i]) {
      case WEIGHTED:
        fixed[k] = 0;
        perUnit[k] = metres;
        break;
      case MAX:
        fixed[k] = metres;
        perUnit[k] = 0;
        break;
      case COMPLETE:
        fixed[k] = 1;
        perUnit[k] = 0;
        break;
      case DESIGNATED: {
        const rank = listPosition(layout, i, c.locationId);
        for (let j = 1, end = levelStart[i + 2] - levelStart[i + 1]; j <= end; j++) {
          fixed[k + j - 1] = 0;
          perUnit[k + j - 1] = rank >= j ? 1 : 0;
        }
        break;
      }
      case COST:
        if (!writeCost(c, metres, pickup, fixed, perUnit, k)) finite = false;
        break;
    }
  }
  return finite;
}

/** Lowest cost's comp, the same in both models: fixed part and per unit at `k`. False when not finite. */
function writeCost(c: Candidate, metres: number, pickup: boolean, fixed: Float64Array, perUnit: Float64Array, k: number): boolean {
  fixed[k] = pickup ? 0 : Math.max(0, c.cost.baseCents) + distanceCents(c, metres);
  perUnit[k] = pickup ? 0 : Math.max(0, c.cost.perUnitCents);
  return Number.isFinite(fixed[k] + perUnit[k]);
}

/**
 * The order model: a shorter model that orders shipments of the same units as the summed comps of the shipment
 * model do, lexicographically (the lists' sumBefore order, lists.ts), with fewer comps to compare. Per ranker:
 *   nearest weighted, lowest cost   its comp as in the shipment model
 *   designated                      the position on the list (its length off it): with units > 0, comp j = units ×
 *                                   [position ≥ j] of the shipment model first differs where the positions do
 *   complete, nearest max           none: complete is 1 for every shipment, and max comps are not summed
 * Written at `at` in `fixed` and `perUnit`. Returns whether every comp is a finite number.
 */
export function writeOrderModel(layout: Layout, c: Candidate, metres: number, pickup: boolean, fixed: Float64Array, perUnit: Float64Array, at: number): boolean {
  const kinds = layout.kinds;
  let finite = true;
  let k = at;
  for (let i = 0; i < kinds.length; i++) {
    switch (kinds[i]) {
      case WEIGHTED:
        fixed[k] = 0;
        perUnit[k++] = metres;
        if (!Number.isFinite(metres)) finite = false;
        break;
      case DESIGNATED:
        fixed[k] = listPosition(layout, i, c.locationId);
        perUnit[k++] = 0;
        break;
      case COST:
        if (!writeCost(c, metres, pickup, fixed, perUnit, k++)) finite = false;
        break;
      // COMPLETE and MAX have no comp here.
    }
  }
  return finite;
}

/**
 * The least cost parameters of the candidates, each on its own (base, per km, per unit, as the model reads them),
 * into `out`; zeros when no ranker reads them or a distance ranker comes first.
 */
export function leastCostParams(prep: { layout: Layout; cands: readonly Candidate[] }, out: Float64Array): void {
  out[0] = out[1] = out[2] = 0;
  // Reading every location's costs pays only when cost is what first tells locations apart (0 is a bound too).
  if (prep.layout.rankers.find((r) => r.kind === "nearest" || r.kind === "lowestCost")?.kind !== "lowestCost") return;
  if (prep.cands.length === 0) return;
  out[0] = out[1] = out[2] = Infinity;
  for (const c of prep.cands) {
    out[0] = Math.min(out[0], Math.max(0, c.cost.baseCents));
    out[1] = Math.min(out[1], Math.max(0, c.cost.perKmCents));
    out[2] = Math.min(out[2], Math.max(0, c.cost.perUnitCents));
  }
}

/**
 * At 0 in `fixed` and `perUnit`: a lower bound on the shipment model of every location at least `metres` away, with
 * cost parameters at least `least` (leastCostParams) and, when `unlisted`, on no designated list — comp by comp:
 * every comp grows with distance and with the cost parameters, and designated comps are least for listed locations.
 */
export function writeLeastModel(layout: Layout, metres: number, unlisted: boolean, pickup: boolean, least: Float64Array, fixed: Float64Array, perUnit: Float64Array): void {
  const { rankers, levelStart } = layout;
  fixed[0] = perUnit[0] = 0;
  for (let i = 0; i < rankers.length; i++) {
    const r = rankers[i];
    for (let k = levelStart[i + 1]; k < levelStart[i + 2]; k++) {
      fixed[k] = 0;
      perUnit[k] = r.kind === "designated" && unlisted ? 1 : 0;
    }
    const k = levelStart[i + 1];
    if (r.kind === "nearest") {
      if (r.measure === "max") fixed[k] = metres;
      else perUnit[k] = metres;
    } else if (r.kind === "complete") fixed[k] = 1;
    else if (r.kind === "lowestCost" && !pickup) {
      fixed[k] = least[0] + Math.round((least[1] * metres) / 1000);
      perUnit[k] = least[2];
    }
  }
}

/**
 * The plan's value under each ranker, for the explanation; the same quantities the score vector compares. From its
 * shipments (location and units, for designated) and, summed over them in order, the units, metres × units and
 * cost, and the farthest shipment's metres.
 */
export function rankerValues(layout: Layout, shipments: readonly { locationId: number; units: number }[], units: number, weighted: number, farthest: number, cents: number): RankerValue[] {
  const values: RankerValue[] = new Array(layout.rankers.length); // its final length (a push would reserve 16)
  for (let i = 0; i < layout.rankers.length; i++) {
    const r = layout.rankers[i];
    switch (r.kind) {
      case "nearest":
        values[i] = { kind: "nearest", measure: r.measure, km: r.measure === "max" ? farthest / 1000 : units > 0 ? weighted / units / 1000 : 0 };
        break;
      case "complete":
        values[i] = { kind: "complete", shipments: shipments.length };
        break;
      case "designated": {
        const positions = layout.designated[i]!;
        const byPosition = new Array<number>(positions.size).fill(0);
        let otherUnits = 0;
        for (const s of shipments) {
          const p = positions.get(s.locationId);
          if (p === undefined) otherUnits += s.units;
          else byPosition[p] += s.units;
        }
        values[i] = { kind: "designated", units: byPosition, otherUnits };
        break;
      }
      case "lowestCost":
        values[i] = { kind: "lowestCost", cents };
        break;
    }
  }
  return values;
}

/** runner-up − winner when one number says it, else null (designated compares a list). */
export function margin(winner: RankerValue, runnerUp: RankerValue): number | null {
  if (winner.kind === "nearest" && runnerUp.kind === "nearest") return Math.round((runnerUp.km - winner.km) * 1000) / 1000;
  if (winner.kind === "complete" && runnerUp.kind === "complete") return runnerUp.shipments - winner.shipments;
  if (winner.kind === "lowestCost" && runnerUp.kind === "lowestCost") return runnerUp.cents - winner.cents;
  return null;
}
