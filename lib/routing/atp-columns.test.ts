import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AtpColumns } from "./atp-columns";
import { pickupOptions, route } from "./route";
import { candidatesArb, orderArb, strategyArb } from "./test-support";
import type { Candidate } from "./types";

/** The same candidates with their ATP in one shared table indexing `indexed` (other SKUs go to each column's map). */
function tabled(candidates: Candidate[], indexed: number[]): Candidate[] {
  const table = AtpColumns.over(indexed, 2);
  return candidates.map((c) => ({ ...c, atp: table.column([...c.atp.keys()], [...c.atp.values()]) }));
}

describe("AtpColumns", () => {
  it("reads like a map of the same pairs, and takes the same writes", () => {
    const pairs = fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 500 })), { selector: ([sku]) => sku });
    const writes = fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: -5, max: 500 })));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 40 })), pairs, writes, (indexed, held, written) => {
        const column = AtpColumns.over(indexed).column(held.map(([s]) => s), held.map(([, a]) => a));
        const map = new Map(held);
        for (const [sku, atp] of written) {
          column.set(sku, atp);
          map.set(sku, atp);
        }
        for (let sku = 0; sku <= 50; sku++) {
          expect(column.get(sku)).toBe(map.get(sku));
          expect(column.has(sku)).toBe(map.has(sku));
        }
        expect(column.size).toBe(map.size);
        const sorted = (xs: Iterable<[number, number]>) => [...xs].sort((a, b) => a[0] - b[0]);
        expect(sorted(column)).toEqual(sorted(map));
        expect(sorted(new Map(column))).toEqual(sorted(map));
        expect([...column.keys()].sort((a, b) => a - b)).toEqual([...map.keys()].sort((a, b) => a - b));
        const seen: [number, number][] = [];
        column.forEach((v, k) => seen.push([k, v]));
        expect(sorted(seen)).toEqual(sorted(map));
      }),
    );
  });

  it("gives columns that share the index but not their figures, and copies that stand alone", () => {
    const columns = AtpColumns.over([7, 8, 9], 1);
    const a = columns.column([7, 9], [5, 1]);
    const b = columns.column([8], [3]);
    const copy = a.copy();
    a.set(7, 2);
    expect([a.get(7), a.get(8), a.get(9), b.get(7), b.get(8), copy.get(7)]).toEqual([2, undefined, 1, undefined, 3, 5]);
    expect(Object.fromEntries(copy)).toEqual({ 7: 5, 9: 1 });
    // Copied together: one new table, independent of the first.
    const [a2, b2] = AtpColumns.copy([a, b]);
    expect(a2.table).toBe(b2.table);
    a2.set(9, 0);
    b.set(8, 9);
    expect([a.get(9), a2.get(9), b.get(8), b2.get(8), a2.get(7)]).toEqual([1, 0, 9, 3, 2]);
    expect(Object.fromEntries(a2.copy())).toEqual({ 7: 2, 9: 0 });
  });

  it("routes exactly as from maps, whichever SKUs the table indexes and when columns come from several tables", () => {
    const indexed = fc.shuffledSubarray([1, 2, 3, 4, 99]); // SKUS of test-support, and one no order has
    fc.assert(
      fc.property(orderArb, candidatesArb(8, 1), strategyArb, indexed, fc.nat(8), (order, candidates, s, skus, cut) => {
        const one = tabled(candidates, skus);
        // Columns from two tables: the reader's table is the first candidate's; the rest are read through get().
        const two = [...tabled(candidates.slice(0, cut), skus), ...tabled(candidates.slice(cut), skus)];
        const expected = route(order, candidates, s);
        expect(route(order, one, s)).toEqual(expected);
        expect(route(order, two, s)).toEqual(expected);
        expect(route({ ...order, fulfilment: "PICKUP" }, one, s)).toEqual(route({ ...order, fulfilment: "PICKUP" }, candidates, s));
        expect(pickupOptions(order, one, 3, s.filters)).toEqual(pickupOptions(order, candidates, 3, s.filters));
      }),
    );
  });
});
