import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/orders/route";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { createApiKey } from "../api/keys";
import { createLock } from "../channels/locks";
import { db, pool } from "../db";
import { verifyLedger } from "../stock/ledger-verify";
import { SKU_LOCK_SPACE } from "./place";

// Fixture ATP: A1 — WH 85, DC 15, ST 0 (pool 100); A2 — WH 50, ST 0; B1 — WH 1000, DC 400, ST 5.
let ids: Awaited<ReturnType<typeof seedFixture>>;
let key: string;
let n = 0;

beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
  key = (await createApiKey({ name: "web shop", channelId: ids.channel.id, createdBy: "t" })).key;
});

const order = (over: Record<string, unknown> = {}) => ({
  orderNo: `WEB-${++n}`,
  destination: { city: "Shanghai", province: "Shanghai", lat: 31.23, lng: 121.47 },
  lines: [{ sku: "A1", quantity: 2 }],
  ...over,
});

async function post(body: unknown, opts: { key?: string; idem?: string } = {}) {
  const res = await POST(new NextRequest("http://localhost/api/v1/orders", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${opts.key ?? key}`, "idempotency-key": opts.idem ?? `k-${n}-${Math.random()}` },
    body: JSON.stringify(body),
  }));
  return { status: res.status, body: await res.json(), replayed: res.headers.get("idempotent-replayed") === "true" };
}
const stock = async (loc: string, sku: string) =>
  db().stockLevel.findFirstOrThrow({ where: { location: { code: loc }, sku: { code: sku } }, select: { onHand: true, reserved: true } });

describe("POST /api/v1/orders", () => {
  it("routes, reserves and records an order, with its ledger entries", async () => {
    const res = await post(order({ lines: [{ sku: "A1", quantity: 2 }, { sku: "B1", quantity: 3 }] }));
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({ channel: "WEB", status: "RESERVED", backOrdered: [] });
    // The default strategy puts "complete" first: WH and DC each hold both lines, so one shipment. The fixture's
    // locations share one point and one cost model, so every rule ties and the location code decides: DC.
    expect(res.body.order.shipments).toMatchObject([{ location: "DC", status: "RESERVED", lines: [{ sku: "A1", quantity: 2 }, { sku: "B1", quantity: 3 }] }]);
    expect(await stock("DC", "A1")).toEqual({ onHand: 20, reserved: 2 });
    const entries = await db().stockLedger.findMany({ where: { reference: `order:${res.body.order.id}` } });
    expect(entries.map((e) => e.type)).toEqual(["RESERVE", "RESERVE"]);
    const saved = await db().order.findUniqueOrThrow({ where: { id: BigInt(res.body.order.id) }, include: { events: true } });
    expect(saved.routing).toMatchObject({ strategy: "DEFAULT", attempts: 1, explanation: { winnerReason: {} } });
    expect(saved.events.map((e) => e.action)).toEqual(["PLACED"]);
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("answers a retry with the first result and reserves once", async () => {
    const body = order();
    const first = await post(body, { idem: "same" });
    const again = await post(body, { idem: "same" });
    expect(again.replayed).toBe(true);
    expect(again.body).toEqual(first.body);
    expect((await stock("DC", "A1")).reserved).toBe(2);
    expect(await post({ ...body, lines: [{ sku: "A1", quantity: 3 }] }, { idem: "same" })).toMatchObject({ status: 422, body: { error: { code: "idempotency_key_reused" } } });
  });

  it("places concurrent requests with one key once, and answers them all alike", async () => {
    const body = order();
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(body, { idem: "burst-key" })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.order.id)).size).toBe(1);
    expect(answers.filter((a) => !a.replayed).length).toBe(1);
    expect(await db().order.count({ where: { externalRef: body.orderNo } })).toBe(1);
  });

  it("answers each order of a concurrent group on its own", async () => {
    const first = await post(order({ orderNo: "DUP-1" }));
    expect(first.status).toBe(201);
    const answers = await Promise.all([
      post(order({ orderNo: "G-1" })),
      post(order({ orderNo: "DUP-1" })),
      post(order({ orderNo: "G-2", lines: [{ sku: "A1", quantity: 1000 }] })),
      post(order({ orderNo: "G-3", lines: [{ sku: "B1", quantity: 1 }] })),
    ]);
    expect(answers.map((a) => [a.status, a.body.error?.code ?? null])).toEqual([[201, null], [409, "duplicate_order"], [409, "out_of_stock"], [201, null]]);
  });

  it("splits across locations when no single one can fill a line", async () => {
    const res = await post(order({ lines: [{ sku: "A1", quantity: 95 }] }));
    expect(res.status).toBe(201);
    const shipped = res.body.order.shipments.map((s: { location: string; lines: { quantity: number }[] }) => [s.location, s.lines[0].quantity]);
    expect(shipped.reduce((sum: number, [, q]: [string, number]) => sum + q, 0)).toBe(95);
    expect(shipped.length).toBe(2);
  });

  it("refuses what it cannot fill and writes nothing, unless back-orders are allowed", async () => {
    const before = await db().stockLedger.count();
    const refused = await post(order({ lines: [{ sku: "A1", quantity: 101 }] }));
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "out_of_stock", fields: [{ field: "sku:A1", value: 101, message: "100 available of 101 requested" }] } } });
    expect(await db().order.count({ where: { externalRef: { not: null } } })).toBe(0);
    expect(await db().stockLedger.count()).toBe(before);

    const partial = await post(order({ lines: [{ sku: "A1", quantity: 101 }], allowBackorder: true }));
    expect(partial.status).toBe(201);
    expect(partial.body.order).toMatchObject({ status: "BACKORDERED", backOrdered: [{ sku: "A1", quantity: 1 }] });
  });

  it("never sells another channel's ring-fence", async () => {
    const live = await db().channel.create({ data: { code: "LIVE", name: "Live", type: "LIVESTREAM" } });
    const now = new Date();
    await createLock({
      channelId: live.id, name: "Live drop", kind: "RING_FENCE", scope: { kind: "SKU", skuId: ids.skus.a1.id }, amount: { unit: "UNITS", value: 90 },
      startsAt: new Date(now.getTime() - 60_000), endsAt: new Date(now.getTime() + 3_600_000), timeZone: "UTC",
    }, "hq", now);
    expect((await post(order({ lines: [{ sku: "A1", quantity: 11 }] }))).body.error.fields[0].message).toBe("10 available of 11 requested");
    expect((await post(order({ lines: [{ sku: "A1", quantity: 10 }] }))).status).toBe(201);
    expect((await post(order({ lines: [{ sku: "A1", quantity: 1 }] }))).status).toBe(409);
  });

  it("names bad input and unknown codes, writing nothing", async () => {
    const bad = await post({ ...order(), lines: [{ sku: "A1", quantity: 0 }, { sku: "A1", quantity: 1 }], destination: { city: "X", province: "Y", lat: 91, lng: 0 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: "lines[0].quantity", value: 0 }),
      expect.objectContaining({ field: "lines[1].sku", message: "same SKU as lines[0]; send one line per SKU" }),
      expect.objectContaining({ field: "destination.lat", value: 91 }),
    ]));
    const unknown = await post(order({ lines: [{ sku: "NOPE", quantity: 1 }], sellingStore: "XX" }));
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "unknown_code" } } });
    expect(unknown.body.error.fields.map((f: { field: string }) => f.field)).toEqual(["lines[0].sku", "sellingStore"]);
    const hqKey = (await createApiKey({ name: "erp", createdBy: "t" })).key;
    expect((await post(order(), { key: hqKey })).body.error.code).toBe("channel_key_required");
    expect(await db().order.count({ where: { externalRef: { not: null } } })).toBe(0);
  });

  it("reads no stock before it holds the lock of every SKU it orders", async () => {
    // Another transaction (an order, a re-route) holds B1's lock: this order waits for it, then sees what it left.
    const holder = await pool().connect();
    await holder.query("BEGIN");
    await holder.query("SELECT pg_advisory_xact_lock($1, $2)", [SKU_LOCK_SPACE, ids.skus.b1.id]);
    let answered = false;
    const placing = post(order({ lines: [{ sku: "A1", quantity: 1 }, { sku: "B1", quantity: 1 }] })).then((r) => ((answered = true), r));
    await new Promise((r) => setTimeout(r, 400));
    expect(answered).toBe(false);
    // While it waits, B1 at the DC (where every rule points) runs out; the order must see that.
    await holder.query("SELECT set_config('yipan.movement', 'ADJUST', true), set_config('yipan.actor', 't', true)");
    await holder.query("UPDATE stock_level SET on_hand = reserved WHERE sku_id = $1 AND location_id = $2", [ids.skus.b1.id, ids.locations.dc.id]);
    await holder.query("COMMIT");
    holder.release();
    const placed = await placing;
    expect(placed.status).toBe(201);
    expect(placed.body.order.shipments.map((s: { location: string }) => s.location)).toEqual(["WH"]); // DC without B1 now
    // Routed once: it read stock after the lock, not before (a stale read would have failed the reservation and
    // gone round again).
    const stored = await db().order.findFirstOrThrow({ where: { externalRef: placed.body.order.orderNo } });
    expect((stored.routing as { attempts: number }).attempts).toBe(1);
  });

  it("routes again, never oversells, when stock moves between routing and reserving", async () => {
    // A count (which takes no SKU lock) empties B1 at the DC — where every rule points — while this order is routed:
    // the count holds the row until it commits, so the order reads the old figure, reserves, finds it gone.
    const counter = await pool().connect();
    await counter.query("BEGIN");
    await counter.query("SELECT set_config('yipan.movement', 'COUNT', true), set_config('yipan.actor', 't', true)");
    await counter.query("UPDATE stock_level SET on_hand = reserved WHERE sku_id = $1 AND location_id = $2", [ids.skus.b1.id, ids.locations.dc.id]);
    const placing = post(order({ lines: [{ sku: "A1", quantity: 1 }, { sku: "B1", quantity: 1 }] }));
    await new Promise((r) => setTimeout(r, 400));
    await counter.query("COMMIT");
    counter.release();
    const placed = await placing;
    expect(placed.status).toBe(201);
    expect(placed.body.order.shipments.map((s: { location: string }) => s.location)).toEqual(["WH"]);
    const stored = await db().order.findFirstOrThrow({ where: { externalRef: placed.body.order.orderNo } });
    expect((stored.routing as { attempts: number }).attempts).toBe(2);
    expect(await stock("DC", "B1")).toEqual({ onHand: 100, reserved: 100 });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("accepts exactly what is there when many orders race for one SKU", async () => {
    // B1 at the store only: make the DC and WH hold none, so 5 units exist.
    await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('yipan.movement', 'ADJUST', true), set_config('yipan.actor', 't', true)`;
      await tx.$executeRaw`UPDATE stock_level SET on_hand = reserved WHERE sku_id = ${ids.skus.b1.id} AND location_id <> ${ids.locations.st.id}`;
    });
    const results = await Promise.all(Array.from({ length: 40 }, () => post(order({ lines: [{ sku: "B1", quantity: 1 }] }))));
    expect(results.filter((r) => r.status === 201).length).toBe(5);
    expect(results.filter((r) => r.status === 409).length).toBe(35);
    expect(await stock("ST", "B1")).toEqual({ onHand: 7, reserved: 5 });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });
});
