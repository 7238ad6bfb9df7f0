// Plan enumeration, without trying every combination of locations.
//
// A plan is up to K = maxSplits + 1 shipments from distinct locations. Lines that some location can ship whole
// ("whole lines") ship whole from one location or are back-ordered whole: a customer gets a line in one parcel. A
// line no location can ship whole ("split line") is filled from the plan's locations nearest first, the rest
// back-ordered. Plans are ordered by the reducer (reducer.ts): fill, then the rankers, then the tie-break (route.ts).
// Fill comes first, so both searches score only plans that ship the most units any plan can. Both find the plan the
// brute force of test-support.ts finds (every subset of locations with every assignment of lines).
//
// Block search — no split lines and at most MAX_BLOCK_LINES whole lines, i.e. almost every order. A plan is a
// partition of the lines it ships into ≤ K blocks, each shipped by one location holding the whole block. Per block
// a location's contribution to each score comp is fixed (layout.ts: fixed + units × perUnit), and plans aggregate
// contributions by sum or max. So if location a is no worse than b on every comp for block T — strictly better on
// the first summed comp where they differ, or, all equal, ahead in (code, id) order — putting a in b's place makes
// any plan strictly better: a "dominates" b. If ≥ K − 1 + topN locations dominate b, then in any plan using b the
// other blocks (≤ K − 1) leave topN of them free, each making a strictly better plan, so b is in none of the topN
// best plans. Per block we keep the locations with fewer dominators than that (lists.ts): without a "nearest max"
// ranker the order is total and that is the best few; with one, a small Pareto front of (distance, the rest).
// Building the lists is linear in the candidates (each enters the blocks it covers, 2^lines − 1 at most). Then the
// partitions of the lines into realisable blocks that ship the most units are searched, most
// promising first, and per partition the combinations of kept locations, best first, with a bound: a partial plan
// whose least possible score (what it has plus each open block's least) is worse than the topN-th best so far is
// abandoned. For 3 lines, 200 candidates and 2 splits: 7 lists of ≤ 7 locations (more with "nearest max") and 5 to 20
// plans scored on average, depending on the strategy (scripts/bench/routing.ts).
//
// Set search — split lines, or more whole lines than the block search takes. Every subset S of ≤ K useful locations
// that ships the most units is scored: with S fixed, each whole line goes to the location of S with the lowest
// per-unit contribution (then by location), which is optimal because the rest of the score depends on S alone; a
// subset where some location would ship nothing is skipped, as the same plan without it scores at least as well
// with fewer shipments. So the best plan is exact, and topPlans lists the best plan per location set. When there
// are more than SET_BUDGET subsets, the search is narrowed to the most promising locations (alternately: those that
// can give the most units, those with the best one-unit shipment score) and says so (exhaustive: false).

import { type Block, BlockLists } from "./lists";
import { type Prepared, compareCands, measureAll } from "./prepare";
import type { Reducer } from "./reducer";

export const MAX_BLOCK_LINES = 8;
export const SET_BUDGET = 20_000;

/**
 * A plan as the search holds it: j shipping locations (candidate indices) and, per whole line, the location that
 * ships it (−1: back-ordered). Split lines are filled from `locs` nearest first.
 */
export type PlanRef = { j: number; locs: number[]; assign: number[] };

export function newPlanRef(): PlanRef {
  return { j: 0, locs: [], assign: [] };
}

// Array lengths are set only when they change: setting one is a runtime call, and plans are copied often.
export function copyPlanRef(from: PlanRef, into: PlanRef): void {
  into.j = from.j;
  if (into.locs.length !== from.j) into.locs.length = from.j;
  for (let i = 0; i < from.j; i++) into.locs[i] = from.locs[i];
  const n = from.assign.length;
  if (into.assign.length !== n) into.assign.length = n;
  for (let i = 0; i < n; i++) into.assign[i] = from.assign[i];
}

/** The plan's locations in (code, id) order, into out[0, p.j) (insertion sort: plans are a few shipments). */
function sortedLocations(prep: Prepared, p: PlanRef, out: number[]): number[] {
  for (let i = 0; i < p.j; i++) {
    const c = p.locs[i];
    let x = i;
    for (; x > 0 && compareCands(prep, out[x - 1], c) > 0; x--) out[x] = out[x - 1];
    out[x] = c;
  }
  return out;
}

