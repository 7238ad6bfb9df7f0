// From an order, the candidate locations and a strategy to the flat arrays the search runs on: lines merged by SKU,
// filters applied (each rejection reported against the first filter it failed), and per surviving location the
// units it may give of each line, which lines it can ship whole, a cheap lower bound on its distance, and — on
// demand, once per location per order (measure) — its distance and shipment model (layout.ts).

import { type Origin, boundFrom, metresFrom, originOf } from "./geo";
import { type Layout, writeOrderModel, writeShipmentModel } from "./layout";
import { AtpColumn, type AtpColumns } from "./atp-columns";
import type { Candidate, Filter, FilterReason, FilterStep, LocationType, OrderLine, RoutingOrder } from "./types";

/** Lines merged by SKU, without zero quantities, ordered by SKU id: the result does not depend on line order. */
export function orderLines(lines: readonly OrderLine[]): OrderLine[] {
  const out: OrderLine[] = [];
  for (const l of lines) {
    if (!Number.isInteger(l.quantity) || l.quantity < 0) throw new RangeError(`quantity of SKU ${l.skuId} must be a whole number ≥ 0, got ${l.quantity}`);
    if (l.quantity === 0) continue;
    // Insertion into a short sorted list: orders have a handful of lines.
    let i = out.length;
    while (i > 0 && out[i - 1].skuId > l.skuId) i--;
    if (i > 0 && out[i - 1].skuId === l.skuId) out[i - 1] = { skuId: l.skuId, quantity: out[i - 1].quantity + l.quantity };
    else {
      // Inserted at i by hand: Array#splice builds an array of what it removed.
      out.push(l);
      for (let x = out.length - 1; x > i; x--) out[x] = out[x - 1];
      out[i] = { skuId: l.skuId, quantity: l.quantity };
    }
  }
  return out;
}

/** (code, id) order of locations: the final tie-break and every "then by location" in this module. */
export function compareLocations(a: Candidate, b: Candidate): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : a.locationId - b.locationId;
}

/** compareLocations(a, b) < 0, by one string comparison when a comes later (most locations asked about do). */
export function locationBefore(a: Candidate, b: Candidate): boolean {
  if (a.code > b.code) return false;
  return a.code !== b.code || a.locationId < b.locationId;
}

// A UTF-16 unit + 1 per digit, 0 past the end (so a prefix packs lower): three digits stay below 2^53.
const BASE = 65_537;

/**
 * compareLocations for two candidates of `prep` by index. The search compares the same few locations over and over
 * when rankers tie, so each candidate's code is packed, on first use, into two numbers (its first 3 UTF-16 units,
 * the next 3) whose order is the strings' order; only codes alike in their first 6 units are compared as strings.
 */
export function compareCands(prep: Prepared, a: number, b: number): number {
  const keys = prep.codeKeys;
  if (keys[2 * a] < 0) packKeys(prep, a);
  if (keys[2 * b] < 0) packKeys(prep, b);
  // −1 or 1 rather than the difference: packed keys are beyond small integers, and a returned one would be boxed.
  const ka = keys[2 * a];
  const kb = keys[2 * b];
  if (ka !== kb) return ka < kb ? -1 : 1;
  const la = keys[2 * a + 1];
  const lb = keys[2 * b + 1];
  if (la !== lb) return la < lb ? -1 : 1;
  return compareLocations(prep.cands[a], prep.cands[b]);
}

/** Packs c's code into codeKeys[2c, 2c + 1]: written in place, as a key returned from a call would be boxed. */
export function packKeys(prep: Prepared, c: number): void {
  const code = prep.cands[c].code;
  for (let half = 0; half < 2; half++) {
    let key = 0;
    for (let i = 3 * half; i < 3 * half + 3; i++) key = key * BASE + (i < code.length ? code.charCodeAt(i) + 1 : 0);
    prep.codeKeys[2 * c + half] = key;
  }
}

