import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planLines, previewTotals, stockKey } from "./preview";
import type { IntakeRow } from "./schema";

const row = (r: number, location: string, sku: string, quantity: number): IntakeRow => ({
  row: r, location, sku, quantity, reference: null, receivedAt: null, expiresOn: null,
});

describe("planLines", () => {
  const stock = new Map([
    [stockKey("WH", "A"), { onHand: 10, reserved: 4 }],
    [stockKey("ST", "A"), { onHand: 3, reserved: 3 }],
  ]);

  it("computes before → after: counts set, receipts add; new pairs start at 0", () => {
    expect(planLines("COUNT", [row(2, "WH", "A", 6), row(3, "DC", "A", 5)], stock).lines).toEqual([
      { row: 2, location: "WH", sku: "A", quantity: 6, onHandBefore: 10, onHandAfter: 6, reserved: 4, isNew: false },
      { row: 3, location: "DC", sku: "A", quantity: 5, onHandBefore: 0, onHandAfter: 5, reserved: 0, isNew: true },
    ]);
    expect(planLines("RECEIVE", [row(2, "WH", "A", 6)], stock).lines[0].onHandAfter).toBe(16);
  });

  it("flags rows that would leave less than is reserved, with the numbers", () => {
    const { problems } = planLines("COUNT", [row(2, "WH", "A", 4), row(3, "ST", "A", 2)], stock);
    expect(problems).toEqual([{ row: 3, field: "quantity", value: "2", code: "belowReserved", vars: { after: 2, reserved: 3, before: 3 } }]);
  });
});

describe("previewTotals", () => {
  it("adds up what goes in and out", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ before: fc.nat(1000), after: fc.nat(1000), isNew: fc.boolean() }), { maxLength: 40 }), (xs) => {
        const lines = xs.map((x, i) => ({ row: i + 2, location: "L", sku: `S${i}`, quantity: x.after, onHandBefore: x.before, onHandAfter: x.after, reserved: 0, isNew: x.isNew }));
        const t = previewTotals(lines);
        expect(t.rows).toBe(lines.length);
        expect(t.net).toBe(xs.reduce((s, x) => s + x.after - x.before, 0));
        expect(t.unitsIn - t.unitsOut).toBe(t.net);
        expect(t.unitsIn).toBeGreaterThanOrEqual(0);
        expect(t.unitsOut).toBeGreaterThanOrEqual(0);
        expect(t.unchanged).toBe(xs.filter((x) => x.before === x.after).length);
        expect(t.newStockLevels).toBe(xs.filter((x) => x.isNew).length);
      }),
    );
  });
});
