// fast-check generators shared by the allocation tests (test-only; nothing in the app imports this). A small
// universe — 4 SKUs, 2 brands, 2 categories, 3 channels — so generated locks overlap and collide often.

import fc from "fast-check";
import { type PoolSku } from "./ats";
import { type ChannelLock, type LockAmount, type LockScope, type LockUsage, lockSkuMap } from "./locks";

export const HOUR_MS = 3_600_000;
export const T0 = new Date("2026-11-11T00:00:00Z");
export const CHANNELS = [1, 2, 3];
export const CATEGORIES = ["shoes", "bags"];

const skuId = fc.integer({ min: 1, max: 4 });

/** The catalogue: SKU 1..4 each with a brand, a category and a pool ATP. */
export const catalogue: fc.Arbitrary<PoolSku[]> = fc.tuple(
  ...[1, 2, 3, 4].map((id) =>
    fc.record({
      skuId: fc.constant(id),
      brandId: fc.integer({ min: 1, max: 2 }),
      category: fc.constantFrom(...CATEGORIES),
      poolAtp: fc.nat(200),
    }),
  ),
);

export const scope: fc.Arbitrary<LockScope> = fc.oneof(
  skuId.map((id) => ({ kind: "SKU" as const, skuId: id })),
  fc.integer({ min: 1, max: 2 }).map((brandId) => ({ kind: "BRAND" as const, brandId })),
  fc.constantFrom(...CATEGORIES).map((category) => ({ kind: "CATEGORY" as const, category })),
  fc.constant({ kind: "ALL" as const }),
);

export const amount: fc.Arbitrary<LockAmount> = fc.oneof(
  fc.nat(120).map((value) => ({ unit: "UNITS" as const, value })),
  fc.integer({ min: 0, max: 10_000 }).map((bp) => ({ unit: "PERCENT" as const, value: bp / 100 })),
);

/** An instant within ±3 days of T0, on the hour so that windows share boundaries now and then. */
export const instant: fc.Arbitrary<Date> = fc.integer({ min: -72, max: 72 }).map((h) => new Date(T0.getTime() + h * HOUR_MS));

const lockFields = fc.record({
  channelId: fc.constantFrom(...CHANNELS),
  kind: fc.constantFrom("RING_FENCE" as const, "CAP" as const),
  scope,
  amount,
  startH: fc.integer({ min: -72, max: 72 }),
  hours: fc.integer({ min: 1, max: 72 }),
  cancelled: fc.nat(3).map((n) => n === 0),
});

/** Up to 8 locks with ids 1..n. About one in four is cancelled. */
export const locks: fc.Arbitrary<ChannelLock[]> = fc.array(lockFields, { maxLength: 8 }).map((rows) =>
  rows.map(({ startH, hours, cancelled, ...rest }, i) => ({
    id: i + 1,
    ...rest,
    startsAt: new Date(T0.getTime() + startH * HOUR_MS),
    endsAt: new Date(T0.getTime() + (startH + hours) * HOUR_MS),
    cancelledAt: cancelled ? new Date(T0.getTime() + startH * HOUR_MS) : null,
  })),
);

const lockSkuRows = fc.array(fc.record({ lockId: fc.integer({ min: 1, max: 8 }), skuId, units: fc.nat(150) }), { maxLength: 12 });

/** Snapshots and consumption for some (lock, SKU) pairs; the rest fall back to the current pool and 0 sold. */
export const usage: fc.Arbitrary<LockUsage> = fc
  .record({ snapshots: lockSkuRows, consumed: lockSkuRows })
  .map(({ snapshots, consumed }) => ({ snapshots: lockSkuMap(snapshots), consumed: lockSkuMap(consumed) }));

export const margins: fc.Arbitrary<Map<number, number>> = fc
  .tuple(...CHANNELS.map(() => fc.nat(10)))
  .map((ms) => new Map(CHANNELS.map((c, i) => [c, ms[i]])));
