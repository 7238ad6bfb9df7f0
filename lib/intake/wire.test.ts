import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RawRow } from "./schema";
import { decodeRows, encodeRows, importApplySchema, MAX_CELL, wireBytes, wireRowsSchema } from "./wire";

const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("", "WH-01", "12", "2026-11-20"));
const rawRow = fc.record({
  row: fc.integer({ min: 1, max: 1_000_000 }),
  location_code: cell, sku_code: cell, quantity: cell, reference: cell, received_at: cell, expires_on: cell,
});

describe("wire rows", () => {
  it("decode(encode(rows)) gives the rows back, and the server schema accepts them", () => {
    fc.assert(
      fc.property(fc.array(rawRow, { maxLength: 50 }), (rows: RawRow[]) => {
        const wire = encodeRows(rows);
        expect(wireRowsSchema.safeParse(wire).success).toBe(true);
        expect(decodeRows(wire)).toEqual(rows);
      }),
    );
  });

  it("keeps a 10,000-row file well under the 1 MB action limit", () => {
    const rows: RawRow[] = Array.from({ length: 10_000 }, (_, i) => ({
      row: i + 2, location_code: `ST-SHA-${String(i % 45).padStart(3, "0")}`, sku_code: `SKYL-RS-AERO-BLK-${i}`,
      quantity: String(i % 50), reference: "PO-2026-11-4711", received_at: "2026-11-20", expires_on: "",
    }));
    expect(wireBytes(encodeRows(rows))).toBeLessThan(500_000);
  });

  it("cuts overlong cells (they are invalid anyway) instead of sending them whole", () => {
    const long = "x".repeat(MAX_CELL + 100);
    const rows = decodeRows(encodeRows([{ row: 2, location_code: long, sku_code: "", quantity: "", reference: "", received_at: "", expires_on: "" }]));
    expect(rows[0].location_code.length).toBe(MAX_CELL);
  });

  it("refuses rows pointing at text that was not sent, or cut short", () => {
    expect(wireRowsSchema.safeParse({ strings: ["a"], cells: [2, 0, 0, 0, 0, 0, 1] }).success).toBe(false);
    expect(wireRowsSchema.safeParse({ strings: ["a"], cells: [2, 0, 0] }).success).toBe(false);
    expect(wireRowsSchema.safeParse({ strings: ["a"], cells: [0, 0, 0, 0, 0, 0, 0] }).success).toBe(false);
  });

  it("requires a reason and a known type to apply", () => {
    const r = importApplySchema.safeParse({ type: "SHIP", reason: " ", rows: encodeRows([]) });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path[0], i.message])).toEqual([["type", "notAChoice"], ["reason", "required"]]);
  });
});
