import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PoolSku, atsFor, atsForChannels, explainAts, prepareLocks, snapshotsNeeded } from "./ats";
import { type ChannelLock, type LockUsage, isActive, lockRemaining, lockSkuMap, scopeCovers } from "./locks";
import { CHANNELS, HOUR_MS, T0, catalogue, instant, locks, margins, usage } from "./test-arbitraries";

const MARKETPLACE = 1;
const LIVE = 2;
const WEBSTORE = 3;
const shoe: PoolSku = { skuId: 1, brandId: 10, category: "shoes", poolAtp: 100 };
const bag: PoolSku = { skuId: 2, brandId: 20, category: "bags", poolAtp: 50 };

let nextId = 1;
const lock = (over: Partial<ChannelLock>): ChannelLock => ({
  id: nextId++,
  channelId: MARKETPLACE,
  kind: "RING_FENCE",
  scope: { kind: "ALL" },
  amount: { unit: "UNITS", value: 10 },
  startsAt: new Date(T0.getTime() - 24 * HOUR_MS),
  endsAt: new Date(T0.getTime() + 24 * HOUR_MS),
  ...over,
});
const ats = (ls: ChannelLock[], channelId: number, sku: PoolSku, extra: { usage?: LockUsage; margins?: Map<number, number> } = {}) =>
  atsFor(prepareLocks({ locks: ls, now: T0, ...extra }), channelId, sku);

describe("atsFor, by example", () => {
  it("is the whole pool when no lock applies", () => expect(ats([], LIVE, shoe)).toBe(100));

  it("keeps another channel's ring-fence out of reach, but not the owner's", () => {
    const fence = lock({ channelId: LIVE, amount: { unit: "UNITS", value: 30 } });
    expect(ats([fence], MARKETPLACE, shoe)).toBe(70);
    expect(ats([fence], LIVE, shoe)).toBe(100);
  });

  it("caps a channel at its share (the Skechers case: marketplace sells at most 80 %)", () => {
    const cap = lock({ kind: "CAP", scope: { kind: "BRAND", brandId: 10 }, amount: { unit: "PERCENT", value: 80 } });
    expect(ats([cap], MARKETPLACE, shoe)).toBe(80);
    expect(ats([cap], LIVE, shoe)).toBe(100);
    expect(ats([cap], MARKETPLACE, bag)).toBe(50);
  });

  it("lets sales use up a cap and release a ring-fence", () => {
    const cap = lock({ kind: "CAP", amount: { unit: "UNITS", value: 40 } });
    const fence = lock({ channelId: LIVE, amount: { unit: "UNITS", value: 30 } });
    const usage = { consumed: lockSkuMap([{ lockId: cap.id, skuId: 1, units: 15 }, { lockId: fence.id, skuId: 1, units: 25 }]) };
    expect(ats([cap, fence], MARKETPLACE, shoe, { usage })).toBe(25);
    expect(ats([cap, fence], WEBSTORE, shoe, { usage })).toBe(95);
  });

  it("applies the tightest of several caps", () => {
    const ls = [
      lock({ kind: "CAP", scope: { kind: "ALL" }, amount: { unit: "UNITS", value: 60 } }),
      lock({ kind: "CAP", scope: { kind: "CATEGORY", category: "shoes" }, amount: { unit: "UNITS", value: 45 } }),
    ];
    expect(ats(ls, MARKETPLACE, shoe)).toBe(45);
    expect(ats(ls, MARKETPLACE, bag)).toBe(50);
  });

  it("applies a scope to every SKU in it separately", () => {
    const fence = lock({ channelId: LIVE, scope: { kind: "ALL" }, amount: { unit: "PERCENT", value: 20 } });
    expect(ats([fence], MARKETPLACE, shoe)).toBe(80);
    expect(ats([fence], MARKETPLACE, bag)).toBe(40);
  });

  it("subtracts the channel's safety margin, never going below zero", () => {
    const fence = lock({ channelId: LIVE, amount: { unit: "UNITS", value: 95 } });
    const m = new Map([[MARKETPLACE, 3]]);
    expect(ats([], MARKETPLACE, shoe, { margins: m })).toBe(97);
    expect(ats([fence], MARKETPLACE, shoe, { margins: m })).toBe(2);
    expect(ats([fence], MARKETPLACE, shoe, { margins: new Map([[MARKETPLACE, 9]]) })).toBe(0);
    expect(ats([], LIVE, shoe, { margins: m })).toBe(100);
  });

  it("ignores scheduled, ended and cancelled locks", () => {
    const ls = [
      lock({ channelId: LIVE, startsAt: new Date(T0.getTime() + HOUR_MS) }),
      lock({ channelId: LIVE, endsAt: T0 }),
      lock({ channelId: LIVE, cancelledAt: new Date(T0.getTime() - HOUR_MS) }),
    ];
    expect(ats(ls, MARKETPLACE, shoe)).toBe(100);
  });

  it("is zero when other channels fence more than the pool holds", () => {
    const ls = [lock({ channelId: LIVE, amount: { unit: "UNITS", value: 80 } }), lock({ channelId: WEBSTORE, amount: { unit: "UNITS", value: 80 } })];
    expect(ats(ls, MARKETPLACE, shoe)).toBe(0);
    expect(ats(ls, LIVE, shoe)).toBe(20);
  });
});

