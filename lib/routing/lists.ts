// The block search's lists (search.ts): per block T of whole lines (a bit set), the locations that might ship T in
// one of the topN best plans. Location a "dominates" b for T when it is no worse on every comp of shipping T —
// strictly better on the first summed comp where they differ, or, all equal, ahead in (code, id) order; a location
// with `keep` dominators (topN more than the other blocks of a plan can use) is in none of the topN best plans.
//
// Each list is in sumBefore order: lexicographic on the summed comps, then (code, id). Three rules keep a newcomer:
//   BEST     no max comp: that order is dominance, so a list is simply the best `keep` (whatever the arrival order).
//   BY_MAX   one max comp ("nearest max"): locations arrive in increasing order of it, so a newcomer's dominators
//            are exactly the kept ones ahead of it: it stays iff fewer than `keep` are — one comparison with the
//            keep-th — and it can only dominate kept ones at the same distance.
//   GENERAL  otherwise: count the newcomer's dominators, evict what it dominates `keep` times.
// Under the first two the first `keep` of a list only ever get better, so a location that would fall behind every
// list it could join even at its least possible distance (prepare.ts) is never measured: without a max comp the
// order of arrival does not matter, with one the measured wait until none still to come can be nearer.
// Under BY_MAX a location stays iff fewer than `keep` before it in sumBefore order are as near. When that order is
// the same in every list and at every distance (designated positions, then (code, id): layout.fixedOrder), the
// lists are built in it instead (fillByKey): each keeps its `keep` least distances, a newcomer nearer than the
// keep-th stays, and places are appends — no comparison of codes per list and location.
//
// A location's comps for T are fixed + units(T) × perUnit from its shipment model (layout.ts); lists hold candidate
// indices only and recompute them, so an insertion moves two numbers per location. Built the fast way, the lists
// find places in sumBefore order through the order model (layout.ts), which orders as the summed comps do with
// fewer comps to compare; built plainly, through the summed comps themselves.

import { boundFrom } from "./geo";
import { KeySort, PREFIX_RANGE, prefixOf, sortByKey } from "./key-order";
import { DESIGNATED, type Layout, leastCostParams, listPosition, writeLeastModel, writeOrderModel } from "./layout";
import { type Prepared, bounds, compareCands, compareLocations, locationBefore, measure, measureAll, packKeys } from "./prepare";

export type Block = {
  /** Units of the block's lines. */
  units: number;
  /** Locations with this many dominators go. */
  keep: number;
  /** Kept locations in sumBefore order (a canonical order to search in), and how many of them. */
  len: number;
  cands: Int32Array;
  dominators: Int32Array;
  /** Per comp, the least over the kept locations: a bound for plans that have not chosen this block's location. */
  least: Float64Array;
  /** The kept location first in (code, id) order (−1 until needed): a bound for the tie-break. */
  firstByCode: number;
  /** Locations arriving in order of the max comp: its value for the last one kept (−1 before any). */
  farthest: number;
  /** fillByKey: the least `keep` distances of the kept locations, ascending, and how many. */
  near: Float64Array;
  nearLen: number;
};

function newBlock(cap: number, D: number): Block {
  return { units: 0, keep: 0, len: 0, cands: new Int32Array(cap), dominators: new Int32Array(cap), least: new Float64Array(D), firstByCode: -1, farthest: -1, near: new Float64Array(cap), nearLen: 0 };
}

// How a list keeps a newcomer (see the top of this file): no max comp; arrival by the one max comp; the general rule.
const BEST = 0;
const BY_MAX = 1;
const GENERAL = 2;

/** The location ids on the layout's designated lists. */
function listedIds(layout: Layout): number[] {
  const ids: number[] = [];
  for (const positions of layout.designated) if (positions !== null) for (const id of positions.keys()) ids.push(id);
  return ids;
}

/** The candidate index of a key × 4096 + index (a remainder without the slow floating-point one). */
function unpack(packed: number): number {
  return packed - 4096 * Math.floor(packed / 4096);
}

