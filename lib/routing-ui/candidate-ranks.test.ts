import { describe, expect, it } from "vitest";
import { route } from "@/lib/routing";
import { loc, orderOf, strategy } from "@/lib/routing/test-support";
import { candidateRows, compareValues } from "./candidate-ranks";

describe("candidateRows", () => {
  const rules = strategy([{ kind: "complete" }, { kind: "nearest", measure: "weighted" }, { kind: "lowestCost" }], { maxSplits: 1, filters: [{ kind: "capability" }] });
  const cands = [
    loc(1, 10, { 1: 2, 2: 1 }), // ships all, 10 km
    loc(2, 5, { 1: 5 }), // half the order, nearest
    loc(3, 50, { 1: 5, 2: 5 }), // ships all, far
    loc(4, 3, { 1: 9, 2: 9 }, { canShip: false }), // filtered
  ];
  const order = orderOf([[1, 2], [2, 1]]);
  const decision = route(order, cands, rules);
  const rows = candidateRows(order, cands, rules, decision);

  it("puts the winner first, then the others by their plan alone, the filtered last", () => {
    expect(rows.map((r) => [r.code, r.status])).toEqual([["L01", "winner"], ["L03", "considered"], ["L02", "considered"], ["L04", "capability"]]);
  });
  it("gives each candidate its own plan's values and ranks per rule", () => {
    const [l1, l3, l2, l4] = rows;
    expect(l1.alone?.values).toEqual(decision.explanation.topPlans[0].values);
    expect(l1.alone?.overall).toBe(1);
    // Alone, L02 ships 2 of 3 units: it is last overall although it is nearest.
    expect(l2.alone?.fill).toEqual({ kind: "fill", shippedUnits: 2, backOrderedUnits: 1 });
    expect(l2.alone?.ranks).toEqual([1, 1, 1]);
    expect(l2.alone?.overall).toBe(3);
    expect(l3.alone?.ranks).toEqual([1, 3, 3]);
    expect(l4.alone).toBeNull();
    expect(l1.holdsAll && l3.holdsAll && !l2.holdsAll).toBe(true);
    expect(l1.atp).toEqual([2, 1]);
    expect(l1.km).toBeCloseTo(10, 3);
  });
});

describe("compareValues", () => {
  it("prefers more units from higher on the designated list", () => {
    const v = (units: number[], otherUnits: number) => ({ kind: "designated" as const, units, otherUnits });
    expect(compareValues(v([2, 0], 0), v([0, 2], 0))).toBeLessThan(0);
    expect(compareValues(v([0, 2], 0), v([0, 0], 2))).toBeLessThan(0);
    expect(compareValues(v([1, 1], 0), v([1, 1], 0))).toBe(0);
  });
});
