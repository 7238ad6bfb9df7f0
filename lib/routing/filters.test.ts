import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { route } from "./route";
import { type Filter, type RoutingOrder } from "./types";
import { candidatesArb, loc, orderArb, orderOf, planOf, shipped, strategy, strategyArb } from "./test-support";

const nearest = [{ kind: "nearest" as const, measure: "weighted" as const }];
const run = (filters: Filter[], candidates = [loc(1, 10, { 1: 5 }), loc(2, 20, { 1: 5 })], order: RoutingOrder = orderOf([[1, 1]])) =>
  route(order, candidates, strategy(nearest, { filters }));
const left = (d: ReturnType<typeof run>) => d.explanation.filtered.map((f) => [f.code, f.reason]);

describe("filters", () => {
  it("keeps only the listed location types", () => {
    const d = run([{ kind: "locationType", types: ["STORE", "DC"] }], [loc(1, 10, { 1: 5 }), loc(2, 20, { 1: 5 }, { type: "STORE" })]);
    expect(left(d)).toEqual([["L01", "locationType"]]);
    expect(shipped(d)).toEqual([["L02", [[1, 1]]]]);
  });

  it("keeps the destination's region or province, and is skipped when the destination does not say", () => {
    const far = loc(2, 20, { 1: 5 }, { region: "NORTH", province: "Hebei" });
    expect(shipped(run([{ kind: "sameRegion" }], [loc(1, 30, { 1: 5 }), far]))).toEqual([["L01", [[1, 1]]]]);
    expect(shipped(run([{ kind: "sameProvince" }], [loc(1, 30, { 1: 5 }), far]))).toEqual([["L01", [[1, 1]]]]);
    const unknown = orderOf([[1, 1]], { destination: { lat: 30, lng: 120 } });
    const d = run([{ kind: "sameRegion" }, { kind: "sameProvince" }], [loc(1, 30, { 1: 5 }), far], unknown);
    expect(shipped(d)).toEqual([["L02", [[1, 1]]]]);
    expect(d.explanation.filterSteps).toEqual([
      { filter: "sameRegion", removed: 0, skipped: true },
      { filter: "sameProvince", removed: 0, skipped: true },
    ]);
  });

  it("keeps locations that can ship a SHIP order, or hand over a PICKUP order", () => {
    const candidates = [loc(1, 10, { 1: 5 }, { canShip: false }), loc(2, 20, { 1: 5 }, { canPickup: false })];
    expect(shipped(run([{ kind: "capability" }], candidates))).toEqual([["L02", [[1, 1]]]]);
    const pickup = orderOf([[1, 1]], { fulfilment: "PICKUP", pickupLocationId: 2 });
    const d = run([{ kind: "capability" }], candidates, pickup);
    expect(left(d)).toEqual([["L02", "capability"]]);
    expect(planOf(d).backOrdered).toEqual([{ skuId: 1, quantity: 1 }]);
  });

  it("keeps locations with daily capacity left", () => {
    const d = run([{ kind: "capacity" }], [loc(1, 10, { 1: 5 }, { remainingCapacity: 0 }), loc(2, 20, { 1: 5 })]);
    expect(left(d)).toEqual([["L01", "capacity"]]);
    expect(shipped(d)).toEqual([["L02", [[1, 1]]]]);
  });

  it("leaves each location at least the ATP margin", () => {
    // L01 has 3: with a margin of 2 it can give 1, not the 2 ordered; L02 has 4 and can.
    const candidates = [loc(1, 10, { 1: 3 }), loc(2, 20, { 1: 4 }), loc(3, 5, { 1: 2 })];
    const d = run([{ kind: "minAtpMargin", units: 2 }], candidates, orderOf([[1, 2]]));
    expect(shipped(d)).toEqual([["L02", [[1, 2]]]]);
    // L03 would have nothing left to give: the margin removed it. A location with none at all is "noStock".
    expect(left(run([{ kind: "minAtpMargin", units: 2 }], [...candidates, loc(4, 1, { 2: 9 })], orderOf([[1, 2]])))).toEqual([
      ["L03", "minAtpMargin"],
      ["L04", "noStock"],
    ]);
  });

  it("excludes the listed locations (e.g. stores that rejected the order)", () => {
    const d = run([{ kind: "exclude", locationIds: [1] }]);
    expect(left(d)).toEqual([["L01", "exclude"]]);
    expect(shipped(d)).toEqual([["L02", [[1, 1]]]]);
  });

  it("reports each location against the first filter it fails, and counts per filter", () => {
    const candidates = [loc(1, 10, { 1: 5 }, { remainingCapacity: 0, canShip: false }), loc(2, 20, { 1: 5 }, { remainingCapacity: 0 }), loc(3, 30, { 1: 5 })];
    const d = run([{ kind: "capability" }, { kind: "capacity" }, { kind: "exclude", locationIds: [1, 2, 3] }], candidates);
    expect(left(d)).toEqual([
      ["L01", "capability"],
      ["L02", "capacity"],
      ["L03", "exclude"],
    ]);
    expect(d.explanation.filterSteps.map((s) => s.removed)).toEqual([1, 1, 1]);
    expect(d.explanation.winnerReason).toEqual({ by: "noCandidates" });
    expect(planOf(d)).toEqual({ shipments: [], backOrdered: [{ skuId: 1, quantity: 1 }], costCents: 0 });
  });

  it("never lets a location through that a filter rules out", () => {
    fc.assert(
      fc.property(orderArb, candidatesArb(8), strategyArb, (order, candidates, s) => {
        const d = route(order, candidates, s);
        const byId = new Map(candidates.map((c) => [c.locationId, c]));
        const margin = Math.max(0, ...s.filters.map((f) => (f.kind === "minAtpMargin" ? f.units : 0)));
        for (const ship of planOf(d).shipments) {
          const c = byId.get(ship.locationId)!;
          for (const f of s.filters) {
            if (f.kind === "exclude") expect(f.locationIds).not.toContain(c.locationId);
            if (f.kind === "capability") expect(c.canShip).toBe(true);
            if (f.kind === "capacity") expect(c.remainingCapacity).toBeGreaterThan(0);
            if (f.kind === "locationType") expect(f.types).toContain(c.type);
            if (f.kind === "sameRegion") expect(c.region).toBe(order.destination.region);
            if (f.kind === "sameProvince") expect(c.province).toBe(order.destination.province);
          }
          for (const l of ship.lines) expect(l.quantity).toBeLessThanOrEqual((c.atp.get(l.skuId) ?? 0) - margin);
        }
        // Everything filtered is reported once, and nothing reported ships.
        const reported = d.explanation.filtered.map((f) => f.locationId);
        expect(new Set(reported).size).toBe(reported.length);
        for (const ship of planOf(d).shipments) expect(reported).not.toContain(ship.locationId);
      }),
    );
  });
});
