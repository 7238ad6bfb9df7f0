import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ChannelLock,
  type LockState,
  baseAmount,
  isActive,
  lockBase,
  lockProblems,
  lockRemaining,
  lockSkuMap,
  lockState,
  needsSnapshot,
  remainingAmount,
  scopeCovers,
} from "./locks";
import { HOUR_MS, T0, instant, locks } from "./test-arbitraries";

const at = (h: number) => new Date(T0.getTime() + h * HOUR_MS);
const lock = (over: Partial<ChannelLock> = {}): ChannelLock => ({
  id: 1,
  channelId: 1,
  kind: "RING_FENCE",
  scope: { kind: "ALL" },
  amount: { unit: "UNITS", value: 10 },
  startsAt: at(0),
  endsAt: at(24),
  ...over,
});

describe("lockState", () => {
  it("is scheduled before the start", () => expect(lockState(lock(), at(-1))).toBe("scheduled"));
  it("is active from the start, inclusive", () => {
    expect(lockState(lock(), at(0))).toBe("active");
    expect(lockState(lock(), at(23))).toBe("active");
    expect(isActive(lock(), at(0))).toBe(true);
  });
  it("is ended at the end, exclusive", () => {
    expect(lockState(lock(), new Date(at(24).getTime() - 1))).toBe("active");
    expect(lockState(lock(), at(24))).toBe("ended");
    expect(isActive(lock(), at(24))).toBe(false);
  });
  it("is cancelled whenever cancelledAt is set, before, during or after the window", () => {
    const cancelled = lock({ cancelledAt: at(5) });
    expect([-1, 0, 5, 10, 30].map((h) => lockState(cancelled, at(h)))).toEqual(Array(5).fill("cancelled"));
  });
  it("treats a null cancelledAt as not cancelled", () => expect(lockState(lock({ cancelledAt: null }), at(1))).toBe("active"));

  const order: LockState[] = ["scheduled", "active", "ended"];
  it("is a pure function of the lock and the time", () => {
    fc.assert(
      fc.property(locks, instant, (ls, now) => {
        for (const l of ls) {
          const copy = { ...l, startsAt: new Date(l.startsAt), endsAt: new Date(l.endsAt) };
          expect(lockState(copy, new Date(now))).toBe(lockState(l, now));
        }
      }),
    );
  });
  it("only moves forward as time passes, and a cancelled lock never comes back", () => {
    fc.assert(
      fc.property(locks, instant, fc.nat(100 * HOUR_MS), (ls, now, later) => {
        for (const l of ls) {
          const before = lockState(l, now);
          const after = lockState(l, new Date(now.getTime() + later));
          if (before === "cancelled") expect(after).toBe("cancelled");
          else expect(order.indexOf(after)).toBeGreaterThanOrEqual(order.indexOf(before));
        }
      }),
    );
  });
});

describe("scopeCovers", () => {
  const sku = { skuId: 7, brandId: 3, category: "shoes" };
  it("matches one SKU by id", () => {
    expect(scopeCovers({ kind: "SKU", skuId: 7 }, sku)).toBe(true);
    expect(scopeCovers({ kind: "SKU", skuId: 8 }, sku)).toBe(false);
  });
  it("matches a brand by brand id", () => {
    expect(scopeCovers({ kind: "BRAND", brandId: 3 }, sku)).toBe(true);
    expect(scopeCovers({ kind: "BRAND", brandId: 7 }, sku)).toBe(false);
  });
  it("matches a category by name, exactly", () => {
    expect(scopeCovers({ kind: "CATEGORY", category: "shoes" }, sku)).toBe(true);
    expect(scopeCovers({ kind: "CATEGORY", category: "Shoes" }, sku)).toBe(false);
  });
  it("matches everything with ALL", () => expect(scopeCovers({ kind: "ALL" }, sku)).toBe(true));
});

