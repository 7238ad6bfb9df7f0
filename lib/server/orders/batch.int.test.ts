import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/orders/batch/route";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { createApiKey } from "../api/keys";
import { db, pool } from "../db";
import { verifyLedger } from "../stock/ledger-verify";

let key: string;
let ids: Awaited<ReturnType<typeof seedFixture>>;
beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
  key = (await createApiKey({ name: "sync", channelId: ids.channel.id, createdBy: "t" })).key;
});

const destination = { city: "Shanghai", province: "Shanghai", lat: 31.2, lng: 121.4 };
async function post(body: unknown, idem = "batch-1") {
  const res = await POST(new NextRequest("http://localhost/api/v1/orders/batch", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}`, "idempotency-key": idem },
    body: JSON.stringify(body),
  }));
  return { status: res.status, body: await res.json(), replayed: res.headers.get("idempotent-replayed") === "true" };
}

describe("POST /api/v1/orders/batch", () => {
  it("answers each order on its own: placed, refused, invalid, duplicate — and replays the whole batch", async () => {
    const orders = [
      { orderNo: "B-1", destination, lines: [{ sku: "B1", quantity: 2 }] },
      { orderNo: "B-2", destination, lines: [{ sku: "A1", quantity: 500 }] },
      { orderNo: "B-3", destination, lines: [{ sku: "A1", quantity: -1 }] },
      { orderNo: "B-1", destination, lines: [{ sku: "A2", quantity: 1 }] },
      { orderNo: "B-5", destination, lines: [{ sku: "A2", quantity: 1 }] },
    ];
    const first = await post({ orders });
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: { orderNo: string; status: number; error?: { code: string } }) => [r.orderNo, r.status, r.error?.code ?? null])).toEqual([
      ["B-1", 201, null],
      ["B-2", 409, "out_of_stock"],
      ["B-3", 422, "invalid_body"],
      ["B-1", 409, "duplicate_order"],
      ["B-5", 201, null],
    ]);
    expect(await db().order.count({ where: { externalRef: { not: null } } })).toBe(2);
    const again = await post({ orders });
    expect(again.replayed).toBe(true);
    expect(again.body).toEqual(first.body);
    expect(await db().order.count({ where: { externalRef: { not: null } } })).toBe(2);
  });

  it("routes a large batch again as a whole when stock moves under a later chunk: nothing reserved twice, nothing oversold", async () => {
    // 250 orders are reserved in chunks (place.ts, CHUNK) while later ones are still being routed. A count holds
    // A2 at the warehouse (its only stock, 50) and leaves 30: the last chunk's reservation waits for it, then finds
    // less than it read, and the whole batch — the chunks already reserved included — is routed again.
    await db().location.updateMany({ data: { dailyCapacity: 1000 } });
    const counter = await pool().connect();
    await counter.query("BEGIN");
    await counter.query("SELECT set_config('yipan.movement', 'COUNT', true), set_config('yipan.actor', 't', true)");
    await counter.query("UPDATE stock_level SET on_hand = 30 WHERE sku_id = $1 AND location_id = $2", [ids.skus.a2.id, ids.locations.wh.id]);
    const orders = Array.from({ length: 250 }, (_, i) => ({ orderNo: `L-${i}`, destination, lines: [{ sku: i < 200 ? "B1" : "A2", quantity: 1 }] }));
    const posting = post({ orders }, "batch-large");
    // Commit the count only once the batch waits for its row (it has read the old figure by then).
    for (let waited = 0; ; waited += 20) {
      const { rows } = await counter.query("SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted");
      if (rows[0].n > 0) break;
      if (waited > 30_000) throw new Error("the batch never waited for the count");
      await new Promise((r) => setTimeout(r, 20));
    }
    await counter.query("COMMIT");
    counter.release();
    const { status, body } = await posting;
    expect(status).toBe(200);
    const results = body.results as { orderNo: string; status: number; error?: { code: string } }[];
    expect(results.slice(0, 230).every((r) => r.status === 201)).toBe(true);
    expect(results.slice(230).map((r) => r.error?.code)).toEqual(Array(20).fill("out_of_stock"));

    const placed = await db().order.findMany({ where: { externalRef: { startsWith: "L-" } }, select: { routing: true } });
    expect(placed).toHaveLength(230);
    expect(placed.every((o) => (o.routing as { attempts: number }).attempts === 2)).toBe(true);
    const level = (sku: number, loc: number) => db().stockLevel.findUniqueOrThrow({ where: { locationId_skuId: { locationId: loc, skuId: sku } } });
    const b1 = await Promise.all([ids.locations.wh, ids.locations.dc, ids.locations.st].map((l) => level(ids.skus.b1.id, l.id)));
    expect(b1.reduce((sum, l) => sum + l.reserved, 0)).toBe(100 + 200); // the DC held 100 before
    expect(await level(ids.skus.a2.id, ids.locations.wh.id)).toMatchObject({ onHand: 30, reserved: 30 });
    expect(await db().reservation.count({ where: { reference: { startsWith: "order:" } } })).toBe(230);
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("refuses an empty or oversized batch as a whole", async () => {
    expect((await post({ orders: [] }, "b-empty")).body.error.fields[0]).toMatchObject({ field: "orders", message: "at least one order" });
    const big = Array.from({ length: 501 }, (_, i) => ({ orderNo: `X-${i}`, destination, lines: [{ sku: "B1", quantity: 1 }] }));
    expect((await post({ orders: big }, "b-big")).status).toBe(422);
  });
});
