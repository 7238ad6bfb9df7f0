import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { race } from "@/tests/support/race";
import { db } from "../db";
import { verifyLedger } from "./ledger-verify";
import { release, reserve, reserveMany, ship } from "./reservations";

let ids: Awaited<ReturnType<typeof seedFixture>>;
beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
});

const level = (locationId: number, skuId: number) =>
  db().stockLevel.findUniqueOrThrow({ where: { locationId_skuId: { locationId, skuId } } });

describe("reserve", () => {
  it("reserves every line or none: one short line leaves all stock untouched", async () => {
    const { wh, st } = ids.locations;
    const { a1, b1 } = ids.skus;
    // WH/A1 ATP = 100 − 10 − 5 = 85; ST/B1 ATP = 7 − 0 − 2 = 5.
    const r = await reserve({
      idempotencyKey: "k1", actor: "test",
      lines: [{ locationId: wh.id, skuId: a1.id, quantity: 10 }, { locationId: st.id, skuId: b1.id, quantity: 6 }],
    });
    expect(r).toEqual({ ok: false, reason: "insufficient", shortages: [{ locationId: st.id, skuId: b1.id, requested: 6, available: 5 }] });
    expect((await level(wh.id, a1.id)).reserved).toBe(10);
    expect(await db().reservation.count()).toBe(0);
    expect(await db().stockLedger.count({ where: { type: "RESERVE" } })).toBe(0);
  });

  it("never dips into safety stock", async () => {
    const { st } = ids.locations;
    const ok = await reserve({ idempotencyKey: "s1", actor: "t", lines: [{ locationId: st.id, skuId: ids.skus.b1.id, quantity: 5 }] });
    expect(ok.ok).toBe(true);
    const r = await reserve({ idempotencyKey: "s2", actor: "t", lines: [{ locationId: st.id, skuId: ids.skus.b1.id, quantity: 1 }] });
    expect(r.ok).toBe(false);
    expect(await level(st.id, ids.skus.b1.id)).toMatchObject({ onHand: 7, reserved: 5, safetyStock: 2 });
  });

  it("returns the first result when retried with the same key, and reserves once", async () => {
    const line = { locationId: ids.locations.wh.id, skuId: ids.skus.b1.id, quantity: 3 };
    const first = await reserve({ idempotencyKey: "retry", actor: "t", lines: [line] });
    const again = await reserve({ idempotencyKey: "retry", actor: "t", lines: [line] });
    expect(first).toMatchObject({ ok: true, replayed: false });
    expect(again).toMatchObject({ ok: true, replayed: true, reservationId: (first as { reservationId: string }).reservationId });
    expect((await level(line.locationId, line.skuId)).reserved).toBe(3);
    const conflict = await reserve({ idempotencyKey: "retry", actor: "t", lines: [{ ...line, quantity: 4 }] });
    expect(conflict).toMatchObject({ ok: false, reason: "key_conflict" });
  });
});

describe("release and ship", () => {
  it("release gives the units back; repeating it changes nothing", async () => {
    const line = { locationId: ids.locations.dc.id, skuId: ids.skus.a1.id, quantity: 4 };
    const r = await reserve({ idempotencyKey: "rel", actor: "t", lines: [line] });
    if (!r.ok) throw new Error("reserve failed");
    expect(await release(r.reservationId, "t", "customer cancelled")).toMatchObject({ ok: true, replayed: false });
    expect(await release(r.reservationId, "t")).toMatchObject({ ok: true, replayed: true });
    expect(await level(line.locationId, line.skuId)).toMatchObject({ onHand: 20, reserved: 0 });
    expect(await ship(r.reservationId, "t")).toMatchObject({ ok: false, reason: "wrong_state" });
  });

  it("ship takes the units off on hand and consumes the oldest lots first", async () => {
    const { wh } = ids.locations;
    const skuId = ids.skus.b1.id;
    // A newer lot arrives: WH/B1 now has the 1000-unit opening lot and a 50-unit receipt.
    await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('yipan.movement','RECEIVE',true), set_config('yipan.actor','t',true)`;
      await tx.$executeRaw`UPDATE stock_level SET on_hand = on_hand + 50 WHERE location_id = ${wh.id} AND sku_id = ${skuId}`;
    });
    const r = await reserve({ idempotencyKey: "ship", actor: "t", lines: [{ locationId: wh.id, skuId, quantity: 1010 }] });
    if (!r.ok) throw new Error("reserve failed");
    expect(await ship(r.reservationId, "t")).toMatchObject({ ok: true, status: "SHIPPED" });
    expect(await ship(r.reservationId, "t")).toMatchObject({ ok: true, replayed: true });
    expect(await level(wh.id, skuId)).toMatchObject({ onHand: 40, reserved: 0 });
    const lots = await db().stockLot.findMany({ where: { locationId: wh.id, skuId }, orderBy: { receivedAt: "asc" } });
    expect(lots.map((l) => [l.receivedQty, l.remaining])).toEqual([[1000, 0], [50, 40]]);
    expect((await verifyLedger()).problems).toEqual([]);
  });
});

describe("concurrency", () => {
  it("500 one-unit reservations from two processes against 100 available: exactly 100 succeed", async () => {
    const { wh } = ids.locations;
    const sku = await db().sku.create({
      data: { code: "HOT", name: "Hot item", brandId: ids.brands.a.id, category: "Shoes", style: "HOT", color: "Red", size: "42", priceCents: 1, costCents: 1 },
    });
    await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('yipan.movement','RECEIVE',true), set_config('yipan.actor','t',true)`;
      await tx.stockLevel.create({ data: { locationId: wh.id, skuId: sku.id, onHand: 100 } });
    });
    const tallies = await race("tests/support/reserve-worker.ts", [["p1", "250", String(wh.id), String(sku.id)], ["p2", "250", String(wh.id), String(sku.id)]], { DB_POOL_MAX: "16" });
    expect(tallies.flatMap((t) => t.errors)).toEqual([]);
    expect(tallies.reduce((s, t) => s + t.ok, 0)).toBe(100);
    expect(tallies.reduce((s, t) => s + t.refused, 0)).toBe(400);
    expect(tallies.every((t) => t.ok > 0)).toBe(true); // both processes really raced

    expect(await level(wh.id, sku.id)).toMatchObject({ onHand: 100, reserved: 100 });
    expect(await db().reservation.count({ where: { lines: { some: { skuId: sku.id } } } })).toBe(100);
    expect(await db().stockLedger.count({ where: { skuId: sku.id, type: "RESERVE" } })).toBe(100);
    const report = await verifyLedger();
    expect(report.problems).toEqual([]);
  });
});

