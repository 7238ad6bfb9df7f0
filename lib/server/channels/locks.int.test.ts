import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { db } from "../db";
import { adjustStock } from "../stock/adjustments";
import { atsByChannel, channelAts, explainChannelAts } from "./availability";
import { consumeLocks } from "./consumption";
import { cancelLock, createLock, getLock, previewLock, updateLock, type LockInput } from "./locks";

// Fixture pools (Σ location ATP): A1 100, A2 50, B1 1405. Channels: WEB (fixture), LIVE and MKT (here).
const HOUR = 3_600_000;
const now = new Date("2026-11-30T04:00:00Z");
let ids: Awaited<ReturnType<typeof seedFixture>>;
let web: number, live: number, mkt: number;

beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
  web = ids.channel.id;
  live = (await db().channel.create({ data: { code: "LIVE", name: "Live stream", type: "LIVESTREAM" } })).id;
  mkt = (await db().channel.create({ data: { code: "MKT", name: "Marketplace", type: "MARKETPLACE" } })).id;
});

const lock = (over: Partial<LockInput> = {}): LockInput => ({
  channelId: live, name: "Double 12 live", kind: "RING_FENCE", scope: { kind: "SKU", skuId: ids.skus.a1.id },
  amount: { unit: "UNITS", value: 30 }, startsAt: new Date(now.getTime() - HOUR), endsAt: new Date(now.getTime() + 24 * HOUR),
  timeZone: "Asia/Shanghai", ...over,
});
const atsOf = async (channelId: number, skuId: number, at = now) => (await channelAts(channelId, [skuId], at))[0].ats;

