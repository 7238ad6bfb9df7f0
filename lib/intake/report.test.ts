import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n";
import { intakeEn } from "@/lib/i18n/messages/intake.en";
import { intakeZhCN } from "@/lib/i18n/messages/intake.zh-CN";
import { canIntake } from "./access";
import { normalizeProblems, PROBLEM_CODES, problemKey, type Problem } from "./problems";
import { buildReport, describeProblem } from "./report";

const line = (row: number) => ({ row, location: "WH", sku: `S${row}`, quantity: 1, onHandBefore: 0, onHandAfter: 1, reserved: 0, isNew: true });

describe("buildReport", () => {
  it("may apply only a file without a single problem", () => {
    expect(buildReport(2, [], [line(3), line(2)])).toMatchObject({ canApply: true, badRows: 0, lines: [line(2), line(3)] });
    const bad = buildReport(2, [{ row: 3, field: "quantity", value: "x", code: "notInteger" }], [line(2)]);
    expect(bad).toMatchObject({ canApply: false, badRows: 1 });
    expect(buildReport(0, [], []).canApply).toBe(false);
    expect(buildReport(2, [], [line(2)]).canApply).toBe(false); // a row the server never saw
  });

  it("counts rows, not problems, and not the file", () => {
    const r = buildReport(10, [
      { row: 3, field: "quantity", value: "", code: "required" },
      { row: 3, field: "sku_code", value: "", code: "required" },
      { row: 1, field: "file", value: "sku", code: "unknownColumn" },
      { row: 5, field: "location_code", value: "X", code: "unknownLocation" },
    ], []);
    expect(r.badRows).toBe(2);
    expect(r.problems.map((p) => [p.row, p.field])).toEqual([[1, "file"], [3, "sku_code"], [3, "quantity"], [5, "location_code"]]);
  });
});

describe("normalizeProblems", () => {
  const problem = fc.record({
    row: fc.nat(20), field: fc.constantFrom("location_code", "sku_code", "quantity", "file"), value: fc.string({ maxLength: 3 }),
    code: fc.constantFrom(...PROBLEM_CODES),
  }) as fc.Arbitrary<Problem>;
  it("is sorted by row, without repeats, and idempotent", () => {
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 40 }), (ps) => {
        const once = normalizeProblems([...ps, ...ps]);
        expect(normalizeProblems(once)).toEqual(once);
        once.slice(1).forEach((p, i) => expect(p.row).toBeGreaterThanOrEqual(once[i].row));
        expect(new Set(once.map((p) => `${p.row}|${p.field}|${p.code}`)).size).toBe(once.length);
      }),
    );
  });
});

describe("messages", () => {
  it("exist in both languages for every problem", () => {
    for (const code of PROBLEM_CODES) {
      expect(intakeEn[problemKey(code)]).toBeTruthy();
      expect(intakeZhCN[problemKey(code)]).toBeTruthy();
    }
  });
  it("read as a sentence naming row, field and why", () => {
    const p: Problem = { row: 7, field: "quantity", value: "2", code: "belowReserved", vars: { before: 3, after: 2, reserved: 3 } };
    expect(describeProblem(p, translator("en"))).toBe("Row 7, quantity: would leave 2 on hand (now 3), below the 3 reserved for orders");
    expect(describeProblem(p, translator("zh-CN"))).toBe("第 7 行，quantity：将使在库量变为 2（当前 3），低于订单已预占的 3");
  });
});

describe("canIntake", () => {
  it("is HQ only", () => {
    expect(canIntake("HQ_ADMIN")).toBe(true);
    expect(canIntake("MERCHANDISER")).toBe(true);
    expect(canIntake("STORE_MANAGER")).toBe(false);
    expect(canIntake("BRAND_PARTNER")).toBe(false);
  });
});
