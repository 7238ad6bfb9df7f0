import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunk, findDuplicates } from "./rows";

describe("findDuplicates", () => {
  it("flags later rows for the same location and SKU, pointing at the first", () => {
    const rows = [
      { row: 2, location_code: "WH", sku_code: "A" },
      { row: 3, location_code: "WH", sku_code: "B" },
      { row: 4, location_code: " WH ", sku_code: "A" },
      { row: 5, location_code: "DC", sku_code: "A" },
      { row: 6, location_code: "WH", sku_code: "A" },
    ];
    expect(findDuplicates(rows)).toEqual([
      { row: 4, field: "sku_code", value: "A", code: "duplicate", vars: { first: 2, location: "WH" } },
      { row: 6, field: "sku_code", value: "A", code: "duplicate", vars: { first: 2, location: "WH" } },
    ]);
  });

  it("flags exactly the rows beyond the first of each pair", () => {
    const code = fc.constantFrom("WH", "DC", "ST");
    fc.assert(
      fc.property(fc.array(fc.record({ location_code: code, sku_code: fc.constantFrom("A", "B", "C", "D") }), { maxLength: 60 }), (cells) => {
        const rows = cells.map((c, i) => ({ ...c, row: i + 2 }));
        const problems = findDuplicates(rows);
        const distinct = new Set(rows.map((r) => `${r.location_code}/${r.sku_code}`)).size;
        expect(problems.length).toBe(rows.length - distinct);
        for (const p of problems) {
          const first = rows.find((r) => r.row === p.vars!.first)!;
          const dup = rows.find((r) => r.row === p.row)!;
          expect(first.row).toBeLessThan(dup.row);
          expect([first.location_code, first.sku_code]).toEqual([dup.location_code, dup.sku_code]);
          expect(problems.some((q) => q.row === first.row)).toBe(false);
        }
      }),
    );
  });

  it("leaves rows without codes to the required-field check", () => {
    expect(findDuplicates([{ row: 2, location_code: "", sku_code: "A" }, { row: 3, location_code: "", sku_code: "A" }])).toEqual([]);
  });
});

describe("chunk", () => {
  it("slices into full chunks and a remainder, losing nothing", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (items, size) => {
        const parts = chunk(items, size);
        expect(parts.flat()).toEqual(items);
        expect(parts.length).toBe(Math.ceil(items.length / size));
        parts.slice(0, -1).forEach((p) => expect(p.length).toBe(size));
        parts.forEach((p) => expect(p.length).toBeGreaterThan(0));
      }),
    );
  });
  it("refuses a size that would never finish", () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});