/**
 * A static filter as screen() applies it: plain data rather than a closure per decision. "none" where the filter is
 * skipped or is the ATP margin (applied with the stock).
 */
type Check =
  | { kind: "none" }
  | { kind: "locationType"; types: ReadonlySet<LocationType> }
  | { kind: "sameRegion" | "sameProvince"; value: string }
  | { kind: "canShip" | "canPickup" | "capacity" }
  | { kind: "exclude"; ids: ReadonlySet<number> };

const NONE: Check = { kind: "none" };

export type CompiledFilters = {
  steps: FilterStep[];
  /** The static checks, in strategy order. */
  checks: Check[];
  /** Per filter: its margin for minAtpMargin, else −1. */
  margins: number[];
  /** The largest margin: what each location may give is ATP − margin. */
  margin: number;
};

export function compileFilters(filters: readonly Filter[], order: RoutingOrder): CompiledFilters {
  const dest = order.destination;
  const steps: FilterStep[] = [];
  const checks: Check[] = [];
  const margins: number[] = [];
  let margin = 0;
  for (const f of filters) {
    let check = NONE;
    let skipped = false;
    let m = -1;
    switch (f.kind) {
      case "locationType":
        check = { kind: "locationType", types: new Set(f.types) };
        break;
      case "sameRegion":
      case "sameProvince": {
        const value = f.kind === "sameRegion" ? dest.region : dest.province;
        if (value === undefined) skipped = true;
        else check = { kind: f.kind, value };
        break;
      }
      case "capability":
        check = { kind: order.fulfilment === "PICKUP" ? "canPickup" : "canShip" };
        break;
      case "capacity":
        check = { kind: "capacity" };
        break;
      case "minAtpMargin":
        m = Math.max(0, f.units);
        margin = Math.max(margin, m);
        break;
      case "exclude":
        check = { kind: "exclude", ids: new Set(f.locationIds) };
        break;
    }
    steps.push({ filter: f.kind, removed: 0, skipped });
    checks.push(check);
    margins.push(m);
  }
  return { steps, checks, margins, margin };
}

function passes(check: Check, c: Candidate): boolean {
  switch (check.kind) {
    case "none":
      return true;
    case "locationType":
      return check.types.has(c.type);
    case "sameRegion":
      return c.region === check.value;
    case "sameProvince":
      return c.province === check.value;
    case "canShip":
      return c.canShip;
    case "canPickup":
      return c.canPickup;
    case "capacity":
      return c.remainingCapacity > 0;
    case "exclude":
      return !check.ids.has(c.locationId);
  }
}

/**
 * Where prepare() reads stock from: the candidates' shared AtpColumns table (when the first candidate's ATP is a
 * column of one) with the order's SKUs found in its index once (`at[i]`, −1 when absent), else each ATP map.
 */
export class StockReader {
  table: AtpColumns | null = null;
  at = new Int32Array(8);

  /** Set for one decision. */
  for(candidates: readonly Candidate[], lines: readonly OrderLine[]): this {
    const first = candidates.length > 0 ? candidates[0].atp : null;
    this.table = first instanceof AtpColumn ? first.table : null;
    if (this.table) {
      if (this.at.length < lines.length) this.at = new Int32Array(lines.length * 2);
      for (let i = 0; i < lines.length; i++) this.at[i] = this.table.index.get(lines[i].skuId) ?? -1;
    }
    return this;
  }
}

/** Reads the location's raw ATP of each line into `raw`; true when it holds any. */
function readStock(c: Candidate, lines: readonly OrderLine[], raw: Float64Array, from: StockReader): boolean {
  let any = false;
  const atp = c.atp;
  const table = from.table;
  const direct = table !== null && atp instanceof AtpColumn && atp.table === table;
  for (let i = 0; i < lines.length; i++) {
    // NaN (none held) and undefined both fail `> 0`.
    const a = direct && from.at[i] >= 0 ? table.values[from.at[i] * table.stride + atp.slot] : atp.get(lines[i].skuId);
    const v = a === undefined || !(a > 0) ? 0 : Math.floor(a);
    raw[i] = v;
    if (v > 0) any = true;
  }
  return any;
}

