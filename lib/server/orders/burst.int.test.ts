import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { race } from "@/tests/support/race";
import { createApiKey } from "../api/keys";
import { db } from "../db";
import { verifyLedger } from "../stock/ledger-verify";

// A live-stream drop in miniature: two OS processes fire one-unit orders for one SKU through the real
// POST /api/v1/orders handler at once. Exactly what is there is sold; the rest is refused as out of stock.
beforeEach(async () => {
  await resetDatabase();
  await seedFixture();
});

describe("order burst from two processes", () => {
  it("accepts exactly the 200 units there are out of 600 orders, never below zero, and the ledger verifies", async () => {
    const sku = await db().sku.findFirstOrThrow({ where: { code: "A2" } }); // A2: WH 50 on hand, ST 4 on hand (1 reserved, safety 5)
    // The fixture's daily capacity (100 orders) would refuse the rest; a drop day gets more hands.
    const wh = await db().location.update({ where: { code: "WH" }, data: { dailyCapacity: 10_000 } });
    await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('yipan.movement', 'RECEIVE', true), set_config('yipan.actor', 't', true)`;
      await tx.$executeRaw`UPDATE stock_level SET on_hand = on_hand + 150 WHERE location_id = ${wh.id} AND sku_id = ${sku.id}`;
    });
    const channel = await db().channel.findFirstOrThrow({ where: { code: "WEB" } });
    const key = (await createApiKey({ name: "live", channelId: channel.id, createdBy: "t" })).key;

    const tallies = await race("tests/support/order-worker.ts", [["p1", "300", key, "A2"], ["p2", "300", key, "A2"]], { DB_POOL_MAX: "12" });
    expect(tallies.flatMap((t) => t.errors)).toEqual([]);
    expect(tallies.reduce((s, t) => s + t.ok, 0)).toBe(200);
    expect(tallies.reduce((s, t) => s + t.refused, 0)).toBe(400);
    expect(tallies.every((t) => t.ok > 0)).toBe(true); // both processes really sold

    const level = await db().stockLevel.findUniqueOrThrow({ where: { locationId_skuId: { locationId: wh.id, skuId: sku.id } } });
    expect(level).toMatchObject({ onHand: 200, reserved: 200 });
    expect(await db().order.count({ where: { externalRef: { not: null } } })).toBe(200);
    const negative = await db().$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM stock_level WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand`;
    expect(negative[0].n).toBe(0);
    expect(await verifyLedger()).toMatchObject({ ok: true, problems: [] });
  });
});
