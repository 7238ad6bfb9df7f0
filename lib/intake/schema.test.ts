import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjustFormSchema, isCalendarDate, issuesToProblems, parseReceivedAt, quantityProblem, validateRows, type RawRow } from "./schema";

const NOW = new Date("2026-11-22T04:00:00Z"); // 12:00 in Shanghai
const row = (over: Partial<RawRow> = {}): RawRow => ({
  row: 2, location_code: "WH-01", sku_code: "SKU-1", quantity: "5", reference: "", received_at: "", expires_on: "", ...over,
});
const codes = (rows: RawRow[], type: "COUNT" | "RECEIVE" = "RECEIVE") =>
  validateRows(type, rows, NOW).problems.map((p) => [p.row, p.field, p.code]);

describe("quantityProblem", () => {
  it("follows the sign rules of each movement type", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (q) => {
        const s = String(q);
        expect(quantityProblem("RECEIVE", s)).toBe(q > 0 ? null : "notPositive");
        expect(quantityProblem("RETURN", s)).toBe(q > 0 ? null : "notPositive");
        expect(quantityProblem("COUNT", s)).toBe(q >= 0 ? null : "negative");
        expect(quantityProblem("ADJUST", s)).toBe(q !== 0 ? null : "zero");
      }),
    );
  });
  it("refuses anything but a whole number, and huge ones", () => {
    for (const s of ["1.5", "12.0", "abc", "1e3", "1,000", "--1", "0x10"]) expect(quantityProblem("COUNT", s)).toBe("notInteger");
    expect(quantityProblem("COUNT", "  ")).toBe("required");
    expect(quantityProblem("COUNT", "1000001")).toBe("tooLarge");
    expect(quantityProblem("ADJUST", "-1000001")).toBe("tooLarge");
    expect(quantityProblem("ADJUST", " +7 ")).toBeNull();
  });
});

describe("dates", () => {
  it("knows real calendar dates", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
  });
  it("reads a received date as midnight in China, and date-times with their offset", () => {
    expect(parseReceivedAt("2026-11-20")?.toISOString()).toBe("2026-11-19T16:00:00.000Z");
    expect(parseReceivedAt("2026-11-20T09:30:00+08:00")?.toISOString()).toBe("2026-11-20T01:30:00.000Z");
    expect(parseReceivedAt("2026-11-20T09:30:00")).toBeNull(); // no offset: ambiguous
    expect(parseReceivedAt("yesterday")).toBeNull();
  });
});

describe("validateRows", () => {
  it("passes a good receipt row through, typed", () => {
    const r = validateRows("RECEIVE", [row({ reference: " PO-1 ", received_at: "2026-11-20", expires_on: "2027-06-30" })], NOW);
    expect(r.problems).toEqual([]);
    expect(r.valid).toEqual([
      { row: 2, location: "WH-01", sku: "SKU-1", quantity: 5, reference: "PO-1", receivedAt: new Date("2026-11-19T16:00:00Z"), expiresOn: "2027-06-30" },
    ]);
  });

  it("reports every problem of a row at once, naming row, field and value", () => {
    const r = validateRows("RECEIVE", [row({ row: 7, location_code: " ", quantity: "-3", received_at: "2026-11-30", expires_on: "2026-02-30" })], NOW);
    expect(r.valid).toEqual([]);
    expect(r.problems).toEqual([
      { row: 7, field: "location_code", value: " ", code: "required" },
      { row: 7, field: "quantity", value: "-3", code: "notPositive" },
      { row: 7, field: "received_at", value: "2026-11-30", code: "future" },
      { row: 7, field: "expires_on", value: "2026-02-30", code: "badDate" },
    ]);
  });

  it("refuses an expiry before the goods arrived, but allows the same day", () => {
    expect(codes([row({ received_at: "2026-11-20", expires_on: "2026-11-19" })])).toEqual([[2, "expires_on", "expiresBeforeReceived"]]);
    expect(codes([row({ received_at: "2026-11-20T23:00:00+08:00", expires_on: "2026-11-20" })])).toEqual([]);
  });

  it("accepts a receipt dated today (midnight has passed) but not tomorrow", () => {
    expect(codes([row({ received_at: "2026-11-22" })])).toEqual([]);
    expect(codes([row({ received_at: "2026-11-23" })])).toEqual([[2, "received_at", "future"]]);
  });

  it("keeps lot dates to receipts", () => {
    expect(codes([row({ quantity: "0", received_at: "2026-11-01", expires_on: "2027-01-01" })], "COUNT")).toEqual([
      [2, "received_at", "onlyForReceipts"],
      [2, "expires_on", "onlyForReceipts"],
    ]);
  });

  it("limits lengths, with the limit in the problem", () => {
    const r = validateRows("COUNT", [row({ sku_code: "S".repeat(65), reference: "R".repeat(201) })], NOW);
    expect(r.problems).toEqual([
      { row: 2, field: "sku_code", value: "S".repeat(65), code: "tooLong", vars: { max: 64 } },
      { row: 2, field: "reference", value: "R".repeat(201), code: "tooLong", vars: { max: 200 } },
    ]);
  });

  it("never throws and accounts for every row, whatever the cells say", () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "0", "-1", "12", "2026-11-01", "2026-02-30", "1.5"));
    const raw = fc.record({
      location_code: cell, sku_code: cell, quantity: cell, reference: cell, received_at: cell, expires_on: cell,
    });
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 20 }), fc.constantFrom("COUNT" as const, "RECEIVE" as const), (cells, type) => {
        const rows = cells.map((c, i) => ({ ...c, row: i + 2 }));
        const { valid, problems } = validateRows(type, rows, NOW);
        const bad = new Set(problems.map((p) => p.row));
        expect(valid.length + bad.size).toBe(rows.length);
        for (const v of valid) expect(bad.has(v.row)).toBe(false);
      }),
    );
  });
});

describe("adjustFormSchema", () => {
  const form = { type: "ADJUST", location: "WH-01", sku: "SKU-1", quantity: "-4", reason: "damaged", reference: "", receivedAt: "", expiresOn: "" };
  it("parses a valid form", () => {
    expect(adjustFormSchema(NOW).parse(form)).toEqual({
      type: "ADJUST", location: "WH-01", sku: "SKU-1", quantity: -4, reason: "damaged", reference: null, receivedAt: null, expiresOn: null,
    });
  });
  it("names each wrong field with a problem code", () => {
    const raw = { ...form, location: "", quantity: "0", reason: "  " };
    const r = adjustFormSchema(NOW).safeParse(raw);
    expect(r.success).toBe(false);
    expect(issuesToProblems(0, r.error!.issues, raw).map((p) => [p.field, p.code])).toEqual([
      ["location", "required"],
      ["reason", "required"],
      ["quantity", "zero"],
    ]);
  });
  it("checks a receipt's lot dates", () => {
    const raw = { ...form, type: "RECEIVE", quantity: "3", receivedAt: "2026-11-20", expiresOn: "2026-11-01" };
    const r = adjustFormSchema(NOW).safeParse(raw);
    expect(issuesToProblems(0, r.error!.issues, raw).map((p) => [p.field, p.code])).toEqual([["expiresOn", "expiresBeforeReceived"]]);
  });
  it("refuses an unknown movement type", () => {
    const r = adjustFormSchema(NOW).safeParse({ ...form, type: "SHIP" });
    expect(issuesToProblems(0, r.error!.issues, { ...form, type: "SHIP" })).toContainEqual({ row: 0, field: "type", value: "SHIP", code: "notAChoice" });
  });
});