function popcount(x: number): number {
  let n = 0;
  for (; x !== 0; x &= x - 1) n++;
  return n;
}

/**
 * Indices 0..n−1 into `out` in increasing order of the bucket of keys[i] (n buckets over the range of the keys),
 * in index order within one.
 */
function bucketOrder(keys: Float64Array, n: number, out: Int32Array, counts: Int32Array, bucket: Int32Array): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, keys[i]);
    hi = Math.max(hi, keys[i]);
  }
  const scale = (n - 1) / (hi - lo || 1);
  counts.fill(0, 0, n + 1);
  for (let i = 0; i < n; i++) counts[(bucket[i] = Math.floor((keys[i] - lo) * scale)) + 1]++;
  for (let b = 1; b <= n; b++) counts[b] += counts[b - 1];
  for (let i = 0; i < n; i++) out[counts[bucket[i]]++] = i;
}

/**
 * Sorts xs[0, n) ascending: scattered into n buckets by value, then an insertion sort that has only neighbours to
 * swap when the values spread out (distances do). Several times faster than TypedArray#sort for a few hundred.
 */
function spreadSort(xs: Float64Array, n: number, tmp: Float64Array, counts: Int32Array): void {
  if (n < 2) return;
  let lo = xs[0];
  let hi = xs[0];
  for (let i = 1; i < n; i++) {
    if (xs[i] < lo) lo = xs[i];
    if (xs[i] > hi) hi = xs[i];
  }
  const scale = (n - 1) / (hi - lo || 1);
  counts.fill(0, 0, n + 1);
  for (let i = 0; i < n; i++) counts[Math.floor((xs[i] - lo) * scale) + 1]++;
  for (let b = 1; b <= n; b++) counts[b] += counts[b - 1];
  for (let i = 0; i < n; i++) tmp[counts[Math.floor((xs[i] - lo) * scale)]++] = xs[i];
  for (let i = 0; i < n; i++) {
    const v = tmp[i];
    let k = i;
    for (; k > 0 && xs[k - 1] > v; k--) xs[k] = xs[k - 1];
    xs[k] = v;
  }
}

/** The lists of one decision at a time; one instance serves decision after decision, reusing its arrays. */
export class BlockLists {
  /** blocks[T] for the blocks T of whole lines, 1 ≤ T < 2^lines. */
  blocks: Block[] = [];
  private prep!: Prepared;
  private D = 0;
  private isMax: Uint8Array = new Uint8Array(0);
  /** A location's least model (noneCanJoin), and its order model at its least possible distance (outOfReach). */
  private boundFixed = new Float64Array(8);
  private boundPerUnit = new Float64Array(8);
  private boundOrderFixed = new Float64Array(8);
  private boundOrderPerUnit = new Float64Array(8);
  /** sumBefore order through the order model (fast), or the summed comps (plainly). */
  private byOrder = false;
  private O = 0;
  /** A newcomer's order model for the block in hand (place). */
  private mine = new Float64Array(8);
  private order = new Float64Array(256);
  /** fillByKey: per candidate, its key (key-order.ts), and the sort's working arrays. */
  private keys = new Float64Array(256);
  private keySort = new KeySort();
  private spread = new Float64Array(256);
  private counts = new Int32Array(257);
  private pending = new Float64Array(256);
  private last = new Int32Array(256);
  private arrival = new Int32Array(256);
  private buckets = new Int32Array(256);
  private nearer = new Float64Array(256);
  /** The least cost parameters of the candidates (leastCostParams). */
  private leastCosts = new Float64Array(3);
  /** Locations alike in every comp and in (code, id) are ordered by candidate index (no max comp: see fill). */
  private byIndex = false;
  /**
   * Every comp is a finite number, so each list is in a strict order (see fill). Coordinates out of range or costs
   * that are not finite make comps that are not: the lists are then built again, as they always were.
   */
  numbers = true;
  /**
   * Every comp of a kept location is a whole number, so plan scores add up exactly (search.ts relies on it, with
   * `numbers`: then only a cost comp can be a fraction, and only those are checked).
   */
  whole = true;
  private fromFront = true;

