import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ReplenishmentInput, replenish, replenishAll, roundUpToPack } from "./replenish";

const store = (over: Partial<ReplenishmentInput> = {}): ReplenishmentInput => ({
  skuId: 7,
  locationId: 1,
  locationType: "STORE",
  onHand: 20,
  reserved: 0,
  inTransit: 0,
  onOrder: 0,
  demandPerDay: 6,
  ...over,
});

describe("replenish", () => {
  it("orders up to the target when below the reorder point (safety stock in days of demand)", () => {
    // Store: lead time 3, review 7, 3 safety days. ROP = 6×3 + 18 = 36; target = 6×10 + 18 = 78.
    const r = replenish(store());
    expect(r).toMatchObject({ leadTimeDemand: 18, safetyStock: 18, reorderPoint: 36, targetLevel: 78, position: 20, quantity: 58 });
    expect(r.codes).toEqual(["BELOW_REORDER_POINT", "SAFETY_FROM_DAYS"]);
    expect(r.coverDays).toBeCloseTo(20 / 6, 12);
  });

  it("uses z × σ × √lead time when the deviation of daily demand is known", () => {
    const r = replenish(store({ demandStdDev: 2 }));
    expect(r.safetyStock).toBeCloseTo(1.65 * 2 * Math.sqrt(3), 12);
    expect(r).toMatchObject({ reorderPoint: 24, targetLevel: 66, quantity: 46 });
    expect(r.codes).toContain("SAFETY_FROM_DEVIATION");
  });

  it("counts in-transit and on-order units and subtracts reserved ones", () => {
    expect(replenish(store({ onHand: 20, inTransit: 10, onOrder: 6, reserved: 4 })).position).toBe(32);
  });

  it("orders nothing at the reorder point and orders one unit below it", () => {
    expect(replenish(store({ onHand: 36 })).quantity).toBe(0);
    expect(replenish(store({ onHand: 36 })).codes).toContain("AT_OR_ABOVE_REORDER_POINT");
    expect(replenish(store({ onHand: 35 })).quantity).toBe(78 - 35);
  });

  it("keeps the level's safety stock on top, since it is never sold", () => {
    const r = replenish(store({ safetyStock: 5 }));
    expect(r).toMatchObject({ floor: 5, reorderPoint: 41, targetLevel: 83, quantity: 63 });
  });

  it("rounds up to the pack size and respects a minimum order", () => {
    const r = replenish(store({ packSize: 12 }));
    expect(r.quantity).toBe(60);
    expect(r.codes).toContain("ROUNDED_UP_TO_PACK");
    const m = replenish(store({ onHand: 70, demandPerDay: 6, leadTimeDays: 10, minOrderQty: 50, packSize: 12 }));
    // ROP = 60 + 18 = 78 > 70; target − position = 120 − 70 = 50 ≥ min order; 50 → 60 in packs of 12.
    expect(m.quantity).toBe(60);
    const raised = replenish(store({ onHand: 77, leadTimeDays: 10, minOrderQty: 50 }));
    expect(raised.quantity).toBe(50);
    expect(raised.codes).toContain("RAISED_TO_MIN_ORDER");
  });

  it("with no demand, orders only to cover promised units and the safety floor", () => {
    expect(replenish(store({ demandPerDay: 0, onHand: 0 }))).toMatchObject({ reorderPoint: 0, quantity: 0, coverDays: null });
    expect(replenish(store({ demandPerDay: 0, onHand: 2, reserved: 5 })).quantity).toBe(3);
    expect(replenish(store({ demandPerDay: 0, onHand: 0, safetyStock: 4 })).quantity).toBe(4);
    expect(replenish(store({ demandPerDay: 0 })).codes).toContain("NO_DEMAND");
  });

  it("uses the location type's lead time and a row's own", () => {
    expect(replenish(store({ locationType: "WAREHOUSE" }))).toMatchObject({ leadTimeDays: 21, reviewDays: 14, reorderPoint: 6 * 21 + 42 });
    expect(replenish(store({ leadTimeDays: 1 })).reorderPoint).toBe(6 + 18);
  });

  it("rejects a pack size that is not a positive integer", () => {
    expect(() => replenish(store({ packSize: 0 }))).toThrow(RangeError);
  });

  it("replenishAll keeps the input order", () => {
    expect([...replenishAll([store({ skuId: 2 }), store({ skuId: 1 })])].map((r) => r.skuId)).toEqual([2, 1]);
  });

  it("roundUpToPack", () => {
    expect(roundUpToPack(1, 6)).toBe(6);
    expect(roundUpToPack(12, 6)).toBe(12);
    expect(roundUpToPack(13, 6)).toBe(18);
  });
});

const inputArb = fc
  .record({
    locationType: fc.constantFrom("WAREHOUSE" as const, "DC" as const, "STORE" as const),
    onHand: fc.nat(2000),
    reserved: fc.nat(300),
    inTransit: fc.nat(200),
    onOrder: fc.nat(200),
    safetyStock: fc.option(fc.nat(20), { nil: undefined }),
    demandPerDay: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 80, noNaN: true })),
    demandStdDev: fc.option(fc.double({ min: 0, max: 30, noNaN: true }), { nil: undefined }),
    leadTimeDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    reviewDays: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    packSize: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
    minOrderQty: fc.option(fc.nat(100), { nil: undefined }),
  })
  .map((r): ReplenishmentInput => ({ skuId: 1, locationId: 1, ...r }));

describe("replenishment properties", () => {
  it("orders a multiple of the pack size, and only below the reorder point", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = replenish(input);
        expect(r.quantity % r.packSize).toBe(0);
        if (r.position >= r.reorderPoint) expect(r.quantity).toBe(0);
        else expect(r.quantity).toBeGreaterThan(0);
      }),
    );
  });

  it("brings the position to the target, overshooting by less than a pack unless the minimum order says so", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = replenish(input);
        if (r.quantity === 0) return;
        expect(r.position + r.quantity).toBeGreaterThanOrEqual(r.targetLevel);
        const minOrder = input.minOrderQty ?? 0;
        expect(r.quantity).toBeLessThan(Math.max(r.targetLevel - r.position, minOrder) + r.packSize);
      }),
    );
  });

  it("keeps reorder point ≤ target level, both at least the floor", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = replenish(input);
        expect(r.reorderPoint).toBeGreaterThanOrEqual(r.floor);
        expect(r.targetLevel).toBeGreaterThanOrEqual(r.reorderPoint);
      }),
    );
  });

  it("never orders more when more stock is on hand", () => {
    fc.assert(
      fc.property(inputArb, fc.nat(100), (input, extra) => {
        expect(replenish({ ...input, onHand: input.onHand + extra }).quantity).toBeLessThanOrEqual(replenish(input).quantity);
      }),
    );
  });

  it("raises the reorder point with demand and with its deviation", () => {
    fc.assert(
      fc.property(inputArb, fc.double({ min: 0, max: 10, noNaN: true }), (input, more) => {
        const base = replenish(input);
        expect(replenish({ ...input, demandPerDay: input.demandPerDay + more }).reorderPoint).toBeGreaterThanOrEqual(base.reorderPoint);
        if (input.demandStdDev !== undefined) {
          expect(replenish({ ...input, demandStdDev: input.demandStdDev + more }).reorderPoint).toBeGreaterThanOrEqual(base.reorderPoint);
        }
      }),
    );
  });
});
