import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysOfCover, isBelowSafety, isStockOut, locationAtp, poolAtp, unreserved } from "./stock";

const level = fc
  .record({ onHand: fc.nat(10_000), reservedShare: fc.double({ min: 0, max: 1, noNaN: true }), safetyStock: fc.nat(50) })
  .map(({ onHand, reservedShare, safetyStock }) => ({ onHand, reserved: Math.floor(onHand * reservedShare), safetyStock }));

describe("locationAtp", () => {
  it("is on hand minus reserved minus safety stock", () => {
    expect(locationAtp({ onHand: 10, reserved: 3, safetyStock: 2 })).toBe(5);
  });
  it("is zero, not negative, when safety stock exceeds what is free", () => {
    expect(locationAtp({ onHand: 4, reserved: 3, safetyStock: 2 })).toBe(0);
  });
  it("is never negative and never above unreserved stock", () => {
    fc.assert(
      fc.property(level, (s) => {
        const atp = locationAtp(s);
        expect(atp).toBeGreaterThanOrEqual(0);
        expect(atp).toBeLessThanOrEqual(unreserved(s));
      }),
    );
  });
});

describe("poolAtp", () => {
  it("sums location ATP", () => {
    fc.assert(
      fc.property(fc.array(level, { maxLength: 30 }), (levels) => {
        expect(poolAtp(levels)).toBe(levels.reduce((sum, s) => sum + locationAtp(s), 0));
      }),
    );
  });
  it("is zero for an empty pool", () => expect(poolAtp([])).toBe(0));
});

describe("alerts", () => {
  it("calls a location with everything reserved a stock-out", () => {
    expect(isStockOut({ onHand: 3, reserved: 3, safetyStock: 0 })).toBe(true);
    expect(isStockOut({ onHand: 0, reserved: 0, safetyStock: 0 })).toBe(true);
    expect(isStockOut({ onHand: 1, reserved: 0, safetyStock: 5 })).toBe(false);
  });
  it("flags free stock under the safety level as below safety", () => {
    expect(isBelowSafety({ onHand: 5, reserved: 2, safetyStock: 4 })).toBe(true);
    expect(isBelowSafety({ onHand: 6, reserved: 2, safetyStock: 4 })).toBe(false);
  });
  it("never flags a row as both stock-out and below safety", () => {
    fc.assert(
      fc.property(level, (s) => {
        expect(isStockOut(s) && isBelowSafety(s)).toBe(false);
      }),
    );
  });
});

describe("daysOfCover", () => {
  it("divides ATP by the daily rate", () => expect(daysOfCover(30, 6)).toBe(5));
  it("is infinite when nothing sells", () => expect(daysOfCover(30, 0)).toBe(Infinity));
});
