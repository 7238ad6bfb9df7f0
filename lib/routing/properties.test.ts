import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { route } from "./route";
import { candidatesArb, mergedLines, orderArb, planOf, referenceGive, referencePlans, strategyArb } from "./test-support";
import type { Ranker } from "./types";

// The properties issue #5 asks for, on random small networks (up to 8 locations, 4 SKUs, 1–4 lines).

describe("routing properties", () => {
  it("never ships more than a location may give of a SKU", () => {
    fc.assert(
      fc.property(orderArb, candidatesArb(8), strategyArb, (order, candidates, s) => {
        const give = referenceGive(order, candidates, s);
        const byId = new Map(candidates.map((c) => [c.locationId, c]));
        for (const ship of planOf(route(order, candidates, s)).shipments) {
          const c = byId.get(ship.locationId)!;
          for (const l of ship.lines) {
            expect(l.quantity).toBeGreaterThan(0);
            expect(l.quantity).toBeLessThanOrEqual(c.atp.get(l.skuId) ?? 0);
            expect(l.quantity).toBeLessThanOrEqual(give.get(c)?.get(l.skuId) ?? 0);
          }
        }
      }),
    );
  });

  it("accounts for every unit ordered: shipped + back-ordered = ordered, per SKU", () => {
    fc.assert(
      fc.property(orderArb, candidatesArb(8), strategyArb, (order, candidates, s) => {
        const p = planOf(route(order, candidates, s));
        const total = new Map<number, number>();
        for (const ship of p.shipments) for (const l of ship.lines) total.set(l.skuId, (total.get(l.skuId) ?? 0) + l.quantity);
        for (const l of p.backOrdered) total.set(l.skuId, (total.get(l.skuId) ?? 0) + l.quantity);
        expect([...total].sort((a, b) => a[0] - b[0])).toEqual(mergedLines(order.lines).map((l) => [l.skuId, l.quantity]));
        // At most maxSplits + 1 shipments, from distinct locations.
        expect(p.shipments.length).toBeLessThanOrEqual(s.maxSplits + 1);
        expect(new Set(p.shipments.map((x) => x.locationId)).size).toBe(p.shipments.length);
      }),
    );
  });

  it("ships in one piece when one location can ship everything and 'complete' comes first", () => {
    fc.assert(
      fc.property(orderArb, candidatesArb(8, 1), strategyArb, (order, candidates, s0) => {
        const s = { ...s0, rankers: [{ kind: "complete" } as Ranker, ...s0.rankers] };
        const give = referenceGive(order, candidates, s);
        const lines = mergedLines(order.lines);
        const one = [...give.values()].some((g) => lines.every((l) => (g.get(l.skuId) ?? 0) >= l.quantity));
        fc.pre(one);
        const p = planOf(route(order, candidates, s));
        expect(p.shipments).toHaveLength(1);
        expect(p.backOrdered).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("picks, with 'lowest cost', the cheapest plan among those the earlier rankers left tied", () => {
    fc.assert(
      fc.property(orderArb, candidatesArb(8, 1), strategyArb, fc.nat(3), (order, candidates, s0, at) => {
        const rankers: Ranker[] = s0.rankers.filter((r) => r.kind !== "lowestCost");
        rankers.splice(Math.min(at, rankers.length), 0, { kind: "lowestCost" });
        const s = { ...s0, rankers };
        const d = route(order, candidates, s);
        const { plans, best } = referencePlans(order, candidates, s);
        fc.pre(best !== null);
        // The comps before lowest cost: fill, then the earlier rankers' comps (designated has one per listed place).
        const costAt = 1 + rankers.slice(0, rankers.findIndex((r) => r.kind === "lowestCost")).reduce((n, r) => n + (r.kind === "designated" ? new Set(r.locationIds).size : 1), 0);
        const tied = plans.filter((p) => p.score.slice(0, costAt).every((v, i) => v === best!.score[i]));
        const cheapest = Math.min(...tied.map((p) => p.score[costAt]));
        expect(planOf(d).costCents).toBe(cheapest);
      }),
      { numRuns: 300 },
    );
  });
});