/**
 * The final tie-break (route.ts): fewer shipments, then the locations in (code, id) order, then line by line the
 * location that ships it (back-ordered last). Only ever reached when every ranker ties. One instance serves decision
 * after decision (`prep` is the one in hand), so the reducer calls the same function every time.
 */
export class PlanTieBreak {
  prep!: Prepared;
  private la: number[] = [];
  private lb: number[] = [];

  readonly compare = (a: PlanRef, b: PlanRef): number => {
    const prep = this.prep;
    if (a.j !== b.j) return a.j - b.j;
    const la = sortedLocations(prep, a, this.la);
    const lb = sortedLocations(prep, b, this.lb);
    for (let i = 0; i < a.j; i++) {
      const d = compareCands(prep, la[i], lb[i]);
      if (d !== 0) return d;
    }
    for (let w = 0; w < a.assign.length; w++) {
      const x = a.assign[w];
      const y = b.assign[w];
      if (x === y) continue;
      if (x < 0 || y < 0) return x < 0 ? 1 : -1;
      const d = compareCands(prep, x, y);
      if (d !== 0) return d;
    }
    return 0;
  };
}

/** The tie-break of one decision, on its own instance. */
export function planTieBreak(prep: Prepared): (a: PlanRef, b: PlanRef) => number {
  const t = new PlanTieBreak();
  t.prep = prep;
  return t.compare;
}

/**
 * The block search (see the top of this file). One instance serves decision after decision, reusing its lists and
 * working arrays; `run` is the search. `topN`: the reducer keeps the best topN plans and they are exact too.
 */
export class BlockSearch {
  private lists = new BlockLists();
  private blocks: Block[] = [];
  private units = new Float64Array(256);
  private score = new Float64Array(8);
  private bound = new Float64Array(8);
  private acc = new Float64Array(32);
  private rest = new Float64Array(32);
  private used = new Uint8Array(256);
  private ref: PlanRef = newPlanRef();
  private probe: PlanRef = newPlanRef();
  private mine: number[] = [];
  private theirs: number[] = [];
  /** leaves[0, nLeaves): the partitions (arrays reused from decision to decision). */
  private leaves: number[][] = [];
  private nLeaves = 0;
  private stack: number[] = [];
  private maxFill = -1;
  private leaf: number[] = [];
  private leastOf = new Float64Array(64);
  private leafOrder: number[] = [];
  // The decision in hand.
  private prep!: Prepared;
  private D = 0;
  private isMax: Uint8Array = new Uint8Array(0);
  /** The first max comp, D when none. */
  private firstMax = 0;
  private K = 0;
  private topN = 1;
  private reducer!: Reducer<PlanRef>;

  run(prep: Prepared, K: number, reducer: Reducer<PlanRef>, topN: number): void {
    this.prep = prep;
    this.D = prep.layout.size;
    this.isMax = prep.layout.isMax;
    this.firstMax = this.isMax.indexOf(1, 1);
    if (this.firstMax < 0) this.firstMax = this.D;
    this.K = K;
    this.topN = Math.max(1, topN);
    this.reducer = reducer;
    const nW = prep.wholeLines.length;
    const B = 1 << nW;
    if (this.units.length < B) this.units = new Float64Array(B);
    const units = this.units;
    units[0] = 0;
    for (let T = 1; T < B; T++) {
      const low = T & -T;
      units[T] = units[T ^ low] + prep.lines[prep.wholeLines[31 - Math.clz32(low)]].quantity;
    }
    this.prepareArrays(nW);
    this.lists.build(prep, K, this.topN, units);
    this.blocks = this.lists.blocks;
    this.partitions(B);
    this.searchPartitions(nW);
  }

  private prepareArrays(nW: number): void {
    const { D, K } = this;
    if (this.score.length < D) {
      this.score = new Float64Array(D);
      this.bound = new Float64Array(D);
    }
    if (this.acc.length < (K + 1) * D) {
      this.acc = new Float64Array((K + 1) * D);
      this.rest = new Float64Array((K + 1) * D);
    }
    for (let x = 0; x < D; x++) this.acc[x] = 0; // row 0: nothing chosen yet
    const nc = this.prep.cands.length;
    if (this.used.length < nc) this.used = new Uint8Array(nc * 2);
    if (this.ref.locs.length !== K) this.ref.locs.length = this.probe.locs.length = K;
    if (this.ref.assign.length !== nW) this.ref.assign.length = nW;
  }

