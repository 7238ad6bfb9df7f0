import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PoolSku } from "./ats";
import { findConflicts } from "./conflicts";
import { type ChannelLock, type LockUsage, lockBase, lockRemaining, lockSkuMap, lockState, scopeCovers } from "./locks";
import { HOUR_MS, T0, catalogue, instant, locks, usage } from "./test-arbitraries";

const at = (h: number) => new Date(T0.getTime() + h * HOUR_MS);
const shoe: PoolSku = { skuId: 1, brandId: 10, category: "shoes", poolAtp: 100 };
const boot: PoolSku = { skuId: 2, brandId: 10, category: "shoes", poolAtp: 300 };
const bag: PoolSku = { skuId: 3, brandId: 20, category: "bags", poolAtp: 10 };

const fence = (id: number, channelId: number, value: number, from: number, to: number, over: Partial<ChannelLock> = {}): ChannelLock => ({
  id,
  channelId,
  kind: "RING_FENCE",
  scope: { kind: "BRAND", brandId: 10 },
  amount: { unit: "UNITS", value },
  startsAt: at(from),
  endsAt: at(to),
  ...over,
});
const check = (ls: ChannelLock[], opts: { now?: Date; usage?: LockUsage; involving?: number } = {}) =>
  findConflicts(ls, [shoe, boot, bag], { now: T0, ...opts });

describe("findConflicts, by example", () => {
  it("names the SKU and both locks when two overlapping ring-fences exceed the pool", () => {
    const live = fence(11, 2, 70, 0, 48);
    const web = fence(12, 3, 40, 24, 72);
    expect(check([live, web])).toEqual([{ skuId: 1, poolAtp: 100, fenced: 110, lockIds: [11, 12], from: at(24) }]);
  });

  it("accepts the same fences when their windows only touch ([start, end) is half-open)", () => {
    expect(check([fence(11, 2, 70, 0, 24), fence(12, 3, 40, 24, 48)])).toEqual([]);
  });

  it("accepts fences that together fit exactly", () => expect(check([fence(11, 2, 60, 0, 48), fence(12, 3, 40, 0, 48)])).toEqual([]));

  it("counts a single fence larger than the pool, and counts the owner's own fences together", () => {
    expect(check([fence(11, 2, 101, 0, 1, { scope: { kind: "SKU", skuId: 1 } })])).toEqual([
      { skuId: 1, poolAtp: 100, fenced: 101, lockIds: [11], from: T0 },
    ]);
    expect(check([fence(11, 2, 60, 0, 5), fence(12, 2, 60, 1, 5)]).map((c) => c.lockIds)).toEqual([[11, 12]]);
  });

  it("ignores caps, cancelled locks, ended locks and other scopes", () => {
    const ls = [
      fence(11, 2, 90, 0, 48),
      fence(12, 3, 90, 0, 48, { kind: "CAP" }),
      fence(13, 3, 90, 0, 48, { cancelledAt: at(-1) }),
      fence(14, 3, 90, -48, 0),
      fence(15, 3, 90, 0, 48, { scope: { kind: "CATEGORY", category: "bags" } }),
    ];
    expect(check(ls)).toEqual([{ skuId: 3, poolAtp: 10, fenced: 90, lockIds: [15], from: T0 }]);
  });

  it("counts an active fence by what remains and a scheduled one by its full base", () => {
    const active = fence(11, 2, 70, -5, 48);
    const scheduled = fence(12, 3, 40, 2, 48);
    const usage = { consumed: lockSkuMap([{ lockId: 11, skuId: 1, units: 15 }]) };
    expect(check([active, scheduled], { usage })).toEqual([]);
    // The same sales count for nothing on the scheduled lock: it has not started.
    const spent = { consumed: lockSkuMap([{ lockId: 12, skuId: 1, units: 15 }]) };
    expect(check([active, scheduled], { usage: spent })).toHaveLength(1);
  });

  it("measures scheduled percentages against the current pool", () => {
    const ls = [fence(11, 2, 60, 1, 5, { amount: { unit: "PERCENT", value: 60 } }), fence(12, 3, 50, 2, 5, { amount: { unit: "PERCENT", value: 50 } })];
    expect(check(ls).map((c) => [c.skuId, c.fenced])).toEqual([
      [1, 110],
      [2, 330],
    ]);
  });

  it("reports separate groups at separate times, and not a group another report already names", () => {
    const a = fence(11, 2, 60, 0, 10, { scope: { kind: "SKU", skuId: 1 } });
    const b = fence(12, 3, 60, 5, 30, { scope: { kind: "SKU", skuId: 1 } });
    const c = fence(13, 1, 60, 20, 40, { scope: { kind: "SKU", skuId: 1 } });
    const d = fence(14, 1, 10, 6, 8, { scope: { kind: "SKU", skuId: 1 } });
    expect(check([a, b, c, d]).map((x) => [x.lockIds, x.from])).toEqual([
      [[11, 12, 14], at(6)],
      [[12, 13], at(20)],
    ]);
  });

  it("with `involving`, reports only conflicts that include the proposed lock", () => {
    const old = [fence(11, 2, 100, 0, 48), fence(12, 3, 20, 0, 48, { scope: { kind: "CATEGORY", category: "bags" } })];
    expect(check(old).map((c) => c.lockIds)).toEqual([[12]]);
    const proposed = fence(99, 1, 5, 10, 20, { scope: { kind: "SKU", skuId: 2 } });
    expect(check([...old, proposed], { involving: 99 })).toEqual([]);
    const greedy = fence(99, 1, 5, 10, 20);
    expect(check([...old, greedy], { involving: 99 })).toEqual([{ skuId: 1, poolAtp: 100, fenced: 105, lockIds: [11, 99], from: at(10) }]);
  });
});