describe("explainAts", () => {
  it("names the fences of others, the owner's fences and the binding cap", () => {
    const own = lock({ id: 101, channelId: MARKETPLACE, amount: { unit: "UNITS", value: 5 } });
    const live = lock({ id: 102, channelId: LIVE, amount: { unit: "UNITS", value: 30 } });
    const web = lock({ id: 103, channelId: WEBSTORE, scope: { kind: "SKU", skuId: 1 }, amount: { unit: "UNITS", value: 10 } });
    const loose = lock({ id: 104, kind: "CAP", amount: { unit: "UNITS", value: 90 } });
    const tight = lock({ id: 105, kind: "CAP", scope: { kind: "BRAND", brandId: 10 }, amount: { unit: "UNITS", value: 50 } });
    const prepared = prepareLocks({ locks: [tight, web, loose, own, live], now: T0, margins: new Map([[MARKETPLACE, 2]]) });
    expect(explainAts(prepared, MARKETPLACE, shoe)).toEqual({
      skuId: 1,
      channelId: MARKETPLACE,
      poolAtp: 100,
      fencedByOthers: {
        total: 40,
        locks: [
          { lockId: 102, channelId: LIVE, remaining: 30 },
          { lockId: 103, channelId: WEBSTORE, remaining: 10 },
        ],
      },
      ownFences: [{ lockId: 101, channelId: MARKETPLACE, remaining: 5 }],
      cap: { remaining: 50, lockId: 105 },
      margin: 2,
      ats: 50, // the cap binds: 100 − 40 fenced − 2 margin leaves 58, above it
    });
  });
  it("says there is no cap when none applies", () => {
    expect(explainAts(prepareLocks({ locks: [], now: T0 }), LIVE, shoe)).toMatchObject({ cap: null, margin: 0, ats: 100 });
  });
});

describe("snapshotsNeeded", () => {
  it("lists active PERCENT locks × covered SKUs without a snapshot, with the pool ATP to store", () => {
    const pct = lock({ id: 201, scope: { kind: "CATEGORY", category: "shoes" }, amount: { unit: "PERCENT", value: 20 } });
    const all = lock({ id: 202, kind: "CAP", amount: { unit: "PERCENT", value: 80 } });
    const units = lock({ id: 203 });
    const later = lock({ id: 204, amount: { unit: "PERCENT", value: 5 }, startsAt: new Date(T0.getTime() + HOUR_MS) });
    const usage = { snapshots: lockSkuMap([{ lockId: 202, skuId: 2, units: 60 }]) };
    const prepared = prepareLocks({ locks: [pct, all, units, later], now: T0, usage });
    expect(snapshotsNeeded(prepared, [shoe, bag])).toEqual([
      { lockId: 201, skuId: 1, poolAtp: 100 },
      { lockId: 202, skuId: 1, poolAtp: 100 },
    ]);
  });
});

// Reference: the formula read straight off PRODUCT.md, looping over every lock.
function naive(ls: ChannelLock[], now: Date, u: LockUsage, m: Map<number, number>, channelId: number, sku: PoolSku) {
  const live = ls.filter((l) => isActive(l, now) && scopeCovers(l.scope, sku));
  const rem = (l: ChannelLock) => lockRemaining(l, sku.skuId, sku.poolAtp, u);
  const fencedByOthers = live.filter((l) => l.kind === "RING_FENCE" && l.channelId !== channelId).reduce((s, l) => s + rem(l), 0);
  const caps = live.filter((l) => l.kind === "CAP" && l.channelId === channelId).map(rem);
  const cap = Math.min(Infinity, ...caps);
  return { fencedByOthers, cap, ats: Math.max(0, Math.min(cap, sku.poolAtp - fencedByOthers - (m.get(channelId) ?? 0))) };
}