  /**
   * The partitions of the lines into ≤ K realisable blocks that ship the most units, into `leaves`. Canonical: each
   * block holds the lowest line not yet decided, so every partition comes once; that line may also be back-ordered.
   */
  private partitions(B: number): void {
    this.maxFill = -1;
    this.nLeaves = 0;
    this.stack.length = 0;
    this.visit(B - 1, 0);
  }

  private visit(undecided: number, covered: number): void {
    const { units, blocks, stack } = this;
    if (covered + units[undecided] < this.maxFill) return;
    if (undecided === 0) {
      if (covered > this.maxFill) {
        this.maxFill = covered;
        this.nLeaves = 0;
      }
      if (this.leaves.length === this.nLeaves) this.leaves.push([]);
      const leaf = this.leaves[this.nLeaves++];
      for (let i = 0; i < stack.length; i++) leaf[i] = stack[i];
      if (leaf.length !== stack.length) leaf.length = stack.length;
      return;
    }
    const low = undecided & -undecided;
    const rest = undecided ^ low;
    if (stack.length < this.K) {
      for (let s = rest; ; s = (s - 1) & rest) {
        const T = s | low;
        if (blocks[T].len > 0) {
          stack.push(T);
          this.visit(undecided ^ T, covered + units[T]);
          stack.pop();
        }
        if (s === 0) break;
      }
    }
    this.visit(rest, covered);
  }

  /** Most promising partitions first (by their least possible score), so the bound bites early. */
  private searchPartitions(nW: number): void {
    const { D, isMax, blocks, leaves, nLeaves, rest } = this;
    // leastOf[o × D + x]: comp x of partition o's least possible score.
    if (this.leastOf.length < nLeaves * D) this.leastOf = new Float64Array(2 * nLeaves * D);
    const leastOf = this.leastOf.fill(0, 0, nLeaves * D);
    const leafOrder = this.leafOrder;
    if (leafOrder.length !== nLeaves) leafOrder.length = nLeaves;
    for (let o = 0; o < nLeaves; o++) {
      for (const T of leaves[o]) {
        const least = blocks[T].least;
        for (let x = 1; x < D; x++) leastOf[o * D + x] = isMax[x] ? Math.max(leastOf[o * D + x], least[x]) : leastOf[o * D + x] + least[x];
      }
      leafOrder[o] = o;
    }
    // Ties go by the number of blocks, then by index, so over numbers this is a total order and an insertion sort
    // finds Array#sort's order without its set-up (a few partitions); with a comp that is not a number the
    // comparison is not an order, and Array#sort decides as it always did.
    let numbers = true;
    for (let x = 0; x < nLeaves * D; x++) if (leastOf[x] !== leastOf[x]) numbers = false;
    if (!numbers) leafOrder.sort((a, b) => this.comparePartitions(a, b));
    else {
      for (let i = 1; i < leafOrder.length; i++) {
        const o = leafOrder[i];
        let at = i;
        for (; at > 0 && this.comparePartitions(leafOrder[at - 1], o) > 0; at--) leafOrder[at] = leafOrder[at - 1];
        leafOrder[at] = o;
      }
    }
    this.score[0] = this.bound[0] = this.prep.totalUnits - this.maxFill;
    for (const o of leafOrder) {
      const l = (this.leaf = leaves[o]);
      // rest row k = the least the blocks k.. of this partition can add.
      const j = l.length;
      for (let x = j * D; x < (j + 1) * D; x++) rest[x] = 0;
      for (let k = j - 1; k >= 0; k--) {
        const least = blocks[l[k]].least;
        for (let x = 1; x < D; x++) {
          const r = rest[(k + 1) * D + x];
          rest[k * D + x] = isMax[x] ? (least[x] > r ? least[x] : r) : least[x] + r;
        }
      }
      if (this.hopeless(0) < 0) this.combine(0, nW);
    }
  }

  /** Partitions a and b by their least possible score, then fewer blocks, then index. */
  private comparePartitions(a: number, b: number): number {
    const { D, leastOf, leaves } = this;
    for (let x = 1; x < D; x++) if (leastOf[a * D + x] !== leastOf[b * D + x]) return leastOf[a * D + x] - leastOf[b * D + x];
    return leaves[a].length - leaves[b].length || a - b;
  }