  /** `units[T]`: the units of block T's lines. `plainly`: as they always were (tests check the fast ways against it). */
  build(prep: Prepared, K: number, topN: number, units: Float64Array, plainly = false): void {
    this.prep = prep;
    this.D = prep.layout.size;
    this.O = prep.layout.orderSize;
    this.isMax = prep.layout.isMax;
    this.reset(K, topN, units);
    const fast = prep.inRange && !plainly;
    this.numbers = fast;
    this.fill(fast);
    if (fast && !this.numbers) {
      this.reset(K, topN, units);
      this.fill(false);
    }
    const { D, blocks } = this;
    const { fixed, perUnit } = prep;
    const isCost = prep.layout.isCost;
    let whole = true;
    for (let T = 1; T < 1 << prep.wholeLines.length; T++) {
      const b = blocks[T];
      if (b.len === 0) continue;
      const { least, units: u } = b;
      least.fill(Infinity, 1, D);
      // Location by location: its comps lie together.
      for (let i = 0; i < b.len; i++) {
        const o = b.cands[i] * D;
        for (let k = 1; k < D; k++) {
          const v = fixed[o + k] + u * perUnit[o + k];
          if (isCost[k] && !Number.isInteger(v)) whole = false;
          least[k] = Math.min(least[k], v);
        }
      }
    }
    this.whole = whole;
  }

  firstByCode(b: Block): number {
    if (b.firstByCode < 0) {
      let first = b.cands[0];
      for (let i = 1; i < b.len; i++) if (compareCands(this.prep, b.cands[i], first) < 0) first = b.cands[i];
      b.firstByCode = first;
    }
    return b.firstByCode;
  }

  private reset(K: number, topN: number, units: Float64Array): void {
    const { D, prep } = this;
    const nW = prep.wholeLines.length;
    for (let T = 1; T < 1 << nW; T++) {
      // The other blocks of a plan are at most K − 1 and cover the other lines: this block's locations need `topN`
      // more dominators than there can be other blocks before they can go.
      const keep = topN + Math.min(K - 1, nW - popcount(T));
      let b = this.blocks[T];
      if (b === undefined || b.cands.length < keep + 1 || b.least.length < D) b = this.blocks[T] = newBlock(keep + 1, D);
      b.units = units[T];
      b.len = 0;
      b.keep = keep;
      b.firstByCode = -1;
      b.farthest = -1;
      b.nearLen = 0;
    }
    if (this.boundFixed.length < D) {
      this.boundFixed = new Float64Array(D);
      this.boundPerUnit = new Float64Array(D);
    }
    if (this.boundOrderFixed.length < this.O) {
      this.boundOrderFixed = new Float64Array(this.O);
      this.boundOrderPerUnit = new Float64Array(this.O);
      this.mine = new Float64Array(this.O);
    }
    if (this.last.length < 1 << nW) this.last = new Int32Array(1 << nW);
    const nc = prep.cands.length;
    if (this.order.length < nc) {
      this.keys = new Float64Array(nc * 2);
      this.keySort.reserve(nc * 2);
      this.order = new Float64Array(nc * 2);
      this.pending = new Float64Array(nc * 2);
      this.arrival = new Int32Array(nc * 2);
      this.buckets = new Int32Array(nc * 2);
      this.nearer = new Float64Array(nc * 2);
      this.spread = new Float64Array(nc * 2);
      this.counts = new Int32Array(nc * 2 + 1);
    }
  }