describe("reserveMany", () => {
  const items = (wh: number, a1: number, st: number, b1: number) => [
    { idempotencyKey: "m1", reference: "order:1", lines: [{ locationId: wh, skuId: a1, quantity: 3 }] },
    { idempotencyKey: "m2", reference: "order:2", lines: [{ locationId: wh, skuId: a1, quantity: 4 }, { locationId: st, skuId: b1, quantity: 2 }] },
    { idempotencyKey: "m3", reference: "order:3", lines: [{ locationId: wh, skuId: a1, quantity: 5 }] },
  ];

  it("reserves a set in one call: a stock level drawn on by several items gets one ledger entry per item, in order, with its reference", async () => {
    const { wh, st } = ids.locations;
    const { a1, b1 } = ids.skus;
    const r = await db().$transaction((tx) => reserveMany(tx, "test", items(wh.id, a1.id, st.id, b1.id)));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.reservationIds).toHaveLength(3);
    expect(await level(wh.id, a1.id)).toMatchObject({ reserved: 10 + 3 + 4 + 5, ledgerReference: null });
    expect(await level(st.id, b1.id)).toMatchObject({ reserved: 2, ledgerReference: null });
    const entries = await db().stockLedger.findMany({ where: { type: "RESERVE", locationId: wh.id, skuId: a1.id }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => [e.reference, e.reservedBefore, e.reservedAfter])).toEqual([["order:1", 10, 13], ["order:2", 13, 17], ["order:3", 17, 22]]);
    const lines = await db().reservationLine.findMany({ where: { reservationId: BigInt(r.reservationIds[1]) }, orderBy: { locationId: "asc" } });
    expect(lines.map((l) => [l.locationId, l.skuId, l.quantity])).toEqual([[wh.id, a1.id, 4], [st.id, b1.id, 2]].sort((x, y) => x[0] - y[0]));
    expect((await verifyLedger()).problems).toEqual([]);
  });

  it("is all or none: one item that does not fit leaves nothing behind and says what was available before the call", async () => {
    const { wh, st } = ids.locations;
    const { a1, b1 } = ids.skus;
    // WH/A1 ATP 85: 3 + 4 + 80 does not fit in the third round.
    const set = items(wh.id, a1.id, st.id, b1.id);
    set[2].lines[0].quantity = 80;
    const r = await db().$transaction((tx) => reserveMany(tx, "test", set));
    expect(r).toEqual({ ok: false, reason: "insufficient", shortages: [{ locationId: wh.id, skuId: a1.id, requested: 87, available: 85 }] });
    expect(await level(wh.id, a1.id)).toMatchObject({ reserved: 10 });
    expect(await level(st.id, b1.id)).toMatchObject({ reserved: 0 });
    expect(await db().reservation.count()).toBe(0);
    expect(await db().stockLedger.count({ where: { type: "RESERVE" } })).toBe(0);
  });

  it("refuses keys already used, writing nothing", async () => {
    const { wh, st } = ids.locations;
    const { a1, b1 } = ids.skus;
    await reserve({ idempotencyKey: "m2", actor: "t", lines: [{ locationId: wh.id, skuId: a1.id, quantity: 1 }] });
    const r = await db().$transaction((tx) => reserveMany(tx, "test", items(wh.id, a1.id, st.id, b1.id)));
    expect(r).toMatchObject({ ok: false, reason: "key_conflict" });
    expect(await level(wh.id, a1.id)).toMatchObject({ reserved: 11 });
    expect(await db().reservation.count()).toBe(1);
  });
});