// What a SKU's fences add up to at instant t, computed the slow way from the definitions.
function fencedAt(ls: ChannelLock[], sku: PoolSku, now: Date, u: LockUsage, t: Date): number {
  let sum = 0;
  for (const l of ls) {
    if (l.kind !== "RING_FENCE" || !scopeCovers(l.scope, sku) || lockState(l, t) !== "active") continue;
    const stateNow = lockState(l, now);
    if (stateNow === "active") sum += lockRemaining(l, sku.skuId, sku.poolAtp, u);
    else if (stateNow === "scheduled") sum += lockBase(l, sku.skuId, sku.poolAtp, u);
  }
  return sum;
}

describe("findConflicts, properties", () => {
  const world = fc.record({ ls: locks, skus: catalogue, now: instant, u: usage });

  it("passing means Σ ring-fences ≤ pool ATP at every instant from now on", () => {
    fc.assert(
      fc.property(world, fc.array(fc.nat(150 * HOUR_MS), { maxLength: 20 }), ({ ls, skus, now, u }, offsets) => {
        if (findConflicts(ls, skus, { now, usage: u }).length > 0) return;
        // Every window boundary, plus random instants, plus a millisecond before each end.
        const instants = [
          now,
          ...ls.flatMap((l) => [l.startsAt, l.endsAt, new Date(l.endsAt.getTime() - 1)]),
          ...offsets.map((o) => new Date(now.getTime() + o)),
        ].filter((t) => t >= now);
        for (const sku of skus) for (const t of instants) expect(fencedAt(ls, sku, now, u, t)).toBeLessThanOrEqual(sku.poolAtp);
      }),
    );
  });

  it("reports only groups that are all active together and really exceed the pool", () => {
    fc.assert(
      fc.property(world, ({ ls, skus, now, u }) => {
        for (const c of findConflicts(ls, skus, { now, usage: u })) {
          const sku = skus.find((s) => s.skuId === c.skuId)!;
          expect(c.from.getTime()).toBeGreaterThanOrEqual(now.getTime());
          expect(c.fenced).toBeGreaterThan(c.poolAtp);
          expect(c.fenced).toBe(fencedAt(ls, sku, now, u, c.from));
          for (const id of c.lockIds) expect(lockState(ls.find((l) => l.id === id)!, c.from)).toBe("active");
        }
      }),
    );
  });

  it("finds a conflict whenever the fences exceed the pool at some instant", () => {
    fc.assert(
      fc.property(world, fc.nat(150 * HOUR_MS), ({ ls, skus, now, u }, offset) => {
        const t = new Date(now.getTime() + offset);
        const conflicted = new Set(findConflicts(ls, skus, { now, usage: u }).map((c) => c.skuId));
        for (const sku of skus) if (fencedAt(ls, sku, now, u, t) > sku.poolAtp) expect(conflicted.has(sku.skuId)).toBe(true);
      }),
    );
  });
});