function anyAbove(raw: Float64Array, n: number, margin: number): boolean {
  for (let i = 0; i < n; i++) if (raw[i] > margin) return true;
  return false;
}

/**
 * Runs the filters over one location. Returns the reason it is left out, or null; on null `raw` holds its ATP of
 * each line (before the margin).
 */
export function screen(c: Candidate, lines: readonly OrderLine[], f: CompiledFilters, raw: Float64Array, from: StockReader): FilterReason | null {
  let stocked: boolean | null = null;
  for (let k = 0; k < f.checks.length; k++) {
    if (!passes(f.checks[k], c)) return fail(f, k);
    if (f.margins[k] >= 0) {
      stocked ??= readStock(c, lines, raw, from);
      // A location with nothing of the order is "noStock", not the margin's doing.
      if (stocked && !anyAbove(raw, lines.length, f.margins[k])) return fail(f, k);
    }
  }
  stocked ??= readStock(c, lines, raw, from);
  return stocked && anyAbove(raw, lines.length, f.margin) ? null : "noStock";
}

function fail(f: CompiledFilters, k: number): FilterReason {
  f.steps[k].removed++;
  return f.steps[k].filter;
}

function byLocationId(xs: readonly { locationId: number }[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1].locationId > xs[i].locationId) return false;
  return true;
}

/** The arrays may be longer than needed: index them below cands.length (× lines or × layout.size). */
export type Prepared = {
  pickup: boolean;
  lines: OrderLine[];
  totalUnits: number;
  /** Locations that passed the filters and may give some of the order. Index = "candidate index" below. */
  cands: Candidate[];
  /** cands × lines: units each location may give of each line (ATP − margin, ≥ 0). */
  give: Float64Array;
  /** Line indices some location can ship whole ("whole lines"), and those none can but some hold ("split lines"). */
  wholeLines: number[];
  splitLines: number[];
  /** Per candidate: bit w set when it can ship wholeLines[w] whole (orders of ≤ 31 lines; else 0). */
  mask: Int32Array;
  /** Per candidate: 1 when it can ship a whole line whole or holds some of a split line. */
  useful: Uint8Array;
  /** Per candidate, two numbers packing its code (compareCands), −1 until first used. */
  codeKeys: Float64Array;

  /**
   * Per candidate, its metres to the destination and (× layout.size) its shipment model (layout.ts), written by
   * measure() (the trigonometry and cost model are most of the per-location work): the block search measures only
   * the locations that might make one of its lists; everything else measures all of them.
   */
  metres: Float64Array;
  fixed: Float64Array;
  perUnit: Float64Array;
  /**
   * Per candidate (× layout.orderSize), its order model (layout.ts), written by measure() too while `orderModel`
   * (the lists built in key order do not read it and turn it off).
   */
  orderFixed: Float64Array;
  orderPerUnit: Float64Array;
  orderModel: boolean;
  /** 0 until measured; then 1, or 2 when some comp of the model is not a finite number. */
  measured: Uint8Array;
  /** The destination, for metresFrom and boundFrom (geo.ts). */
  origin: Origin;
  /** Per candidate, a lower bound on its metres, with no trigonometry (geo.ts): written when `bounded`, else left to bounds() (layout.keyOrder). */
  nearest: Float64Array;
  bounded: boolean;
  /** Every latitude is within ±90° and every longitude a finite number: every distance is then whole metres ≥ 0. */
  inRange: boolean;
  layout: Layout;
  filtered: { locationId: number; code: string; reason: FilterReason }[];
  filterSteps: FilterStep[];
};

/**
 * Arrays reused from one decision to the next (route() is synchronous, so one set serves every call); `cands` holds
 * the last decision's candidates until the next one.
 */