describe("channel available-to-sell with lock periods", () => {
  it("keeps a ring-fence from every other channel, not from its owner", async () => {
    const a1 = ids.skus.a1.id;
    expect(await atsOf(web, a1)).toBe(100);
    expect((await createLock(lock(), "hq@test.dev", now)).ok).toBe(true);
    expect(await atsOf(web, a1)).toBe(70);
    expect(await atsOf(mkt, a1)).toBe(70);
    expect(await atsOf(live, a1)).toBe(100);
    const why = await explainChannelAts(web, a1, now);
    expect(why).toMatchObject({ poolAtp: 100, fencedByOthers: { total: 30 }, ats: 70 });
  });

  it("depends on the clock alone: a scheduled lock starts and an active one ends without any job", async () => {
    const a1 = ids.skus.a1.id;
    await createLock(lock({ startsAt: new Date(now.getTime() + HOUR), endsAt: new Date(now.getTime() + 2 * HOUR) }), "hq", now);
    expect(await atsOf(web, a1, now)).toBe(100);
    expect(await atsOf(web, a1, new Date(now.getTime() + HOUR))).toBe(70);
    expect(await atsOf(web, a1, new Date(now.getTime() + 2 * HOUR))).toBe(100);
  });

  it("caps a channel at a percentage of the pool when the lock became active, whatever the pool does later", async () => {
    const brandA = { kind: "BRAND" as const, brandId: ids.brands.a.id };
    expect((await createLock(lock({ channelId: mkt, kind: "CAP", scope: brandA, amount: { unit: "PERCENT", value: 80 } }), "hq", now)).ok).toBe(true);
    expect(await atsOf(mkt, ids.skus.a1.id)).toBe(80);
    expect(await atsOf(mkt, ids.skus.a2.id)).toBe(40);
    expect(await atsOf(web, ids.skus.a1.id)).toBe(100);
    // A receipt grows the pool; the cap stays 80 % of the pool at activation.
    await adjustStock({ type: "RECEIVE", actor: "t", reason: "PO", lines: [{ locationId: ids.locations.wh.id, skuId: ids.skus.a1.id, mode: "delta", quantity: 100 }] });
    expect(await atsOf(mkt, ids.skus.a1.id)).toBe(80);
    expect(await atsOf(web, ids.skus.a1.id)).toBe(200);
  });

  it("lets the remaining of a ring-fence fall as its channel sells, and caps shrink the same way", async () => {
    const a1 = ids.skus.a1.id;
    const created = await createLock(lock(), "hq", now);
    if (!created.ok) throw new Error("lock refused");
    await db().$transaction((tx) => consumeLocks(tx, live, [{ skuId: a1, quantity: 12 }], now));
    // LIVE sold 12: the pool falls by 12 (stock) and the fence by 12, so the others see no change.
    await adjustStock({ type: "ADJUST", actor: "t", reason: "sold on LIVE", lines: [{ locationId: ids.locations.wh.id, skuId: a1, mode: "delta", quantity: -12 }] });
    expect((await getLock(created.lock.id, now))?.consumed).toBe(12);
    expect(await atsOf(web, a1)).toBe(70);
    expect(await atsOf(live, a1)).toBe(88);
    await db().$transaction((tx) => consumeLocks(tx, live, [{ skuId: a1, quantity: 5 }], now, -1));
    expect((await getLock(created.lock.id, now))?.consumed).toBe(7);
  });

  it("subtracts the channel's safety margin and gives an inactive channel nothing (its fences stop counting)", async () => {
    const a1 = ids.skus.a1.id;
    await db().channel.update({ where: { id: web }, data: { safetyMargin: 5 } });
    await createLock(lock(), "hq", now);
    expect(await atsOf(web, a1)).toBe(65);
    await db().channel.update({ where: { id: live }, data: { active: false } });
    expect(await atsOf(live, a1)).toBe(0);
    expect(await atsOf(web, a1)).toBe(95);
  });

  it("refuses ring-fences that together exceed the pool, naming the SKU and both locks, and writes nothing", async () => {
    expect((await createLock(lock({ amount: { unit: "UNITS", value: 60 } }), "hq", now)).ok).toBe(true);
    const second = await createLock(lock({ channelId: web, name: "Webstore promo", amount: { unit: "UNITS", value: 50 } }), "hq", now);
    expect(second).toMatchObject({
      ok: false,
      refusal: {
        reason: "conflict",
        conflicts: [{ sku: "A1", poolAtp: 100, fenced: 110, locks: [{ name: "Double 12 live", channel: "LIVE" }, { id: null, name: "Webstore promo", channel: "WEB" }] }],
      },
    });
    expect(await db().channelLock.count()).toBe(1);
    // Windows that do not overlap do not conflict.
    const later = lock({ channelId: web, amount: { unit: "UNITS", value: 50 }, startsAt: new Date(now.getTime() + 24 * HOUR), endsAt: new Date(now.getTime() + 48 * HOUR) });
    expect((await createLock(later, "hq", now)).ok).toBe(true);
  });

  it("checks a brand-wide fence against every SKU of the brand", async () => {
    const res = await createLock(lock({ scope: { kind: "BRAND", brandId: ids.brands.a.id }, amount: { unit: "UNITS", value: 60 } }), "hq", now);
    expect(res).toMatchObject({ ok: false, refusal: { reason: "conflict", conflicts: [{ sku: "A2", poolAtp: 50, fenced: 60 }] } });
  });

  it("edits with a version, cancels, and keeps who did what", async () => {
    const created = await createLock(lock(), "hq@test.dev", now);
    if (!created.ok) throw new Error("lock refused");
    const id = created.lock.id;
    expect(await updateLock(id, 99, lock(), "merch@test.dev", now)).toMatchObject({ ok: false, refusal: { reason: "stale" } });
    expect((await updateLock(id, 1, lock({ amount: { unit: "UNITS", value: 40 } }), "merch@test.dev", now)).ok).toBe(true);
    expect(await atsOf(web, ids.skus.a1.id)).toBe(60);
    expect((await cancelLock(id, "hq@test.dev", now)).ok).toBe(true);
    expect(await atsOf(web, ids.skus.a1.id)).toBe(100);
    expect(await cancelLock(id, "hq@test.dev", now)).toMatchObject({ ok: false, refusal: { reason: "not_editable" } });
    const history = (await getLock(id, now))!.events.map((e) => [e.action, e.actor]);
    expect(history).toEqual([["CANCELLED", "hq@test.dev"], ["EDITED", "merch@test.dev"], ["CREATED", "hq@test.dev"]]);
  });

  it("previews each channel's ATS before and after an unsaved lock without writing it", async () => {
    const preview = await previewLock(lock({ amount: { unit: "UNITS", value: 25 } }), { skuId: ids.skus.a1.id }, undefined, now);
    expect(Object.fromEntries(preview.before)).toEqual({ [web]: 100, [live]: 100, [mkt]: 100 });
    expect(Object.fromEntries(preview.after)).toEqual({ [web]: 75, [live]: 100, [mkt]: 75 });
    expect(await db().channelLock.count()).toBe(0);
    const brand = await atsByChannel({ brandId: ids.brands.a.id }, now);
    expect(brand).toMatchObject({ poolAtp: 150, skus: 2 });
  });
});
