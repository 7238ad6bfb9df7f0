import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AtpColumns } from "./atp-columns";

describe("AtpColumns", () => {
  it("reads like a map of the same pairs, and takes the same writes", () => {
    const pairs = fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 500 })), { selector: ([sku]) => sku });
    const writes = fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: -5, max: 500 })));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 40 })), pairs, writes, (indexed, held, written) => {
        const column = new AtpColumns(indexed).column(held.map(([s]) => s), held.map(([, a]) => a));
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
    const columns = new AtpColumns([7, 8, 9]);
    const a = columns.column([7, 9], [5, 1]);
    const b = columns.column([8], [3]);
    const copy = a.copy();
    a.set(7, 2);
    expect([a.get(7), a.get(8), a.get(9), b.get(7), b.get(8), copy.get(7)]).toEqual([2, undefined, 1, undefined, 3, 5]);
    expect(Object.fromEntries(copy)).toEqual({ 7: 5, 9: 1 });
  });
});
