import { describe as group, expect, it } from "vitest";
import { describe } from "./describe";
import { pickupOptions, route } from "./route";
import { MAX_BLOCK_LINES } from "./search";
import { loc, orderOf, planOf, shipped, strategy } from "./test-support";

const nearest = { kind: "nearest" as const, measure: "weighted" as const };
const complete = { kind: "complete" as const };
const cost = { kind: "lowestCost" as const };

group("the reducer, through route()", () => {
  it("lets the first ranker that separates the plans decide", () => {
    const candidates = [loc(1, 10, { 1: 5 }), loc(2, 20, { 1: 5 }, { cost: { baseCents: 0, perKmCents: 0, perUnitCents: 0 } })];
    const d = route(orderOf([[1, 1]]), candidates, strategy([nearest, cost]));
    expect(shipped(d)).toEqual([["L01", [[1, 1]]]]);
    expect(d.explanation.steps.map((s) => [s.rule, s.before, s.after])).toEqual([
      ["fill", 2, 2],
      ["nearest", 2, 1],
      ["lowestCost", 1, 1],
    ]);
    expect(d.explanation.winnerReason).toEqual({
      by: "ranker",
      rule: "nearest",
      rankerIndex: 0,
      winner: { kind: "nearest", measure: "weighted", km: 10 },
      runnerUp: { kind: "nearest", measure: "weighted", km: 20 },
      margin: 10,
      runnerUpCodes: ["L02"],
    });
  });

  it("passes a tie on to the next ranker", () => {
    const candidates = [loc(1, 10, { 1: 5 }, { cost: { baseCents: 900, perKmCents: 0, perUnitCents: 0 } }), loc(2, 10, { 1: 5 }), loc(3, 30, { 1: 5 })];
    const d = route(orderOf([[1, 1]]), candidates, strategy([nearest, cost]));
    expect(shipped(d)).toEqual([["L02", [[1, 1]]]]);
    expect(d.explanation.steps.map((s) => [s.rule, s.before, s.after])).toEqual([
      ["fill", 3, 3],
      ["nearest", 3, 2],
      ["lowestCost", 2, 1],
    ]);
    expect(d.explanation.winnerReason).toMatchObject({ by: "ranker", rule: "lowestCost", rankerIndex: 1, margin: 900 - 560, runnerUpCodes: ["L01"] });
  });

  it("falls back to the location codes when every ranker ties", () => {
    const candidates = [loc(3, 10, { 1: 5 }, { code: "B-1" }), loc(1, 10, { 1: 5 }, { code: "C-1" }), loc(2, 10, { 1: 5 }, { code: "A-9" })];
    const d = route(orderOf([[1, 1]]), candidates, strategy([nearest, cost]));
    expect(shipped(d)).toEqual([["A-9", [[1, 1]]]]);
    expect(d.explanation.winnerReason).toEqual({ by: "tieBreak", tiedPlans: 3, codes: ["A-9"], runnerUpCodes: ["B-1"] });
  });

  it("breaks a full tie by fewer shipments before codes, and without rankers too", () => {
    const candidates = [loc(1, 10, { 1: 5 }, { code: "A" }), loc(2, 10, { 2: 5 }, { code: "B" }), loc(3, 10, { 1: 5, 2: 5 }, { code: "Z" })];
    const d = route(orderOf([[1, 1], [2, 1]]), candidates, strategy([]));
    expect(shipped(d)).toEqual([["Z", [[1, 1], [2, 1]]]]);
    expect(d.explanation.steps.map((s) => s.rule)).toEqual(["fill"]);
    expect(d.explanation.winnerReason).toMatchObject({ by: "tieBreak", codes: ["Z"], runnerUpCodes: ["A", "B"] });
  });

  it("reports a single possible plan as such", () => {
    const d = route(orderOf([[1, 1]]), [loc(1, 10, { 1: 5 })], strategy([nearest]));
    expect(d.explanation.winnerReason).toEqual({ by: "onlyPlan" });
    expect(d.explanation.plansConsidered).toBe(1);
  });
});

