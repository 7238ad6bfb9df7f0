import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileLayout, layoutFor, listPosition, writeOrderModel, writeShipmentModel } from "./layout";
import { candidateArb, rankerArb } from "./test-support";
import type { Ranker } from "./types";

// The block lists built the fast way compare locations through the order model (layout.ts); search.test.ts checks
// the lists against those built plainly, through the summed comps. This checks the two orders directly, on values
// the random networks rarely reach: long designated lists, costs that are not numbers, far distances, pickups.

/** Sign of the first comp where a and b differ, comps [from, to) not flagged in `skip`; NaN when it is not a number. */
function firstDifference(a: Float64Array, b: Float64Array, from: number, to: number, skip: Uint8Array | null): number {
  for (let k = from; k < to; k++) {
    if (skip?.[k]) continue;
    const d = a[k] - b[k];
    if (d !== 0) return d < 0 ? -1 : d > 0 ? 1 : Number.NaN;
  }
  return 0;
}

describe("order model", () => {
  const longList = fc.shuffledSubarray(Array.from({ length: 24 }, (_, i) => i + 1), { minLength: 17 }).map((locationIds): Ranker => ({ kind: "designated", locationIds: [...locationIds, locationIds[0]] }));
  const rankers = fc.array(fc.oneof(rankerArb, longList), { maxLength: 4 });
  const cost = fc.constantFrom(0, 50, 800, -5, Number.NaN, Number.POSITIVE_INFINITY);
  const location = fc.tuple(fc.integer({ min: 1, max: 26 }), candidateArb(1, "L01"), cost, cost, fc.constantFrom(0, 1, 12_345, 9_000_000)).map(([id, c, base, perUnit, metres]) => ({
    c: { ...c, locationId: id, cost: { ...c.cost, baseCents: base, perUnitCents: perUnit } },
    metres,
  }));

  it("orders two shipments of the same units as the summed comps of their shipment models do", () => {
    fc.assert(
      fc.property(rankers, location, location, fc.integer({ min: 1, max: 9 }), fc.boolean(), (rs, a, b, units, pickup) => {
        const layout = compileLayout(rs);
        const D = layout.size;
        const O = layout.orderSize;
        const score = (x: typeof a, order: boolean) => {
          const fixed = new Float64Array(order ? O : D);
          const perUnit = new Float64Array(order ? O : D);
          const finite = (order ? writeOrderModel : writeShipmentModel)(layout, x.c, x.metres, pickup, fixed, perUnit, 0);
          return { finite, values: fixed.map((f, k) => f + units * perUnit[k]) };
        };
        const [sa, sb, oa, ob] = [score(a, false), score(b, false), score(a, true), score(b, true)];
        expect(firstDifference(oa.values, ob.values, 0, O, null)).toBe(firstDifference(sa.values, sb.values, 1, D, layout.isMax));
        // The order model has no comp the shipment model lacks: where the shipment model is all numbers, so is it.
        if (sa.finite) expect(oa.finite).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("finds positions on designated lists, short or long, as the first occurrence", () => {
    const ids = [5, 9, 5, 2, ...Array.from({ length: 20 }, (_, i) => 100 + i), 9];
    for (const list of [ids.slice(0, 4), ids]) {
      const layout = compileLayout([{ kind: "complete" }, { kind: "designated", locationIds: list }]);
      const distinct = [...new Set(list)];
      for (const id of [...distinct, 7, Number.NaN]) expect(listPosition(layout, 1, id)).toBe(distinct.includes(id) ? distinct.indexOf(id) : distinct.length);
    }
    const withNaN = compileLayout([{ kind: "designated", locationIds: [3, Number.NaN] }]);
    expect(listPosition(withNaN, 0, Number.NaN)).toBe(1);
  });
});

describe("layoutFor", () => {
  it("keeps the last layout for the same rankers, compared by value, and sees a list changed in place", () => {
    const ids = [3, 7];
    const rankers: Ranker[] = [{ kind: "designated", locationIds: ids }, { kind: "nearest", measure: "max" }];
    const first = layoutFor(rankers);
    expect(layoutFor(rankers)).toBe(first);
    expect(layoutFor([{ kind: "designated", locationIds: [3, 7] }, { kind: "nearest", measure: "max" }])).toBe(first);
    ids.push(9);
    const longer = layoutFor(rankers);
    expect(longer).not.toBe(first);
    expect(longer.size).toBe(compileLayout(rankers).size);
    expect(listPosition(longer, 0, 9)).toBe(2);
    (rankers[1] as { measure: string }).measure = "weighted";
    expect(layoutFor(rankers).isMax).toEqual(compileLayout(rankers).isMax);
    expect(layoutFor([{ kind: "complete" }])).toEqual(compileLayout([{ kind: "complete" }]));
  });
});