  /** Chooses a location for block k of the partition in hand, best first; at the end, offers the plan. */
  private combine(k: number, nW: number): void {
    const { D, isMax, acc, used, ref, leaf, lists } = this;
    const base = k * D;
    if (k === leaf.length) {
      const score = this.score;
      for (let x = 1; x < D; x++) score[x] = acc[base + x];
      ref.j = k;
      for (let w = 0; w < nW; w++) ref.assign[w] = -1;
      for (let b = 0; b < k; b++) for (let T = leaf[b]; T !== 0; T &= T - 1) ref.assign[31 - Math.clz32(T & -T)] = ref.locs[b];
      this.reducer.offer(score, ref);
      return;
    }
    const b = this.blocks[leaf[k]];
    const next = base + D;
    const { fixed, perUnit } = this.prep;
    const u = b.units;
    for (let i = 0; i < b.len; i++) {
      const c = b.cands[i];
      if (used[c]) continue;
      used[c] = 1;
      ref.locs[k] = c;
      // Plus c's comps for the block: fixed + units × perUnit of its shipment model (layout.ts).
      for (let x = 1; x < D; x++) {
        const a = acc[base + x];
        const v = fixed[c * D + x] + u * perUnit[c * D + x];
        acc[next + x] = isMax[x] ? (a > v ? a : v) : a + v;
      }
      const hopeless = this.hopeless(k + 1);
      if (hopeless < 0) this.combine(k + 1, nW);
      used[c] = 0;
      // The list is in sumBefore order: when a summed comp ahead of every max comp made this location hopeless, each
      // later one adds at least as much on the comps up to it (exactly, when comps are whole numbers), so they are too.
      if (hopeless >= 0 && hopeless < this.firstMax && lists.numbers && lists.whole) break;
    }
  }

  /**
   * Whether no completion of the first k blocks can make the top: its least score is worse than the topN-th best.
   * −1 when it can; else the comp that decided (D for the tie-break).
   */
  private hopeless(k: number): number {
    const { D, isMax, acc, rest, bound, topN, leaf } = this;
    const top = this.reducer.top;
    if (top.length < topN) return -1;
    const worst = top[topN - 1].score;
    // The least score, comp by comp, until one differs from the worst's: what it has plus the least of the rest.
    const d0 = bound[0] - worst[0];
    if (d0 !== 0) return d0 > 0 ? 0 : -1;
    for (let x = 1; x < D; x++) {
      const a = acc[k * D + x];
      const r = rest[k * D + x];
      const d = (isMax[x] ? (a > r ? a : r) : a + r) - worst[x];
      if (d !== 0) return d > 0 ? x : -1;
    }
    // Tied on every comp at best: fewer shipments, then the location codes decide.
    const j = leaf.length;
    const worstPlan = top[topN - 1].plan;
    if (j !== worstPlan.j) return j > worstPlan.j ? D : -1;
    const probe = this.probe;
    for (let b = 0; b < j; b++) probe.locs[b] = b < k ? this.ref.locs[b] : this.lists.firstByCode(this.blocks[leaf[b]]);
    probe.j = j;
    const mine = sortedLocations(this.prep, probe, this.mine);
    const theirs = sortedLocations(this.prep, worstPlan, this.theirs);
    for (let i = 0; i < j; i++) {
      const d = compareCands(this.prep, mine[i], theirs[i]);
      if (d !== 0) return d > 0 ? D : -1;
    }
    return -1;
  }
}

/** The block search as a function, with a fresh instance unless one is given. */
export function blockSearch(prep: Prepared, K: number, reducer: Reducer<PlanRef>, topN: number, search = new BlockSearch()): void {
  search.run(prep, K, reducer, topN);
}

/** Σ_{k=1..K} C(n, k), capped just above SET_BUDGET. */
export function subsetCount(n: number, K: number): number {
  let total = 0;
  let c = 1;
  for (let k = 1; k <= Math.min(n, K); k++) {
    c = (c * (n - k + 1)) / k;
    total += c;
    if (total > SET_BUDGET) return SET_BUDGET + 1;
  }
  return total;
}