export class Buffers {
  raw = new Float64Array(8);
  give = new Float64Array(256);
  metres = new Float64Array(64);
  fixed = new Float64Array(256);
  perUnit = new Float64Array(256);
  orderFixed = new Float64Array(128);
  orderPerUnit = new Float64Array(128);
  mask = new Int32Array(64);
  cover = new Int32Array(64);
  stock = new Int32Array(64);
  useful = new Uint8Array(64);
  measured = new Uint8Array(64);
  nearest = new Float64Array(64);
  codeKeys = new Float64Array(128);
  cands: Candidate[] = [];
  reader = new StockReader();
}

function f64(b: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  return b.length >= n ? b : new Float64Array(Math.max(n, b.length * 2));
}

/** `buffers` lends the arrays (route() passes its own); without it they are fresh. */
export function prepare(order: RoutingOrder, candidates: readonly Candidate[], filters: readonly Filter[], layout: Layout, buffers = new Buffers()): Prepared {
  const lines = orderLines(order.lines);
  const n = lines.length;
  const compiled = compileFilters(filters, order);
  const margin = compiled.margin;
  const pickup = order.fulfilment === "PICKUP";
  const D = layout.size;
  const raw = (buffers.raw = f64(buffers.raw, n));
  const cap = candidates.length;
  const give = (buffers.give = f64(buffers.give, cap * n));
  const metres = (buffers.metres = f64(buffers.metres, cap));
  const fixed = (buffers.fixed = f64(buffers.fixed, cap * D));
  const perUnit = (buffers.perUnit = f64(buffers.perUnit, cap * D));
  const orderFixed = (buffers.orderFixed = f64(buffers.orderFixed, cap * layout.orderSize));
  const orderPerUnit = (buffers.orderPerUnit = f64(buffers.orderPerUnit, cap * layout.orderSize));
  const nearest = (buffers.nearest = f64(buffers.nearest, cap));
  const codeKeys = (buffers.codeKeys = f64(buffers.codeKeys, cap * 2));
  codeKeys.fill(-1, 0, cap * 2);
  if (buffers.mask.length < cap) {
    const size = Math.max(cap, buffers.mask.length * 2);
    buffers.mask = new Int32Array(size);
    buffers.cover = new Int32Array(size);
    buffers.stock = new Int32Array(size);
    buffers.useful = new Uint8Array(size);
    buffers.measured = new Uint8Array(size);
  }
  const measured = buffers.measured;
  measured.fill(0, 0, cap);
  const origin = originOf(order.destination);
  const bounded = !layout.keyOrder;
  const from = buffers.reader.for(candidates, lines);
  let inRange = isInRange(order.destination.lat, order.destination.lng);

  // Per location, bit i: it can ship line i whole (cover) / holds some of it (stock). Orders of ≤ 31 lines only.
  const bits = n <= 31;
  const { cover, stock } = buffers;
  const cands = buffers.cands;
  const filtered: Prepared["filtered"] = [];
  let nc = 0;
  for (let x = 0; x < candidates.length; x++) {
    const c = candidates[x];
    // Read the coordinates first: their loads then overlap the stock's (the data is seldom in cache).
    const lat = c.lat;
    const lng = c.lng;
    const reason = screen(c, lines, compiled, raw, from);
    if (reason !== null) {
      filtered.push({ locationId: c.locationId, code: c.code, reason });
      continue;
    }
    const k = nc++;
    const at = k * n;
    let cv = 0;
    let st = 0;
    for (let i = 0; i < n; i++) {
      const g = raw[i] > margin ? raw[i] - margin : 0;
      give[at + i] = g;
      if (bits && g > 0) {
        st |= 1 << i;
        if (g >= lines[i].quantity) cv |= 1 << i;
      }
    }
    cover[k] = cv;
    stock[k] = st;
    if (bounded) nearest[k] = boundFrom(origin, lat, lng); // cheapest while the location is at hand
    if (!isInRange(lat, lng)) inRange = false;
    cands[k] = c;
  }
  if (cands.length !== nc) cands.length = nc; // a runtime call: only when it changes
  // Callers usually pass the locations in id order already.
  if (!byLocationId(filtered)) filtered.sort((a, b) => a.locationId - b.locationId);

  const wholeLines: number[] = [];
  const splitLines: number[] = [];
  const mask = buffers.mask;
  const useful = buffers.useful;
  if (bits) {
    let covered = 0;
    let stocked = 0;
    for (let c = 0; c < nc; c++) {
      covered |= cover[c];
      stocked |= stock[c];
    }
    for (let i = 0; i < n; i++) {
      if (covered & (1 << i)) wholeLines.push(i);
      else if (stocked & (1 << i)) splitLines.push(i);
    }
    const splitBits = stocked & ~covered;
    const compact = wholeLines.length !== n; // masks number the whole lines only
    for (let c = 0; c < nc; c++) {
      let m = cover[c];
      if (compact) {
        m = 0;
        for (let w = 0; w < wholeLines.length; w++) if (cover[c] & (1 << wholeLines[w])) m |= 1 << w;
      }
      mask[c] = m;
      useful[c] = m !== 0 || (stock[c] & splitBits) !== 0 ? 1 : 0;
    }
  } else {
    for (let i = 0; i < n; i++) {
      let whole = false;
      let some = false;
      for (let c = 0; c < nc && !whole; c++) {
        const g = give[c * n + i];
        if (g >= lines[i].quantity) whole = true;
        else if (g > 0) some = true;
      }
      if (whole) wholeLines.push(i);
      else if (some) splitLines.push(i);
    }
    // Too many lines for the block search: the set search reads `give`; masks stay empty.
    for (let c = 0; c < nc; c++) {
      let u = 0;
      for (const i of wholeLines) if (give[c * n + i] >= lines[i].quantity) u = 1;
      for (const i of splitLines) if (give[c * n + i] > 0) u = 1;
      mask[c] = 0;
      useful[c] = u;
    }
  }
  let totalUnits = 0;
  for (const l of lines) totalUnits += l.quantity;
  return { pickup, lines, totalUnits, cands, give, wholeLines, splitLines, mask, useful, codeKeys, metres, fixed, perUnit, orderFixed, orderPerUnit, orderModel: true, measured, origin, nearest, bounded, inRange, layout, filtered, filterSteps: compiled.steps };
}

