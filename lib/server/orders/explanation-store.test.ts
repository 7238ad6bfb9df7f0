import { describe, expect, it } from "vitest";
import { type Explanation, route } from "@/lib/routing";
import { loc, orderOf, strategy } from "@/lib/routing/test-support";
import { readExplanation, storedExplanation } from "./explanation-store";

function decision(): Explanation {
  const cands = [
    loc(1, 10, { 7: 5 }),
    loc(2, 20, { 7: 5 }, { canShip: false }),
    loc(3, 30, {}),
    loc(4, 40, { 7: 5 }),
    loc(5, 50, { 7: 5 }),
    loc(6, 60, { 7: 5 }),
  ];
  return route(orderOf([[7, 1]]), cands, strategy([{ kind: "nearest", measure: "weighted" }], { filters: [{ kind: "capability" }] })).explanation;
}

describe("stored explanation", () => {
  it("keeps what the order page shows: the left-out locations by reason, the best three plans, every step", () => {
    const e = decision();
    expect(e.topPlans.length).toBeGreaterThan(3);
    const stored = storedExplanation(e)!;
    expect(stored.left).toEqual({ capability: [[2, "L02"]] });
    expect(stored.noStock).toBe(1);
    expect(stored.topPlans).toEqual(e.topPlans.slice(0, 3));
    const back = readExplanation(JSON.parse(JSON.stringify(stored)))!;
    expect(back.filtered).toEqual(e.filtered.filter((f) => f.reason !== "noStock"));
    expect({ ...back, filtered: undefined, noStock: undefined }).toEqual({ ...e, filtered: undefined, topPlans: e.topPlans.slice(0, 3), noStock: undefined });
  });

  it("reads the earlier form (the list itself) as it is, and nothing as null", () => {
    const e = decision();
    expect(readExplanation(JSON.parse(JSON.stringify(e)))).toEqual(e);
    expect(readExplanation(null)).toBeNull();
    expect(storedExplanation(null)).toBeNull();
  });
});