export function setSearch(prep: Prepared, K: number, reducer: Reducer<PlanRef>): { exhaustive: boolean } {
  measureAll(prep);
  const { cands, give, lines, wholeLines, splitLines, metres, fixed, perUnit, layout } = prep;
  const n = lines.length;
  const D = layout.size;
  const isMax = layout.isMax;
  let U: number[] = [];
  for (let c = 0; c < cands.length; c++) if (prep.useful[c]) U.push(c);
  let exhaustive = true;
  if (subsetCount(U.length, K) > SET_BUDGET) {
    U = narrow(prep, U, K);
    exhaustive = false;
  }
  // Nearest first: split lines fill in this order, and subsets are enumerated in it.
  U.sort((a, b) => metres[a] - metres[b] || compareCands(prep, a, b));
  const byUnit = U.slice().sort((a, b) => {
    for (let k = 1; k < D; k++) {
      const d = perUnit[a * D + k] - perUnit[b * D + k];
      if (d !== 0) return d;
    }
    return compareCands(prep, a, b);
  });
  const unitRank = new Int32Array(cands.length);
  byUnit.forEach((c, r) => (unitRank[c] = r));

  const S = new Int32Array(K);
  const shipped = new Float64Array(K);
  const score = new Float64Array(D);
  const ref: PlanRef = { j: 0, locs: new Array<number>(K).fill(0), assign: new Array<number>(wholeLines.length).fill(-1) };
  // Two passes: the first finds the least back-order any subset reaches, the second scores the subsets that reach it.
  let leastBack = Infinity;
  let scoring = false;
  const evaluate = (j: number) => {
    shipped.fill(0, 0, j);
    let back = prep.totalUnits;
    for (let w = 0; w < wholeLines.length; w++) {
      const i = wholeLines[w];
      const q = lines[i].quantity;
      let best = -1;
      let at = -1;
      for (let p = 0; p < j; p++) {
        const c = S[p];
        if (give[c * n + i] >= q && (best < 0 || unitRank[c] < unitRank[best])) {
          best = c;
          at = p;
        }
      }
      ref.assign[w] = best;
      if (best >= 0) {
        shipped[at] += q;
        back -= q;
      }
    }
    for (const i of splitLines) {
      let rest = lines[i].quantity;
      for (let p = 0; p < j && rest > 0; p++) {
        const take = Math.min(give[S[p] * n + i], rest);
        shipped[p] += take;
        rest -= take;
        back -= take;
      }
    }
    for (let p = 0; p < j; p++) if (shipped[p] === 0) return;
    if (!scoring) {
      leastBack = Math.min(leastBack, back);
      return;
    }
    if (back > leastBack) return;
    score.fill(0);
    score[0] = back;
    for (let p = 0; p < j; p++) {
      const o = S[p] * D;
      for (let k = 1; k < D; k++) {
        const v = fixed[o + k] + shipped[p] * perUnit[o + k];
        score[k] = isMax[k] ? Math.max(score[k], v) : score[k] + v;
      }
      ref.locs[p] = S[p];
    }
    ref.j = j;
    reducer.offer(score, ref);
  };
  const choose = (from: number, j: number) => {
    for (let x = from; x < U.length; x++) {
      S[j] = U[x];
      evaluate(j + 1);
      if (j + 1 < K) choose(x + 1, j + 1);
    }
  };
  choose(0, 0);
  scoring = true;
  choose(0, 0);
  return { exhaustive };
}

/** The M most promising locations, M as large as the budget allows: by units they can give, and by score. */
function narrow(prep: Prepared, U: number[], K: number): number[] {
  const { cands, give, lines, wholeLines, splitLines, fixed, perUnit, layout } = prep;
  const n = lines.length;
  const D = layout.size;
  let M = K;
  while (M < U.length && subsetCount(M + 1, K) <= SET_BUDGET) M++;
  const potential = new Float64Array(cands.length);
  for (const c of U) {
    let p = 0;
    for (const i of wholeLines) if (give[c * n + i] >= lines[i].quantity) p += lines[i].quantity;
    for (const i of splitLines) p += Math.min(give[c * n + i], lines[i].quantity);
    potential[c] = p;
  }
  // A one-unit shipment's score: how good the location is under the rankers, whatever it ships.
  const byScore = (a: number, b: number) => {
    for (let k = 1; k < D; k++) {
      const d = fixed[a * D + k] + perUnit[a * D + k] - (fixed[b * D + k] + perUnit[b * D + k]);
      if (d !== 0) return d;
    }
    return compareCands(prep, a, b);
  };
  const orders = [U.slice().sort((a, b) => potential[b] - potential[a] || byScore(a, b)), U.slice().sort(byScore)];
  const chosen = new Set<number>();
  for (let i = 0; chosen.size < M; i++) {
    const o = orders[i % 2][i >> 1];
    if (o !== undefined) chosen.add(o);
  }
  return [...chosen];
}