  /**
   * `fast` when every comp is a finite number, so each list is in a strict order: then locations may arrive out of
   * index order, find their place from the front and go unmeasured (see the top of this file). Otherwise the lists
   * are built as they always were: everything measured, index order, places found from the back.
   */
  private fill(fast: boolean): void {
    const { D, order, prep } = this;
    const nc = prep.cands.length;
    let mx = -1; // the max comp; D when there are several
    for (let k = 1; k < D; k++) if (this.isMax[k]) mx = mx < 0 ? k : D;
    this.fromFront = fast;
    this.byOrder = fast;
    this.byIndex = fast && mx < 0;
    if (this.byIndex) return this.fillNearestFirst();
    if (fast && mx >= 0 && mx < D && nc < 4096) {
      if (prep.layout.fixedOrder && this.fillByKey()) return;
      return this.fillByDistance(mx);
    }
    // Otherwise every location takes part, in the order of arrival or in the dominance counts. Locations arrive by
    // the max comp when there is one and its every value is whole and not negative.
    if (!measureAll(prep)) this.numbers = false;
    if (fast && !this.numbers) return;
    let sorted = mx >= 0 && mx < D && nc < 4096;
    for (let c = 0; c < nc && sorted; c++) {
      const key = prep.fixed[c * D + mx];
      if (!(Number.isInteger(key) && key >= 0 && key < 2 ** 40)) sorted = false;
      order[c] = key * 4096 + c;
    }
    if (sorted) spreadSort(order, nc, this.spread, this.counts);
    const mode = mx < 0 ? BEST : sorted ? BY_MAX : GENERAL;
    for (let x = 0; x < nc; x++) this.arrive(sorted ? unpack(order[x]) : x, mode, mx);
  }

  /**
   * One max comp, the distance ("nearest max"): locations must arrive in increasing order of it, then of index.
   * They are taken by their distance bound instead, and one that might make a list is measured and waits in
   * `pending` (by distance, then index) until no location still to come can be as near: the others, out of reach
   * of every list they could join however near they are, are never measured — lists only get harder to join.
   * arrive() and outOfReach() are written out here for this rule: the loop runs for every location of the decision.
   * A comp that is not a number stops it: build() then builds the lists plainly.
   */
  private fillByDistance(mx: number): void {
    const { prep, arrival, nearer, blocks, D, boundOrderFixed, boundOrderPerUnit } = this;
    const { mask, nearest, metres, fixed, cands, layout, pickup } = prep;
    const nc = cands.length;
    // By buckets of the bound; nearer[x]: the least bound from the x-th on.
    bounds(prep);
    bucketOrder(nearest, nc, arrival, this.counts, this.buckets);
    for (let x = nc - 1, least = Infinity; x >= 0; x--) nearer[x] = least = Math.min(least, nearest[arrival[x]]);
    // pending[0, waiting) by key descending: the next to arrive is last.
    const pending = this.pending;
    let waiting = 0;
    for (let x = 0; x < nc || waiting > 0; ) {
      // Distances are whole metres, at least their bound: a pending location nearer than floor(least bound still
      // to come) is nearer than every location to come.
      if (waiting > 0 && (x === nc || metres[unpack(pending[waiting - 1])] < Math.floor(nearer[x]))) {
        const c = unpack(pending[--waiting]); // it arrives
        const m = mask[c];
        const dist = fixed[c * D + mx];
        for (let T = m; T !== 0; T = (T - 1) & m) {
          const b = blocks[T];
          const p = this.place(c, b);
          if (p < 0) continue;
          this.insertAt(b, p, c, p);
          this.sameDistance(b, p, dist, mx);
        }
        continue;
      }
      const next = arrival[x++];
      const m = mask[next];
      if (m === 0) continue;
      // Out of reach (outOfReach): every list it could join full, and it behind the keep-th of each by its order
      // model at its least possible distance (written once a full list asks for it).
      let out = true;
      let modelled = false;
      for (let T = m; T !== 0 && out; T = (T - 1) & m) {
        const b = blocks[T];
        if (b.len < b.keep) out = false;
        else {
          if (!modelled && !writeOrderModel(layout, cands[next], nearest[next], pickup, boundOrderFixed, boundOrderPerUnit, 0)) {
            this.numbers = false;
            return;
          }
          modelled = true;
          out = !this.aheadAtBound(next, b);
        }
      }
      if (out) continue;
      if (!measure(prep, next)) {
        this.numbers = false;
        return;
      }
      const key = metres[next] * 4096 + next;
      let w = waiting++;
      for (; w > 0 && pending[w - 1] < key; w--) pending[w] = pending[w - 1];
      pending[w] = key;
    }
  }