describe("baseAmount", () => {
  it("is the value itself in units, whatever the pool", () => {
    expect(baseAmount({ unit: "UNITS", value: 30 }, 5)).toBe(30);
    expect(baseAmount({ unit: "UNITS", value: 0 }, 5)).toBe(0);
  });
  it("rounds a percentage of the pool down", () => {
    expect(baseAmount({ unit: "PERCENT", value: 20 }, 9)).toBe(1);
    expect(baseAmount({ unit: "PERCENT", value: 50 }, 3)).toBe(1);
    expect(baseAmount({ unit: "PERCENT", value: 12.5 }, 8)).toBe(1);
    expect(baseAmount({ unit: "PERCENT", value: 33.33 }, 2)).toBe(0);
    expect(baseAmount({ unit: "PERCENT", value: 100 }, 7)).toBe(7);
    expect(baseAmount({ unit: "PERCENT", value: 0 }, 7)).toBe(0);
  });
  it("does not lose a unit to floating point where the exact product is whole", () => {
    // 0.29 × 100 is 28.999… in floating point.
    expect(baseAmount({ unit: "PERCENT", value: 29 }, 100)).toBe(29);
    expect(baseAmount({ unit: "PERCENT", value: 33.3 }, 1000)).toBe(333);
  });
  it("is floor(p × pool / 100), between 0 and the pool, for percentages to 0.01 %", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.nat(1_000_000), (bp, pool) => {
        const units = baseAmount({ unit: "PERCENT", value: bp / 100 }, pool);
        expect(units).toBe(Number((BigInt(bp) * BigInt(pool)) / 10_000n));
        expect(units).toBeGreaterThanOrEqual(0);
        expect(units).toBeLessThanOrEqual(pool);
      }),
    );
  });
});

describe("remaining", () => {
  it("falls as the channel sells and stops at zero", () => {
    expect(remainingAmount(10, 3)).toBe(7);
    expect(remainingAmount(10, 10)).toBe(0);
    expect(remainingAmount(10, 15)).toBe(0);
  });
  it("never grows above the base", () => expect(remainingAmount(10, -4)).toBe(10));

  const pct = lock({ id: 4, amount: { unit: "PERCENT", value: 20 } });
  it("measures a percentage against the activation snapshot, not the current pool", () => {
    const usage = { snapshots: lockSkuMap([{ lockId: 4, skuId: 1, units: 100 }]) };
    expect(lockBase(pct, 1, 50, usage)).toBe(20);
    expect(needsSnapshot(pct, 1, usage)).toBe(false);
  });
  it("uses the current pool until a snapshot exists, and says it needs one", () => {
    expect(lockBase(pct, 1, 50)).toBe(10);
    expect(needsSnapshot(pct, 1)).toBe(true);
    expect(needsSnapshot(lock(), 1)).toBe(false);
  });
  it("subtracts what the lock's channel sold of that SKU only", () => {
    const usage = { consumed: lockSkuMap([{ lockId: 4, skuId: 1, units: 4 }, { lockId: 4, skuId: 2, units: 9 }]) };
    expect(lockRemaining(pct, 1, 50, usage)).toBe(6);
    expect(lockRemaining(pct, 3, 50, usage)).toBe(10);
  });
});

describe("lockSkuMap", () => {
  it("groups rows by lock then SKU and adds repeats", () => {
    const m = lockSkuMap([
      { lockId: 1, skuId: 2, units: 3 },
      { lockId: 1, skuId: 2, units: 4 },
      { lockId: 5, skuId: 2, units: 1 },
    ]);
    expect(m.get(1)?.get(2)).toBe(7);
    expect(m.get(5)?.get(2)).toBe(1);
  });
});

describe("lockProblems", () => {
  it("accepts a well-formed lock", () => expect(lockProblems(lock())).toEqual([]));
  it("refuses an empty or inverted window", () => {
    expect(lockProblems(lock({ endsAt: at(0) }))).toEqual(["EMPTY_WINDOW"]);
    expect(lockProblems(lock({ endsAt: at(-1) }))).toEqual(["EMPTY_WINDOW"]);
  });
  it("refuses fractional or negative units and percentages outside 0–100", () => {
    expect(lockProblems(lock({ amount: { unit: "UNITS", value: 1.5 } }))).toEqual(["UNITS_NOT_WHOLE"]);
    expect(lockProblems(lock({ amount: { unit: "UNITS", value: -1 } }))).toEqual(["UNITS_NOT_WHOLE"]);
    expect(lockProblems(lock({ amount: { unit: "PERCENT", value: 100.5 } }))).toEqual(["PERCENT_OUT_OF_RANGE"]);
    expect(lockProblems(lock({ amount: { unit: "PERCENT", value: NaN } }))).toEqual(["PERCENT_OUT_OF_RANGE"]);
    expect(lockProblems(lock({ amount: { unit: "PERCENT", value: 100 } }))).toEqual([]);
  });
});
