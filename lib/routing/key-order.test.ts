import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeySort, codePrefix, prefixOf, sortByKey } from "./key-order";

describe("codePrefix", () => {
  it("orders codes as the strings do wherever it tells them apart", () => {
    const code = fc.oneof(fc.string({ maxLength: 9 }), fc.string({ unit: "binary", maxLength: 7 }), fc.constantFrom("ST-001", "ST-0010", "ST-001\u0000", "ST-00", "S\uffff", "~~~~~~~", " ", "\u007f"));
    fc.assert(
      fc.property(code, code, (a, b) => {
        const [ka, kb] = [codePrefix(a), codePrefix(b)];
        if (ka < kb) expect(a < b).toBe(true);
        if (ka > kb) expect(a > b).toBe(true);
        if (a === b) expect(ka).toBe(kb);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("sortByKey", () => {
  it("sorts by key, then index, merging runs (a few) or by radix (more)", () => {
    const keys = fc.array(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 2 ** 50 - 1 })), { maxLength: 300 });
    // Runs: the keys cut into up to 12 pieces, each sorted.
    fc.assert(
      fc.property(keys, fc.integer({ min: 0, max: 12 }), (ks, pieces) => {
        const size = Math.ceil(ks.length / Math.max(1, pieces));
        const values = pieces === 0 ? ks : ks.flatMap((_, i) => (i % size === 0 ? ks.slice(i, i + size).sort((a, b) => a - b) : []));
        const n = values.length;
        const work = new KeySort();
        work.reserve(n);
        const order = Int32Array.from({ length: n }, (_, i) => i);
        sortByKey(order, n, Float64Array.from(values), work);
        expect([...order]).toEqual(values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b));
      }),
      { numRuns: 500 },
    );
  });
});

describe("prefixOf", () => {
  it("is codePrefix of the code in hand, whatever the id saw before", () => {
    const id = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(-1, 1.5, Number.NaN, 2 ** 16, 2 ** 16 - 1, 1e9));
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.constantFrom("ST-001", "ST-002", "DC-01", "", "WAREHOUSE-A")), { maxLength: 60 }), (seen) => {
        for (const [locationId, code] of seen) expect(prefixOf({ locationId, code })).toBe(codePrefix(code));
      }),
    );
  });
});