  /**
   * BY_MAX's lists in sumBefore order, when it is fixed (see the top of this file): locations sorted once for every
   * list by a key packing their designated positions and the first units of their code (key-order.ts; alike keys by
   * compareLocations). A location out of every list it could join at its least possible distance is not measured.
   * False, with no list touched, when the keys do not fit or two locations are alike in (code, id) (the order of
   * arrival would decide between them): fillByDistance then builds them.
   */
  private fillByKey(): boolean {
    const { prep, blocks, keys } = this;
    const { mask, metres, cands, layout } = prep;
    const { kinds, listed } = layout;
    const nc = cands.length;
    let radix = 1; // designated positions as one number: each list's position in base (its length + 1)
    for (let i = 0; i < kinds.length; i++) if (kinds[i] === DESIGNATED) radix *= listed[i]!.length + 1;
    if (radix > 1000) return false;
    const order = this.arrival;
    let n = 0;
    for (let c = 0; c < nc; c++) {
      if (mask[c] === 0) continue;
      let position = 0;
      for (let i = 0; i < kinds.length; i++) if (kinds[i] === DESIGNATED) position = position * (listed[i]!.length + 1) + listPosition(layout, i, cands[c].locationId);
      keys[c] = position * PREFIX_RANGE + prefixOf(cands[c]);
      order[n++] = c;
    }
    sortByKey(order, n, keys, this.keySort);
    // Equal keys: codes alike in their first units; (code, id) decides, as in compareLocations.
    for (let x = 1; x < n; x++) {
      if (keys[order[x]] !== keys[order[x - 1]]) continue;
      let y = x + 1;
      while (y < n && keys[order[y]] === keys[order[x - 1]]) y++;
      for (let i = x; i < y; i++) {
        const c = order[i];
        let at = i;
        for (; at >= x && compareLocations(cands[order[at - 1]], cands[c]) > 0; at--) order[at] = order[at - 1];
        order[at] = c;
      }
      for (let i = x; i < y; i++) if (!(compareLocations(cands[order[i - 1]], cands[order[i]]) < 0)) return false;
      x = y - 1;
    }
    prep.orderModel = false; // nothing here compares order models
    for (let x = 0; x < n; x++) {
      const c = order[x];
      const m = mask[c];
      // b.near[0, nearLen): the least distances of b's locations so far, ascending.
      let reach = false;
      let least = -1;
      for (let T = m; T !== 0 && !reach; T = (T - 1) & m) {
        const b = blocks[T];
        if (b.nearLen < b.keep) reach = true;
        else {
          if (least < 0) least = boundFrom(prep.origin, cands[c].lat, cands[c].lng); // asked by a full list
          reach = b.near[b.keep - 1] > least;
        }
      }
      if (!reach) continue;
      if (!measure(prep, c)) {
        this.numbers = false;
        return true;
      }
      const dist = metres[c];
      for (let T = m; T !== 0; T = (T - 1) & m) {
        const b = blocks[T];
        const keep = b.keep;
        if (b.nearLen >= keep && !(b.near[keep - 1] > dist)) continue;
        this.insertAt(b, b.len, c, 0);
        const near = b.near;
        let i = b.nearLen < keep ? b.nearLen++ : keep - 1;
        for (; i > 0 && near[i - 1] > dist; i--) near[i] = near[i - 1];
        near[i] = dist;
      }
    }
    return true;
  }