const world = fc.record({ ls: locks, skus: catalogue, now: instant, u: usage, m: margins });

describe("atsFor, properties", () => {
  it("matches the formula over all locks, and atsForChannels and explainAts agree with it", () => {
    fc.assert(
      fc.property(world, ({ ls, skus, now, u, m }) => {
        const prepared = prepareLocks({ locks: ls, now, usage: u, margins: m });
        for (const sku of skus) {
          const many = atsForChannels(prepared, sku, CHANNELS);
          for (const c of CHANNELS) {
            const expected = naive(ls, now, u, m, c, sku).ats;
            expect(atsFor(prepared, c, sku)).toBe(expected);
            expect(many.get(c)).toBe(expected);
            expect(explainAts(prepared, c, sku).ats).toBe(expected);
          }
        }
      }),
    );
  });

  it("is never negative", () => {
    fc.assert(
      fc.property(world, ({ ls, skus, now, u, m }) => {
        const prepared = prepareLocks({ locks: ls, now, usage: u, margins: m });
        for (const sku of skus) for (const c of CHANNELS) expect(atsFor(prepared, c, sku)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("never lets a channel sell another channel's ring-fence while the fences fit in the pool", () => {
    fc.assert(
      fc.property(world, ({ ls, skus, now, u, m }) => {
        const prepared = prepareLocks({ locks: ls, now, usage: u, margins: m });
        for (const sku of skus) {
          const fences = ls.filter((l) => l.kind === "RING_FENCE" && isActive(l, now) && scopeCovers(l.scope, sku));
          const fencedBy = (c: number) =>
            fences.filter((l) => l.channelId === c).reduce((s, l) => s + lockRemaining(l, sku.skuId, sku.poolAtp, u), 0);
          for (const owner of CHANNELS) {
            if (fencedBy(owner) > sku.poolAtp) continue;
            for (const other of CHANNELS.filter((c) => c !== owner)) {
              expect(atsFor(prepared, other, sku)).toBeLessThanOrEqual(sku.poolAtp - fencedBy(owner));
            }
          }
        }
      }),
    );
  });

  it("never exceeds any of the channel's active caps", () => {
    fc.assert(
      fc.property(world, ({ ls, skus, now, u, m }) => {
        const prepared = prepareLocks({ locks: ls, now, usage: u, margins: m });
        for (const sku of skus) {
          for (const cap of ls.filter((l) => l.kind === "CAP" && isActive(l, now) && scopeCovers(l.scope, sku))) {
            expect(atsFor(prepared, cap.channelId, sku)).toBeLessThanOrEqual(lockRemaining(cap, sku.skuId, sku.poolAtp, u));
          }
        }
      }),
    );
  });

  it("never sells the pool below the channel's margin", () => {
    fc.assert(
      fc.property(world, ({ ls, skus, now, u, m }) => {
        const prepared = prepareLocks({ locks: ls, now, usage: u, margins: m });
        for (const sku of skus) {
          for (const c of CHANNELS) {
            const a = atsFor(prepared, c, sku);
            if (a > 0) expect(sku.poolAtp - a).toBeGreaterThanOrEqual(m.get(c) ?? 0);
          }
        }
      }),
    );
  });

  it("does not change when the channel's own ring-fences or any inactive lock are removed", () => {
    fc.assert(
      fc.property(world, ({ ls, skus, now, u, m }) => {
        const all = prepareLocks({ locks: ls, now, usage: u, margins: m });
        const activeOnly = prepareLocks({ locks: ls.filter((l) => isActive(l, now)), now, usage: u, margins: m });
        for (const c of CHANNELS) {
          const withoutOwnFences = prepareLocks({
            locks: ls.filter((l) => !(l.channelId === c && l.kind === "RING_FENCE")),
            now,
            usage: u,
            margins: m,
          });
          for (const sku of skus) {
            expect(atsFor(withoutOwnFences, c, sku)).toBe(atsFor(all, c, sku));
            expect(atsFor(activeOnly, c, sku)).toBe(atsFor(all, c, sku));
          }
        }
      }),
    );
  });
});