group("plans", () => {
  it("ships each line whole from one location when it can, up to maxSplits", () => {
    const candidates = [loc(1, 10, { 1: 5 }), loc(2, 10, { 2: 5 }), loc(3, 10, { 3: 5 })];
    const order = orderOf([[1, 2], [2, 2], [3, 2]]);
    expect(shipped(route(order, candidates, strategy([nearest], { maxSplits: 2 })))).toHaveLength(3);
    // One split allowed: two shipments, the third line back-ordered (the nearest rule cannot make up for fill).
    const d = route(order, candidates, strategy([nearest], { maxSplits: 1 }));
    expect(planOf(d).shipments).toHaveLength(2);
    expect(planOf(d).backOrdered).toEqual([{ skuId: 3, quantity: 2 }]);
    expect(d.explanation.steps[0].best).toEqual({ kind: "fill", shippedUnits: 4, backOrderedUnits: 2 });
  });

  it("splits a line no location can ship whole, nearest first, and back-orders the rest", () => {
    const candidates = [loc(1, 30, { 1: 4 }), loc(2, 10, { 1: 3 }), loc(3, 20, { 1: 2 })];
    const d = route(orderOf([[1, 8]]), candidates, strategy([cost], { maxSplits: 1 }));
    // Two locations at most: L01 + L02 give 7, the most any pair gives.
    expect(shipped(d)).toEqual([
      ["L01", [[1, 4]]],
      ["L02", [[1, 3]]],
    ]);
    expect(planOf(d).backOrdered).toEqual([{ skuId: 1, quantity: 1 }]);
    expect(d.explanation.search).toBe("sets");
    const all = route(orderOf([[1, 8]]), candidates, strategy([cost], { maxSplits: 2 }));
    // Three locations give 9 ≥ 8: nearest first, L02 3 + L03 2, then L01 the remaining 3.
    expect(shipped(all)).toEqual([
      ["L01", [[1, 3]]],
      ["L02", [[1, 3]]],
      ["L03", [[1, 2]]],
    ]);
    expect(planOf(all).backOrdered).toEqual([]);
  });

  it("back-orders what no location holds, never drops it", () => {
    const d = route(orderOf([[1, 1], [9, 4]]), [loc(1, 10, { 1: 5 })], strategy([nearest]));
    expect(shipped(d)).toEqual([["L01", [[1, 1]]]]);
    expect(planOf(d).backOrdered).toEqual([{ skuId: 9, quantity: 4 }]);
    const none = route(orderOf([[9, 4]]), [loc(1, 10, { 1: 5 })], strategy([nearest]));
    expect(planOf(none)).toEqual({ shipments: [], backOrdered: [{ skuId: 9, quantity: 4 }], costCents: 0 });
    expect(none.explanation).toMatchObject({ search: "none", plansConsidered: 0, steps: [], topPlans: [], winnerReason: { by: "noCandidates" } });
  });

  it("merges lines of the same SKU, drops zero lines and rejects bad quantities and splits", () => {
    const d = route(orderOf([[2, 1], [1, 0], [2, 2]]), [loc(1, 10, { 2: 5 })], strategy([nearest]));
    expect(shipped(d)).toEqual([["L01", [[2, 3]]]]);
    expect(() => route(orderOf([[1, -1]]), [], strategy([]))).toThrow(RangeError);
    expect(() => route(orderOf([[1, 1.5]]), [], strategy([]))).toThrow(RangeError);
    expect(() => route(orderOf([[1, 1]]), [], strategy([], { maxSplits: -1 }))).toThrow(RangeError);
  });

  it("states cost and distance per shipment", () => {
    const d = route(orderOf([[1, 2]]), [loc(1, 100, { 1: 5 })], strategy([cost]));
    const [s] = planOf(d).shipments;
    expect(s.km).toBeCloseTo(100, 3);
    expect(s.costCents).toBe(500 + 100 + 100);
    expect(planOf(d).costCents).toBe(700);
  });

  it("lists the best few plans, best first, with each ranker's value", () => {
    const candidates = [loc(1, 10, { 1: 5 }), loc(2, 20, { 1: 5 }), loc(3, 30, { 1: 5 }), loc(4, 40, { 1: 5 }), loc(5, 50, { 1: 5 }), loc(6, 60, { 1: 5 })];
    const d = route(orderOf([[1, 1]]), candidates, strategy([nearest, complete]));
    expect(d.explanation.topPlans.map((p) => p.shipments.map((s) => s.code).join("+"))).toEqual(["L01", "L02", "L03", "L04", "L05"]);
    expect(d.explanation.topPlans[1]).toEqual({
      shipments: [{ locationId: 2, code: "L02", units: 1 }],
      fill: { kind: "fill", shippedUnits: 1, backOrderedUnits: 0 },
      values: [
        { kind: "nearest", measure: "weighted", km: 20 },
        { kind: "complete", shipments: 1 },
      ],
    });
    // More plans tie on fill than the search needs to score: the count is a floor.
    expect(d.explanation.steps[0]).toMatchObject({ rule: "fill", beforeAtLeast: true, after: 5, afterAtLeast: true });
  });

  it("takes the set search for orders with more lines than the block search", () => {
    const skus = Array.from({ length: MAX_BLOCK_LINES + 1 }, (_, i) => i + 1);
    const stock = Object.fromEntries(skus.map((s) => [s, 1]));
    const d = route(orderOf(skus.map((s) => [s, 1])), [loc(1, 10, stock), loc(2, 5, { 1: 1 })], strategy([complete, nearest]));
    expect(d.explanation.search).toBe("sets");
    expect(shipped(d)).toEqual([["L01", skus.map((s) => [s, 1])]]);
  });
});