  /**
   * No max comp, every comp a number: any order of arrival makes the same lists, each the best `keep` of all
   * (identical locations by candidate index, see ahead). Nearest first by the distance bound, then, so that they
   * hold good locations early and most of the rest fall out of reach unmeasured — and once even the least model of
   * a location that far (layout.ts) is behind the keep-th of every list some location still to come could join,
   * none of them can join any: the rest need not be looked at.
   */
  private fillNearestFirst(): void {
    const { prep } = this;
    const { mask, nearest } = prep;
    const nc = prep.cands.length;
    // Roughly nearest first is enough: by buckets of the bound, in index order within one.
    const arrival = this.arrival;
    bounds(prep);
    bucketOrder(nearest, nc, arrival, this.counts, this.buckets);
    // last[T]: where the last location that can ship block T arrives; listedLast: the last one on a designated list;
    // nearer[x]: the least bound of the locations from the x-th to arrive on.
    const { last, nearer } = this;
    for (let T = 1; T < 1 << prep.wholeLines.length; T++) last[T] = -1;
    const listed = listedIds(prep.layout);
    let listedLast = -1;
    for (let x = 0; x < nc; x++) {
      const c = arrival[x];
      const m = mask[c];
      for (let T = m; T !== 0; T = (T - 1) & m) last[T] = x;
      if (listed.length > 0 && listed.includes(prep.cands[c].locationId)) listedLast = x;
    }
    for (let x = nc - 1, least = Infinity; x >= 0; x--) nearer[x] = least = Math.min(least, nearest[arrival[x]]);
    leastCostParams(prep, this.leastCosts);
    for (let x = 0; x < nc && this.numbers; x++) {
      // Checked now and then: the bound grows slowly.
      if ((x & 7) === 7 && this.noneCanJoin(x, nearer[x], x > listedLast)) return;
      this.arrive(arrival[x], BEST, -1);
    }
  }

  /**
   * Whether no location from the x-th to arrive on, each at least `metres` away (and on no designated list when
   * `unlisted`), can join any list.
   */
  private noneCanJoin(x: number, metres: number, unlisted: boolean): boolean {
    const { D, blocks, last, boundFixed, boundPerUnit } = this;
    const { fixed, perUnit, layout, pickup } = this.prep;
    writeLeastModel(layout, metres, unlisted, pickup, this.leastCosts, boundFixed, boundPerUnit);
    for (let T = 1; T < 1 << this.prep.wholeLines.length; T++) {
      if (last[T] < x) continue;
      const b = blocks[T];
      if (b.len < b.keep) return false;
      const e = b.cands[b.keep - 1] * D;
      let behind = false;
      for (let k = 1; k < D && !behind; k++) {
        const d = boundFixed[k] + b.units * boundPerUnit[k] - (fixed[e + k] + b.units * perUnit[e + k]);
        if (!(d >= 0)) return false; // ahead, or not a number
        behind = d > 0;
      }
      if (!behind) return false; // alike on every comp: the code could still put one ahead
    }
    return true;
  }

  /** Location c arrives; `mode` says which rule keeps it (see the top of this file), mx is the max comp for BY_MAX. */
  private arrive(c: number, mode: number, mx: number): void {
    const { D, blocks } = this;
    const { mask, fixed, measured } = this.prep;
    const m = mask[c];
    if (m === 0) return;
    if (!measured[c]) {
      if (this.outOfReach(c, m)) return;
      if (!measure(this.prep, c)) this.numbers = false;
    }
    const o = c * D;
    for (let T = m; T !== 0; T = (T - 1) & m) {
      const b = blocks[T];
      const n = b.len;
      const keep = b.keep;
      if (mode !== GENERAL) {
        if (n >= keep && !this.ahead(c, b, keep - 1)) continue;
        // Its place: from the front, where fewer than `keep` kept locations are ahead of it (the list can be
        // longer), when the lists are in a strict order; else from the back.
        let p = 0;
        if (this.fromFront) while (p < n && !this.ahead(c, b, p)) p++;
        else for (p = n; p > 0 && this.ahead(c, b, p - 1); ) p--;
        this.insertAt(b, p, c, p);
        if (mode === BEST) {
          if (b.len > keep) b.len = keep;
        } else this.sameDistance(b, p, fixed[o + mx], mx);
        continue;
      }
      let dominators = 0;
      for (let i = 0; i < n && dominators < keep; i++) if (this.dominates(b.cands[i], c, b.units)) dominators++;
      if (dominators >= keep) continue;
      for (let i = n - 1; i >= 0; i--) if (this.dominates(c, b.cands[i], b.units) && ++b.dominators[i] >= keep) this.remove(b, i);
      let p = b.len;
      while (p > 0 && this.ahead(c, b, p - 1)) p--;
      this.insertAt(b, p, c, dominators);
    }
  }

