// The lexicographic reducer. Plans arrive one at a time with a score vector (layout.ts); the reducer keeps the best
// plan, the best few, and — for the explanation — how many plans were still tied with the best after each level and
// the best plan that lost at each level (the runner-up that level beat). No weighted scoring: level l only matters
// when every earlier level tied. When every level ties, a deterministic tie-break decides (see route.ts), so the
// winner never depends on the order plans arrive in.
//
// Plans are offered as scratch objects; the reducer copies one into a pooled slot only when it keeps it, and slots
// are recycled once nothing holds them, so the search scores thousands of plans without allocating.

export type Slot<P> = { score: Float64Array; plan: P; refs: number };

export type PlanOps<P> = {
  create(): P;
  copy(from: P, into: P): void;
  /** < 0 when a wins a full tie; 0 only for the same plan. */
  tieBreak(a: P, b: P): number;
};

export class Reducer<P> {
  /** Plans offered since reset. */
  plans = 0;
  best: Slot<P> | null = null;
  /** tied[l]: plans equal to the best on levels 0..l. Level `levels` is the tie-break, where only the best is left. */
  tied: number[] = [];
  /** runnerUp[l]: the best plan equal to the best on levels < l and worse at level l. */
  runnerUp: (Slot<P> | null)[] = [];
  /** The best `topN` plans, best first. */
  top: Slot<P>[] = [];
  private levelStart: Int32Array = new Int32Array(1);
  /** levelOf[k]: the level of comp k. */
  private levelOf = new Int32Array(8);
  private topN = 0;
  private size = 0;
  private free: Slot<P>[] = [];
  private tieBreak: (a: P, b: P) => number;

  constructor(private readonly ops: PlanOps<P>) {
    this.tieBreak = ops.tieBreak;
  }

  /** Starts a new decision. `levelStart[l]..levelStart[l + 1]` are the comps of level l. */
  reset(levelStart: Int32Array, topN: number, tieBreak: (a: P, b: P) => number = this.ops.tieBreak): this {
    this.release(this.best);
    for (const s of this.runnerUp) this.release(s);
    for (const s of this.top) this.release(s);
    this.levelStart = levelStart;
    this.size = levelStart[levelStart.length - 1];
    if (this.levelOf.length < this.size) this.levelOf = new Int32Array(2 * this.size);
    for (let l = 0; l + 1 < levelStart.length; l++) this.levelOf.fill(l, levelStart[l], levelStart[l + 1]);
    this.topN = topN;
    this.tieBreak = tieBreak;
    this.plans = 0;
    this.best = null;
    // Reused from one decision to the next, like the slots: callers read them before the next reset.
    const levels = levelStart.length - 1;
    if (this.tied.length !== levels + 1) this.tied.length = this.runnerUp.length = levels + 1;
    this.tied.fill(0);
    this.runnerUp.fill(null);
    this.top.length = 0;
    return this;
  }

  get levels(): number {
    return this.levelStart.length - 1;
  }

  /** ±(level + 1) of the first level where a and b differ, negative when a is better; 0 for the same plan. */
  compare(aScore: Float64Array, aPlan: P, bScore: Float64Array, bPlan: P): number {
    const levels = this.levelStart.length - 1;
    const levelOf = this.levelOf;
    for (let k = 0; k < this.size; k++) {
      const d = aScore[k] - bScore[k];
      if (d !== 0) return d < 0 ? -(levelOf[k] + 1) : levelOf[k] + 1;
    }
    const t = this.tieBreak(aPlan, bPlan);
    return t === 0 ? 0 : t < 0 ? -(levels + 1) : levels + 1;
  }

  offer(score: Float64Array, plan: P): void {
    this.plans++;
    let kept: Slot<P> | null = null;
    const best = this.best;
    if (best === null) {
      kept = this.take(score, plan);
      this.hold(kept);
      this.best = kept;
      this.tied.fill(1);
    } else {
      const r = this.compare(score, plan, best.score, best.plan);
      if (r === 0) return; // the same plan offered twice
      const level = (r < 0 ? -r : r) - 1;
      const tied = this.tied;
      for (let l = 0; l < level; l++) tied[l]++;
      if (r < 0) {
        for (let l = level; l < tied.length; l++) tied[l] = 1;
        // Plans that lost to the old best at a later level now lose to the new best at `level`, and the old best is
        // the best of them.
        this.hold(best);
        this.release(this.runnerUp[level]);
        this.runnerUp[level] = best;
        for (let l = level + 1; l < this.runnerUp.length; l++) {
          this.release(this.runnerUp[l]);
          this.runnerUp[l] = null;
        }
        kept = this.take(score, plan);
        this.hold(kept);
        this.release(best);
        this.best = kept;
      } else {
        const ru = this.runnerUp[level];
        if (ru === null || this.compare(score, plan, ru.score, ru.plan) < 0) {
          kept = this.take(score, plan);
          this.hold(kept);
          this.release(ru);
          this.runnerUp[level] = kept;
        }
      }
    }
    const top = this.top;
    const n = top.length;
    if (this.topN > 0 && (n < this.topN || this.compare(score, plan, top[n - 1].score, top[n - 1].plan) < 0)) {
      let i = n;
      while (i > 0 && this.compare(score, plan, top[i - 1].score, top[i - 1].plan) < 0) i--;
      kept ??= this.take(score, plan);
      this.hold(kept);
      // Inserted at i by hand: Array#splice is a runtime call, and the top is a few plans.
      top.push(kept);
      for (let x = n; x > i; x--) top[x] = top[x - 1];
      top[i] = kept;
      if (top.length > this.topN) this.release(top.pop()!);
    }
  }

  /** The first level after which the best stands alone (levels = the tie-break), or −1 before any plan. */
  decidingLevel(): number {
    if (this.best === null) return -1;
    for (let l = 0; l < this.tied.length; l++) if (this.tied[l] === 1) return l;
    return this.tied.length - 1;
  }

  private take(score: Float64Array, plan: P): Slot<P> {
    let s = this.free.pop();
    if (s === undefined) s = { score: new Float64Array(this.size), plan: this.ops.create(), refs: 0 };
    else if (s.score.length < this.size) s.score = new Float64Array(this.size);
    for (let k = 0; k < this.size; k++) s.score[k] = score[k];
    this.ops.copy(plan, s.plan);
    return s;
  }

  private hold(s: Slot<P>): void {
    s.refs++;
  }

  private release(s: Slot<P> | null): void {
    if (s !== null && --s.refs === 0) this.free.push(s);
  }
}