group("pickup (BOPIS)", () => {
  const stores = [loc(1, 5, { 1: 1 }, { type: "STORE" }), loc(2, 8, { 1: 3, 2: 1 }, { type: "STORE" }), loc(3, 3, { 1: 3, 2: 1 }, { type: "STORE", canPickup: false }), loc(4, 20, { 1: 9, 2: 9 })];

  it("routes to the chosen store only, in one piece", () => {
    const d = route(orderOf([[1, 2], [2, 1]], { fulfilment: "PICKUP", pickupLocationId: 2 }), stores, strategy([nearest]));
    expect(shipped(d)).toEqual([["L02", [[1, 2], [2, 1]]]]);
    expect(planOf(d).shipments[0].costCents).toBe(0);
    expect(d.explanation.search).toBe("pickup");
    // What the chosen store lacks is back-ordered, not sent from elsewhere.
    const short = route(orderOf([[1, 2], [2, 1]], { fulfilment: "PICKUP", pickupLocationId: 1 }), stores, strategy([nearest]));
    expect(shipped(short)).toEqual([["L01", [[1, 1]]]]);
    expect(planOf(short).backOrdered).toEqual([
      { skuId: 1, quantity: 1 },
      { skuId: 2, quantity: 1 },
    ]);
  });

  it("offers the nearest pickup locations that have every line when no store is chosen", () => {
    const order = orderOf([[1, 2], [2, 1]], { fulfilment: "PICKUP" });
    expect(pickupOptions(order, stores, 5).map((o) => o.code)).toEqual(["L02", "L04"]);
    expect(pickupOptions(order, stores, 5, [{ kind: "locationType", types: ["STORE"] }]).map((o) => o.code)).toEqual(["L02"]);
    const d = route(order, stores, strategy([nearest], { pickupOptions: 1 }));
    expect(d.kind).toBe("pickupOptions");
    if (d.kind !== "pickupOptions") return;
    expect(d.options).toEqual([{ locationId: 2, code: "L02", km: expect.closeTo(8, 3) }]);
    expect(d.explanation.filtered.map((f) => [f.code, f.reason])).toEqual([
      ["L01", "incomplete"],
      ["L03", "capability"],
    ]);
    expect(d.explanation.winnerReason).toEqual({ by: "customerChooses" });
  });
});

group("describe", () => {
  it("renders the decision in English", () => {
    const candidates = [loc(1, 10, { 1: 5 }), loc(2, 20, { 1: 5 }), loc(3, 5, {}, { remainingCapacity: 0 })];
    const text = describe(route(orderOf([[1, 1], [2, 1]]), candidates, strategy([nearest], { filters: [{ kind: "capacity" }, { kind: "sameRegion" }] })));
    expect(text).toContain("filtered: capacity (1: L03)");
    expect(text).toContain("nearest: 2 → 1 plans (best: mean distance 10.0 km)");
    expect(text).toContain("plan: L01 ships 1×1 (10.0 km, 5.60)");
    expect(text).toContain("back-ordered: 1×2");
    expect(text).toContain("why: nearest (rule 1) decided: mean distance 10.0 km against mean distance 20.0 km for L02");
    expect(describe(route(orderOf([[1, 1]], { fulfilment: "PICKUP" }), candidates, strategy([])))).toContain("pickup at: L01 (10.0 km), L02 (20.0 km)");
  });
});