  /**
   * Whether location c, not measured yet, would fall behind the keep-th of every list it could join even at its least
   * possible distance: then it would at its true one too (no comp shrinks as distance grows) and need not be
   * measured. Under BEST and BY_MAX only: there a full list takes a newcomer only ahead of its keep-th (fillByDistance
   * writes it out for BY_MAX).
   */
  private outOfReach(c: number, m: number): boolean {
    const { blocks, boundOrderFixed, boundOrderPerUnit } = this;
    for (let T = m; T !== 0; T = (T - 1) & m) if (blocks[T].len < blocks[T].keep) return false;
    const { cands, layout, pickup, nearest } = this.prep;
    if (!writeOrderModel(layout, cands[c], nearest[c], pickup, boundOrderFixed, boundOrderPerUnit, 0)) {
      this.numbers = false;
      return false;
    }
    for (let T = m; T !== 0; T = (T - 1) & m) if (this.aheadByOrder(boundOrderFixed, boundOrderPerUnit, 0, c, blocks[T], blocks[T].keep - 1)) return false;
    return true;
  }

  /**
   * BY_MAX, after a newcomer at `dist` took place p in b: it dominates the kept locations behind it at its distance
   * (no kept one is farther); one that has `keep` dominators goes.
   */
  private sameDistance(b: Block, p: number, dist: number, mx: number): void {
    if (dist !== b.farthest) {
      b.farthest = dist; // no kept location at its distance: it dominates none of them
      return;
    }
    const { D } = this;
    const { fixed } = this.prep;
    for (let i = p + 1; i < b.len; i++) if (fixed[b.cands[i] * D + mx] === dist && ++b.dominators[i] >= b.keep) this.remove(b, i--);
  }

  /**
   * Where measured location c goes in list b (lists in a strict order, by the order model): from the front, the
   * first entry it is ahead of, among the first `keep`; −1 when the list is full and it is ahead of none of them.
   */
  private place(c: number, b: Block): number {
    const { O, mine } = this;
    const { orderFixed, orderPerUnit } = this.prep;
    const u = b.units;
    const q = c * O;
    for (let k = 0; k < O; k++) mine[k] = orderFixed[q + k] + u * orderPerUnit[q + k];
    const n = b.len;
    const keep = b.keep;
    // The keep-th first: most newcomers are behind it.
    if (n >= keep && !this.before(c, b.cands[keep - 1], u)) return -1;
    const end = n >= keep ? keep - 1 : n;
    let p = 0;
    while (p < end && !this.before(c, b.cands[p], u)) p++;
    return p;
  }

  /** Whether c, whose order model for `u` units is in `mine`, is before list entry x in sumBefore order. */
  private before(c: number, x: number, u: number): boolean {
    const { O, mine } = this;
    const { orderFixed, orderPerUnit, codeKeys } = this.prep;
    const e = x * O;
    for (let k = 0; k < O; k++) {
      const d = mine[k] - (orderFixed[e + k] + u * orderPerUnit[e + k]);
      if (d !== 0) return d < 0;
    }
    if (codeKeys[2 * c] < 0) packKeys(this.prep, c);
    if (codeKeys[2 * x] < 0) packKeys(this.prep, x);
    if (codeKeys[2 * c] !== codeKeys[2 * x]) return codeKeys[2 * c] < codeKeys[2 * x];
    if (codeKeys[2 * c + 1] !== codeKeys[2 * x + 1]) return codeKeys[2 * c + 1] < codeKeys[2 * x + 1];
    return (compareLocations(this.prep.cands[c], this.prep.cands[x]) || (this.byIndex ? c - x : 0)) < 0;
  }

