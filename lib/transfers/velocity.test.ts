import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverDays } from "./cover";
import { dailySales, dayWeights, velocity, velocityStats } from "./velocity";

const series = fc.array(fc.nat(50), { maxLength: 40 });

describe("velocity", () => {
  it("is the daily rate for steady sales", () => {
    expect(velocity(new Array(28).fill(6))).toBeCloseTo(6, 12);
  });
  it("is 0 without history", () => expect(velocity([])).toBe(0));
  it("halves a day's weight every 7 days", () => {
    const w = dayWeights();
    expect(w).toHaveLength(28);
    expect(w[0]).toBe(1);
    expect(w[7]).toBeCloseTo(0.5, 12);
    expect(w[14]).toBeCloseTo(0.25, 12);
  });
  it("counts a recent surge more than an old one", () => {
    const recent = [30, 0, 0, ...new Array(25).fill(0)];
    const old = [...new Array(25).fill(0), 0, 0, 30];
    expect(velocity(recent)).toBeGreaterThan(velocity(old) * 10);
  });
  it("counts days with no sales as 0", () => {
    // Sold 6/day for a week, nothing since the week before: slower than 6, not 6.
    const v = velocity([0, 0, 0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 6, 6]);
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThan(3);
  });
  it("ignores days beyond the window and negative days (returns)", () => {
    expect(velocity([4, 4, -10], { windowDays: 2 })).toBeCloseTo(4, 12);
    expect(velocity([4, -3])).toBeCloseTo(4 / (1 + 2 ** (-1 / 7)), 12);
  });
  it("has a standard deviation of 0 for steady sales and > 0 otherwise", () => {
    expect(velocityStats([5, 5, 5]).stdDev).toBeCloseTo(0, 12);
    expect(velocityStats([10, 0, 10, 0]).stdDev).toBeGreaterThan(4);
  });
  it("lies between the smallest and largest day", () => {
    fc.assert(
      fc.property(series.filter((s) => s.length > 0), (s) => {
        const w = s.slice(0, 28);
        const v = velocity(s);
        expect(v).toBeGreaterThanOrEqual(Math.min(...w) - 1e-9);
        expect(v).toBeLessThanOrEqual(Math.max(...w) + 1e-9);
      }),
    );
  });
  it("scales with the sales", () => {
    fc.assert(fc.property(series, fc.integer({ min: 1, max: 10 }), (s, k) => {
        expect(velocity(s.map((x) => x * k))).toBeCloseTo(k * velocity(s), 9);
      }),
    );
  });
  it("grows when a sale moves to a more recent day", () => {
    fc.assert(
      fc.property(series.filter((s) => s.length >= 2), fc.nat(), (s, at) => {
        const j = 1 + (at % Math.min(s.length - 1, 27));
        if (s[j] === 0) return;
        const moved = [...s];
        moved[j] -= 1;
        moved[j - 1] += 1;
        expect(velocity(moved)).toBeGreaterThan(velocity(s));
      }),
    );
  });
});

describe("dailySales", () => {
  const asOf = new Date("2025-03-29T10:00:00Z");
  const ago = (h: number) => new Date(asOf.getTime() - h * 3_600_000);
  it("buckets sales by 24-hour days counted back from asOf", () => {
    const d = dailySales(
      [
        { at: ago(1), quantity: 2 },
        { at: ago(24), quantity: 1 }, // the first instant of day 0
        { at: ago(25), quantity: 3 },
        { at: ago(24 * 27 + 1), quantity: 4 }, // last day of the window
        { at: ago(24 * 28 + 1), quantity: 9 }, // too old
        { at: asOf, quantity: 9 }, // not before asOf
      ],
      asOf,
    );
    expect(d).toHaveLength(28);
    expect(d[0]).toBe(3);
    expect(d[1]).toBe(3);
    expect(d[27]).toBe(4);
    expect(d.reduce((a, b) => a + b, 0)).toBe(10);
  });
});

describe("coverDays", () => {
  it("is ATP over velocity", () => expect(coverDays({ onHand: 20, reserved: 5, safetyStock: 3 }, 6)).toBe(2));
  it("is infinite when nothing sells", () => expect(coverDays({ onHand: 20, reserved: 0, safetyStock: 0 }, 0)).toBe(Infinity));
});
