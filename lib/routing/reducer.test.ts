import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Reducer } from "./reducer";

// Plans are plain ids here; scores have three levels of one comp each: fill, ranker A, ranker B. The tie-break
// prefers the smaller id.
type P = { id: number };
const LEVELS = new Int32Array([0, 1, 2, 3]);
const reducer = (topN = 3) => new Reducer<P>({ create: () => ({ id: 0 }), copy: (f, t) => (t.id = f.id), tieBreak: (a, b) => a.id - b.id }).reset(LEVELS, topN);
const offer = (r: Reducer<P>, id: number, score: number[]) => r.offer(Float64Array.from(score), { id });

describe("Reducer", () => {
  it("lets the first level that separates the plans decide, whatever comes after", () => {
    const r = reducer();
    offer(r, 1, [0, 5, 1]);
    offer(r, 2, [0, 4, 9]);
    offer(r, 3, [0, 6, 0]);
    expect(r.best!.plan.id).toBe(2);
    expect(r.tied).toEqual([3, 1, 1, 1]);
    expect(r.decidingLevel()).toBe(1);
    // The runner-up at the deciding level is the second-best plan.
    expect(r.runnerUp[1]!.plan.id).toBe(1);
  });

  it("passes a tie on to the next level", () => {
    const r = reducer();
    offer(r, 1, [0, 4, 7]);
    offer(r, 2, [0, 4, 3]);
    offer(r, 3, [0, 5, 0]);
    expect(r.best!.plan.id).toBe(2);
    expect(r.tied).toEqual([3, 2, 1, 1]);
    expect(r.decidingLevel()).toBe(2);
    expect(r.runnerUp[2]!.plan.id).toBe(1);
    expect(r.runnerUp[1]!.plan.id).toBe(3);
  });

  it("falls back to the tie-break when every level ties", () => {
    const r = reducer();
    offer(r, 7, [0, 4, 3]);
    offer(r, 5, [0, 4, 3]);
    offer(r, 9, [0, 4, 3]);
    expect(r.best!.plan.id).toBe(5);
    expect(r.tied).toEqual([3, 3, 3, 1]);
    expect(r.decidingLevel()).toBe(3);
    expect(r.runnerUp[3]!.plan.id).toBe(7);
  });

  it("puts fill before every ranker", () => {
    const r = reducer();
    offer(r, 1, [1, 0, 0]);
    offer(r, 2, [0, 9, 9]);
    expect(r.best!.plan.id).toBe(2);
    expect(r.decidingLevel()).toBe(0);
  });

  it("ignores the same plan offered twice", () => {
    const r = reducer();
    offer(r, 1, [0, 1, 1]);
    offer(r, 1, [0, 1, 1]);
    expect(r.top.map((s) => s.plan.id)).toEqual([1]);
    expect(r.tied).toEqual([1, 1, 1, 1]);
  });

  it("starts afresh on reset", () => {
    const r = reducer();
    offer(r, 1, [0, 1, 1]);
    r.reset(LEVELS, 3);
    expect(r.best).toBeNull();
    expect(r.plans).toBe(0);
    expect(r.decidingLevel()).toBe(-1);
    offer(r, 2, [0, 2, 2]);
    expect(r.best!.plan.id).toBe(2);
  });

  // Distinct ids, scores from a small range so that ties at every level are common.
  const plans = fc.uniqueArray(fc.record({ id: fc.nat(50), score: fc.tuple(fc.nat(1), fc.nat(3), fc.nat(3)) }), { selector: (p) => p.id, minLength: 1, maxLength: 40 });
  const cmp = (a: { id: number; score: number[] }, b: { id: number; score: number[] }) =>
    a.score[0] - b.score[0] || a.score[1] - b.score[1] || a.score[2] - b.score[2] || a.id - b.id;

  it("keeps the best plans, the tie counts and the runner-ups of a full sort, in any arrival order (recycling slots)", () => {
    fc.assert(
      fc.property(plans, fc.nat(5), (ps, topN) => {
        const r = reducer(topN);
        for (const p of ps) offer(r, p.id, p.score);
        const sorted = [...ps].sort(cmp);
        const best = sorted[0];
        expect(r.plans).toBe(ps.length);
        expect(r.best!.plan.id).toBe(best.id);
        expect(r.top.map((s) => s.plan.id)).toEqual(sorted.slice(0, topN).map((p) => p.id));
        for (let l = 0; l < 3; l++) {
          const same = (p: { score: number[] }) => p.score.slice(0, l + 1).every((v, i) => v === best.score[i]);
          expect(r.tied[l]).toBe(ps.filter(same).length);
          // The runner-up at level l: the best plan equal to the best before l and different at l.
          const losers = sorted.filter((p) => p.score.slice(0, l).every((v, i) => v === best.score[i]) && p.score[l] !== best.score[l]);
          expect(r.runnerUp[l]?.plan.id ?? null).toBe(losers[0]?.id ?? null);
        }
        // Scores held in recycled slots are intact.
        for (const s of r.top) expect(Array.from(s.score)).toEqual(ps.find((p) => p.id === s.plan.id)!.score);
      }),
    );
  });
});