  /** Whether measured location c is before entry i of b in sumBefore order. */
  private ahead(c: number, b: Block, i: number): boolean {
    const { fixed, perUnit, orderFixed, orderPerUnit } = this.prep;
    return this.byOrder ? this.aheadByOrder(orderFixed, orderPerUnit, c * this.O, c, b, i) : this.aheadBySums(fixed, perUnit, c * this.D, c, b, i);
  }

  /**
   * Whether location c, by its order model at its least possible distance, is before the keep-th of b. Its code is
   * compared as a string: most locations tested here go out of reach, and packing their codes would cost more.
   */
  private aheadAtBound(c: number, b: Block): boolean {
    const { O, boundOrderFixed, boundOrderPerUnit } = this;
    const { orderFixed, orderPerUnit, cands } = this.prep;
    const x = b.cands[b.keep - 1];
    const e = x * O;
    const u = b.units;
    for (let k = 0; k < O; k++) {
      const d = boundOrderFixed[k] + u * boundOrderPerUnit[k] - (orderFixed[e + k] + u * orderPerUnit[e + k]);
      if (d !== 0) return d < 0;
    }
    return locationBefore(cands[c], cands[x]);
  }

  /** ahead() for location c by the order model at `o` in `mFixed` and `mPerUnit`. */
  private aheadByOrder(mFixed: Float64Array, mPerUnit: Float64Array, o: number, c: number, b: Block, i: number): boolean {
    const O = this.O;
    const { orderFixed, orderPerUnit } = this.prep;
    const e = b.cands[i] * O;
    const u = b.units;
    for (let k = 0; k < O; k++) {
      const d = mFixed[o + k] + u * mPerUnit[o + k] - (orderFixed[e + k] + u * orderPerUnit[e + k]);
      if (d !== 0) return d < 0;
    }
    return (compareCands(this.prep, c, b.cands[i]) || (this.byIndex ? c - b.cands[i] : 0)) < 0;
  }

  /** ahead() for location c by the summed comps of the shipment model at `o` in `mFixed` and `mPerUnit`. */
  private aheadBySums(mFixed: Float64Array, mPerUnit: Float64Array, o: number, c: number, b: Block, i: number): boolean {
    const { D, isMax } = this;
    const { fixed, perUnit } = this.prep;
    const e = b.cands[i] * D;
    const u = b.units;
    for (let k = 1; k < D; k++) {
      if (isMax[k]) continue;
      const d = mFixed[o + k] + u * mPerUnit[o + k] - (fixed[e + k] + u * perUnit[e + k]);
      if (d !== 0) return d < 0;
    }
    return (compareCands(this.prep, c, b.cands[i]) || (this.byIndex ? c - b.cands[i] : 0)) < 0;
  }

  /** a dominates b shipping `u` units. Comp 0, fill, is the same for both. */
  private dominates(a: number, b: number, u: number): boolean {
    const { D, isMax } = this;
    const { fixed, perUnit } = this.prep;
    for (let k = 1; k < D; k++) {
      const x = fixed[a * D + k] + u * perUnit[a * D + k];
      const y = fixed[b * D + k] + u * perUnit[b * D + k];
      if (isMax[k]) {
        if (x > y) return false;
      } else if (x !== y) return x < y;
    }
    return compareCands(this.prep, a, b) < 0;
  }

  private insertAt(b: Block, i: number, c: number, dominators: number): void {
    if (b.len === b.cands.length) {
      const cands = new Int32Array(b.len * 2);
      const doms = new Int32Array(b.len * 2);
      cands.set(b.cands);
      doms.set(b.dominators);
      b.cands = cands;
      b.dominators = doms;
    }
    const { cands: bc, dominators: bd } = b;
    for (let x = b.len; x > i; x--) {
      bc[x] = bc[x - 1];
      bd[x] = bd[x - 1];
    }
    bc[i] = c;
    bd[i] = dominators;
    b.len++;
  }

  private remove(b: Block, i: number): void {
    const { cands: bc, dominators: bd } = b;
    for (let x = i; x < b.len - 1; x++) {
      bc[x] = bc[x + 1];
      bd[x] = bd[x + 1];
    }
    b.len--;
  }
}
