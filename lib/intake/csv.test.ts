import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { normalizeHeader, parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads rows with spreadsheet row numbers (the header is row 1)", () => {
    const { rows, problems } = parseCsv("location_code,sku_code,quantity\nWH-01,SKU-1,5\n\nDC-EAST, SKU-2 ,7\n");
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 2, location_code: "WH-01", sku_code: "SKU-1", quantity: "5", reference: "", received_at: "", expires_on: "" },
      { row: 4, location_code: "DC-EAST", sku_code: "SKU-2", quantity: "7", reference: "", received_at: "", expires_on: "" },
    ]);
  });

  it("copes with a byte-order mark, CRLF, quotes, loose headers, other column orders and semicolons", () => {
    const text = '\uFEFFQuantity;SKU Code;Location-Code;Reference\r\n12;"SKU;1";WH-01;"PO ""A"""\r\n';
    const { rows, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ row: 2, location_code: "WH-01", sku_code: "SKU;1", quantity: "12", reference: 'PO "A"' });
  });

  it("names missing, unknown and repeated columns", () => {
    const { problems } = parseCsv("location_code,sku,quantity,quantity\nWH-01,S,1,2\n");
    expect(problems.map((p) => [p.row, p.code, p.value])).toEqual([
      [1, "unknownColumn", "sku"],
      [1, "duplicateColumn", "quantity"],
      [1, "missingColumn", "sku_code"],
    ]);
  });

  it("flags values beyond the last column", () => {
    const { problems } = parseCsv("location_code,sku_code,quantity\nWH-01,S,1,oops\n");
    expect(problems).toEqual([{ row: 2, field: "file", value: "oops", code: "extraCells" }]);
  });

  it("says so when there is nothing to import", () => {
    expect(parseCsv("").problems.map((p) => p.code)).toEqual(["noRows"]);
    expect(parseCsv("location_code,sku_code,quantity\n\n").problems.map((p) => p.code)).toEqual(["noRows"]);
  });

  it("refuses more rows than one import may hold, without keeping them", () => {
    const text = "location_code,sku_code,quantity\n" + "WH,S,1\n".repeat(6);
    const r = parseCsv(text, 5);
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([{ row: 0, field: "file", value: "6", code: "tooManyRows", vars: { max: 5, count: 6 } }]);
  });

  it("gives back whatever a spreadsheet wrote, row for row", () => {
    const text = fc.string({ maxLength: 10 }).filter((s) => s.trim() !== "" && s === s.trim());
    const rowArb = fc.record({ location_code: text, sku_code: text, quantity: fc.integer().map(String), reference: fc.constantFrom("", "PO-1", "a,b", 'q"x', "多行\n备注") });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), (rows) => {
        const csv = Papa.unparse(rows, { columns: ["location_code", "sku_code", "quantity", "reference"], newline: "\n" });
        const parsed = parseCsv(csv);
        expect(parsed.problems).toEqual([]);
        expect(parsed.rows.map(({ location_code, sku_code, quantity, reference }) => ({ location_code, sku_code, quantity, reference })))
          .toEqual(rows.map((r) => ({ ...r, reference: r.reference.trim() })));
      }),
    );
  });
});

describe("normalizeHeader", () => {
  it("accepts spaces, hyphens and capitals", () => {
    expect(normalizeHeader(" Received At ")).toBe("received_at");
    expect(normalizeHeader("EXPIRES-ON")).toBe("expires_on");
  });
});