function isInRange(lat: number, lng: number): boolean {
  return Math.abs(lat) <= 90 && Number.isFinite(lng);
}

/** Writes candidate c's metres, shipment model and order model, once. Returns whether every comp of the model is a finite number. */
export function measure(prep: Prepared, c: number): boolean {
  if (prep.measured[c] === 0) {
    const cand = prep.cands[c];
    const metres = (prep.metres[c] = metresFrom(prep.origin, cand.lat, cand.lng));
    prep.measured[c] = writeShipmentModel(prep.layout, cand, metres, prep.pickup, prep.fixed, prep.perUnit, c * prep.layout.size) ? 1 : 2;
    if (prep.orderModel) writeOrderModel(prep.layout, cand, metres, prep.pickup, prep.orderFixed, prep.orderPerUnit, c * prep.layout.orderSize);
  }
  return prep.measured[c] === 1;
}

/** Every candidate's distance bound into `nearest`, when prepare() left them (layout.keyOrder). */
export function bounds(prep: Prepared): void {
  if (prep.bounded) return;
  for (let c = 0; c < prep.cands.length; c++) prep.nearest[c] = boundFrom(prep.origin, prep.cands[c].lat, prep.cands[c].lng);
  prep.bounded = true;
}

/** measure() for every candidate: whether every comp is a finite number. */
export function measureAll(prep: Prepared): boolean {
  let finite = true;
  for (let c = 0; c < prep.cands.length; c++) if (!measure(prep, c)) finite = false;
  return finite;
}
