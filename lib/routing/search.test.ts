import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileLayout } from "./layout";
import { BlockLists } from "./lists";
import { type Prepared, compareCands, compareLocations, prepare } from "./prepare";
import { Reducer } from "./reducer";
import { route, TOP_PLANS } from "./route";
import { type PlanRef, blockSearch, copyPlanRef, newPlanRef, planTieBreak, setSearch, subsetCount, SET_BUDGET } from "./search";
import { candidateArb, candidatesArb, loc, orderArb, orderOf, planOf, planShape, referenceCompare, referencePlans, refShape, strategy, strategyArb } from "./test-support";
import type { Candidate, Ranker, RoutingOrder, Strategy } from "./types";

describe("search equals the brute-force reference", () => {
  it("picks the same plan as trying every subset and every assignment (≤ 8 candidates)", () => {
    const seen = { blocks: 0, sets: 0, split: 0 };
    fc.assert(
      fc.property(orderArb, candidatesArb(8, 1), strategyArb, (order, candidates, s) => {
        const d = route(order, candidates, s);
        const search = d.explanation.search;
        if (search === "blocks" || search === "sets") seen[search]++;
        if (planOf(d).shipments.length > 1) seen.split++;
        expect(planShape(planOf(d))).toEqual(refShape(referencePlans(order, candidates, s).best, order));
      }),
      { numRuns: 1000 },
    );
    // Both searches and multi-shipment plans were exercised.
    expect(seen.blocks).toBeGreaterThan(150);
    expect(seen.sets).toBeGreaterThan(100);
    expect(seen.split).toBeGreaterThan(100);
  });

  it("lists the same best plans, in order, as the reference (block search)", () => {
    fc.assert(
      fc.property(orderArb, candidatesArb(7, 1), strategyArb, (order, candidates, s) => {
        const d = route(order, candidates, s);
        fc.pre(d.explanation.search === "blocks");
        const ref = referencePlans(order, candidates, s);
        const leastBack = Math.min(...ref.plans.map((p) => p.score[0]));
        const best = ref.plans.filter((p) => p.score[0] === leastBack).sort(referenceCompare).slice(0, TOP_PLANS);
        expect(d.explanation.topPlans.map((p) => p.shipments.map((x) => [x.locationId, x.units]))).toEqual(
          best.map((p) => [...p.shipments].sort((a, b) => (a.c.code < b.c.code ? -1 : 1)).map((x) => [x.c.locationId, x.units])),
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** Both searches on the same prepared instance: the best plan and its score. */
function bothSearches(order: RoutingOrder, candidates: Parameters<typeof route>[1], s: Strategy, topN: number) {
  const layout = compileLayout(s.rankers);
  const prep = prepare(order, candidates, s.filters, layout);
  const K = s.maxSplits + 1;
  const run = (search: (r: Reducer<PlanRef>) => void) => {
    const r = new Reducer<PlanRef>({ create: newPlanRef, copy: copyPlanRef, tieBreak: planTieBreak(prep) }).reset(layout.levelStart, topN);
    search(r);
    const best = r.best;
    return best && { score: Array.from(best.score.subarray(0, layout.size)), locs: best.plan.locs.map((c) => prep.cands[c].locationId).sort((a, b) => a - b), assign: best.plan.assign.map((c) => (c < 0 ? -1 : prep.cands[c].locationId)) };
  };
  return {
    prep,
    blocks: run((r) => blockSearch(prep, Math.min(K, prep.wholeLines.length), r, topN)),
    sets: run((r) => setSearch(prep, K, r)),
  };
}

describe("block search and set search", () => {
  // With topN = 1 the block lists keep only what the best plan needs, so the dominance rule is put to work.
  it("agree on instances too large for the reference (up to 20 candidates), however few plans the top keeps", () => {
    const order = fc.record({
      destination: fc.constant({ lat: 30.2, lng: 120.1 }),
      lines: fc.uniqueArray(fc.record({ skuId: fc.integer({ min: 1, max: 4 }), quantity: fc.integer({ min: 1, max: 3 }) }), { selector: (l) => l.skuId, minLength: 1, maxLength: 4 }),
      fulfilment: fc.constant("SHIP" as const),
    });
    fc.assert(
      fc.property(order, candidatesArb(10, 1).chain((a) => candidatesArb(10, 1).map((b) => [...a, ...b.map((c) => ({ ...c, locationId: c.locationId + 10, code: `${c.code}b` }))])), strategyArb, fc.integer({ min: 1, max: 3 }), (o, candidates, s, topN) => {
        const { prep, blocks, sets } = bothSearches(o, candidates, s, topN);
        fc.pre(prep.splitLines.length === 0 && prep.wholeLines.length > 0 && subsetCount(prep.cands.length, s.maxSplits + 1) <= SET_BUDGET);
        expect(blocks).toEqual(sets);
      }),
      { numRuns: 300 },
    );
  });
});

describe("set search", () => {
  it("narrows a search with too many subsets, says so, and still never overships", () => {
    const candidates = Array.from({ length: 200 }, (_, i) => loc(i + 1, 5 + ((i * 37) % 400), { 1: 1 + (i % 4), 2: i % 3 }));
    const order = orderOf([[1, 10], [2, 1]]);
    const d = route(order, candidates, strategy([{ kind: "nearest", measure: "weighted" }], { maxSplits: 2 }));
    expect(d.explanation).toMatchObject({ search: "sets", exhaustive: false });
    const p = planOf(d);
    // Three locations with 4 each of SKU 1 exist: the narrowed search still finds a full plan.
    expect(p.backOrdered).toEqual([]);
    for (const s of p.shipments) for (const l of s.lines) expect(l.quantity).toBeLessThanOrEqual(candidates[s.locationId - 1].atp.get(l.skuId)!);
  });

  it("counts subsets up to the budget", () => {
    expect(subsetCount(8, 3)).toBe(8 + 28 + 56);
    expect(subsetCount(5, 9)).toBe(31);
    expect(subsetCount(200, 3)).toBe(SET_BUDGET + 1);
  });
});

describe("determinism", () => {
  it("gives the same decision and explanation whatever order the candidates and lines come in", () => {
    fc.assert(
      fc.property(orderArb, candidatesArb(8), strategyArb, fc.integer(), (order, candidates, s, seed) => {
        const shuffle = <T>(xs: readonly T[]) => {
          const out = [...xs];
          let x = seed;
          for (let i = out.length - 1; i > 0; i--) {
            x = (Math.imul(x, 1103515245) + 12345) | 0;
            const j = Math.abs(x) % (i + 1);
            [out[i], out[j]] = [out[j], out[i]];
          }
          return out;
        };
        const a = route(order, candidates, s);
        const b = route({ ...order, lines: shuffle(order.lines) }, shuffle(candidates), s);
        expect(b).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });
});

describe("block lists on larger instances", () => {
  // Dozens of locations at scattered distances: the lists fill, most locations are never measured and arrival stops
  // early (lists.ts), while the set search measures every location and tries every subset of one or two.
  const spread = fc.integer({ min: 12, max: 60 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc
          .tuple(candidateArb(i + 1, `L${String(i).padStart(2, "0")}`), fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }))
          .map(([c, dLat, dLng]) => ({ ...c, lat: 30 + dLat, lng: 120 + dLng })),
      ),
    ),
  );
  const fewSplits = strategyArb.map((s) => ({ ...s, maxSplits: Math.min(s.maxSplits, 1) }));

  it("agree with the set search, however few plans the top keeps", () => {
    fc.assert(
      fc.property(orderArb, spread, fewSplits, fc.integer({ min: 1, max: TOP_PLANS }), (o, candidates, s, topN) => {
        const { prep, blocks, sets } = bothSearches(o, candidates, s, topN);
        fc.pre(prep.splitLines.length === 0 && prep.wholeLines.length > 0);
        expect(blocks).toEqual(sets);
      }),
      { numRuns: 300 },
    );
  });

  it("give the same decision and explanation whatever order the locations come in", () => {
    fc.assert(
      fc.property(orderArb, spread, strategyArb, (order, candidates, s) => {
        expect(route(order, [...candidates].reverse(), s)).toEqual(route(order, candidates, s));
      }),
      { numRuns: 200 },
    );
  });
});

/** The block lists of an order (locations by id), built the fast way or plainly; none when the block search would not run. */
function builtLists(o: RoutingOrder, candidates: Candidate[], s: Strategy, topN: number, plainly: boolean): number[][] {
  const prep = prepare(o, candidates, s.filters, compileLayout(s.rankers));
  fc.pre(prep.splitLines.length === 0 && prep.wholeLines.length > 0);
  const nW = prep.wholeLines.length;
  const units = new Float64Array(1 << nW);
  for (let T = 1; T < 1 << nW; T++) for (let w = 0; w < nW; w++) if (T & (1 << w)) units[T] += prep.lines[prep.wholeLines[w]].quantity;
  const built = new BlockLists();
  built.build(prep, Math.min(s.maxSplits + 1, nW), topN, units, plainly);
  return built.blocks.slice(1, 1 << nW).map((b) => Array.from(b.cands.subarray(0, b.len), (c) => prep.cands[c].locationId));
}

describe("block lists", () => {
  // The fast ways (arrival out of index order, unmeasured locations, the early stop) against the lists as they were
  // always built: every location measured, in index order or, with a nearest-max ranker, in order of distance.
  it("are the same built the fast way as built plainly", () => {
    const spread = fc.integer({ min: 1, max: 60 }).chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc
            .tuple(candidateArb(i + 1, `L${String(i).padStart(2, "0")}`), fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }), fc.boolean())
            // Half on a coarse grid, so that distances tie too.
            .map(([c, dLat, dLng, grid]) => ({ ...c, lat: 30 + (grid ? Math.round(dLat) : dLat), lng: 120 + (grid ? Math.round(dLng) : dLng) })),
        ),
      ),
    );
    fc.assert(
      fc.property(orderArb, spread, strategyArb, fc.integer({ min: 1, max: TOP_PLANS }), (o, candidates, s, topN) => {
        expect(builtLists(o, candidates, s, topN, false)).toEqual(builtLists(o, candidates, s, topN, true));
      }),
      { numRuns: 500 },
    );
  });
});

describe("block lists in key order", () => {
  // Strategies whose order model is designated positions only, with a nearest-max ranker: lists.ts builds them in
  // (positions, code) order (fillByKey). Codes alike in their first six units, outside printable ASCII, repeated
  // (with different ids, and now and then with the same id, where it must fall back), distances tied on a grid.
  it("are the same as built plainly", () => {
    const codes = ["ST-001", "ST-0010", "ST-0011", "ST-001\u0000", "ST-00", "ST-1", "S\u00e9-01", "S\uffff", "WAREHOUSE-A", "WAREHOUSE-B", "WAREHOUSE-A", "", "dc-02", "DC-02", "\u0001x"];
    const spread = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc
            .tuple(candidateArb(i + 1, "L"), fc.constantFrom(...codes), fc.nat(5), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.boolean())
            // One in six is location 1 coded "ST-001" (the same id and code as another now and then).
            .map(([c, code, same, dLat, dLng, grid]) => ({ ...c, ...(same === 0 ? { locationId: 1, code: "ST-001" } : { code }), lat: 30 + (grid ? Math.round(dLat) : dLat), lng: 120 + (grid ? Math.round(dLng) : dLng) })),
        ),
      ),
    );
    const fixedRanker = fc.oneof(
      fc.constant<Ranker>({ kind: "complete" }),
      fc.shuffledSubarray(Array.from({ length: 12 }, (_, i) => i + 1), { maxLength: 4 }).map((locationIds): Ranker => ({ kind: "designated", locationIds })),
    );
    const rankers = fc.tuple(fc.array(fixedRanker, { maxLength: 3 }), fc.nat(3)).map(([rs, at]): Ranker[] => [...rs.slice(0, at), { kind: "nearest", measure: "max" }, ...rs.slice(at)]);
    fc.assert(
      fc.property(orderArb, spread, rankers, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: TOP_PLANS }), (o, candidates, rs, maxSplits, topN) => {
        const s = strategy(rs, { maxSplits });
        expect(builtLists(o, candidates, s, topN, false)).toEqual(builtLists(o, candidates, s, topN, true));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("location order", () => {
  it("compares packed codes exactly as the strings (then ids)", () => {
    const code = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: "grapheme", maxLength: 4 }), fc.constantFrom("ST-001", "ST-0010", "ST-00", "ST-001\u0000", "S\uffff", "\uffff-01", "a\u0000\uffff", "a\u0001"));
    fc.assert(
      fc.property(fc.array(fc.record({ code, id: fc.integer({ min: 1, max: 3 }) }), { minLength: 2, maxLength: 12 }), (xs) => {
        const cands = xs.map(({ code: c, id }) => ({ ...loc(id, 0, {}), code: c }));
        const prep = { cands, codeKeys: new Float64Array(2 * cands.length).fill(-1) } as unknown as Prepared;
        for (let a = 0; a < cands.length; a++) for (let b = 0; b < cands.length; b++) expect(Math.sign(compareCands(prep, a, b))).toBe(Math.sign(compareLocations(cands[a], cands[b])));
      }),
    );
  });
});
