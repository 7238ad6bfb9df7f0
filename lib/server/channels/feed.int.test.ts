import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/availability/route";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { createApiKey } from "../api/keys";
import { db } from "../db";
import { adjustStock } from "../stock/adjustments";
import { reserve } from "../stock/reservations";
import { cancelLock, createLock } from "./locks";

// Fixture pools: A1 100, A2 50, B1 1405. The key belongs to channel WEB.
let ids: Awaited<ReturnType<typeof seedFixture>>;
let key: string;
let live: number;

beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
  key = (await createApiKey({ name: "web shop", channelId: ids.channel.id, createdBy: "t" })).key;
  live = (await db().channel.create({ data: { code: "LIVE", name: "Live", type: "LIVESTREAM" } })).id;
});

async function get(query: string, auth = key) {
  const res = await GET(new NextRequest(`http://localhost/api/v1/availability${query}`, { headers: { authorization: `Bearer ${auth}` } }));
  return { status: res.status, body: await res.json() };
}
const atsMap = (items: { sku: string; ats: number }[]) => Object.fromEntries(items.map((i) => [i.sku, i.ats]));

describe("GET /api/v1/availability", () => {
  it("pages through the full snapshot with a cursor", async () => {
    const first = await get("?limit=2");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ channel: "WEB", active: true, items: [{ sku: "A1", ats: 100 }, { sku: "A2", ats: 50 }] });
    const second = await get(`?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toEqual([{ sku: "B1", ats: 1405 }]);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.since).toBe(first.body.since);
  });

  it("answers a list of SKU codes and names the unknown ones", async () => {
    const { body } = await get("?skus=B1,NOPE,A2");
    expect(atsMap(body.items)).toEqual({ A2: 50, B1: 1405 });
    expect(body.unknown).toEqual(["NOPE"]);
  });

  it("returns only what changed since a token: stock movements, then a lock of another channel and its cancellation", async () => {
    const start = (await get("?limit=10")).body.since;
    expect((await get(`?since=${start}`)).body.items).toEqual([]);

    const r = await reserve({ idempotencyKey: "o-1", actor: "t", lines: [{ locationId: ids.locations.wh.id, skuId: ids.skus.b1.id, quantity: 5 }] });
    expect(r.ok).toBe(true);
    const afterReserve = await get(`?since=${start}`);
    expect(afterReserve.body.items).toEqual([{ sku: "B1", ats: 1400 }]);

    const now = new Date();
    const created = await createLock({
      channelId: live, name: "Live fence", kind: "RING_FENCE", scope: { kind: "BRAND", brandId: ids.brands.a.id },
      amount: { unit: "UNITS", value: 10 }, startsAt: new Date(now.getTime() - 60_000), endsAt: new Date(now.getTime() + 3_600_000), timeZone: "UTC",
    }, "hq", now);
    expect(created.ok).toBe(true);
    const afterLock = await get(`?since=${afterReserve.body.since}`);
    expect(atsMap(afterLock.body.items)).toEqual({ A1: 90, A2: 40 });

    if (!created.ok) return;
    await cancelLock(created.lock.id, "hq");
    const afterCancel = await get(`?since=${afterLock.body.since}`);
    expect(atsMap(afterCancel.body.items)).toEqual({ A1: 100, A2: 50 });
    expect((await get(`?since=${afterCancel.body.since}`)).body.items).toEqual([]);
  });

  it("reports a change committed after the token even when its transaction began before it", async () => {
    const slow = db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('yipan.movement', 'ADJUST', true), set_config('yipan.actor', 't', true)`;
      await tx.$executeRaw`UPDATE stock_level SET on_hand = on_hand + 1 WHERE location_id = ${ids.locations.wh.id} AND sku_id = ${ids.skus.a2.id}`;
      await new Promise((resolve) => setTimeout(resolve, 300)); // the token below is taken meanwhile
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const token = (await get("?skus=A2")).body;
    await slow;
    expect(token.items).toEqual([{ sku: "A2", ats: 50 }]);
    expect((await get(`?since=${token.since}`)).body.items).toEqual([{ sku: "A2", ats: 51 }]);
  });

  it("lists SKUs when a lock window opens or closes, though nothing was written", async () => {
    const now = new Date();
    await createLock({
      channelId: live, name: "Soon", kind: "RING_FENCE", scope: { kind: "SKU", skuId: ids.skus.b1.id },
      amount: { unit: "UNITS", value: 100 }, startsAt: new Date(now.getTime() + 1_500), endsAt: new Date(now.getTime() + 60_000), timeZone: "UTC",
    }, "hq", now);
    const token = (await get("?skus=B1")).body;
    expect(token.items).toEqual([{ sku: "B1", ats: 1405 }]);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect((await get(`?since=${token.since}`)).body.items).toEqual([{ sku: "B1", ats: 1305 }]);
  });

  it("answers errors as JSON with a code", async () => {
    expect(await get("?limit=2", "yp_000000000000_nope-nope-nope-nope")).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
    const hqKey = (await createApiKey({ name: "erp", createdBy: "t" })).key;
    expect(await get("?limit=2", hqKey)).toMatchObject({ status: 403, body: { error: { code: "channel_key_required" } } });
    expect(await get("?since=garbage")).toMatchObject({ status: 400, body: { error: { code: "invalid_cursor" } } });
    expect(await get("?limit=0")).toMatchObject({ status: 400, body: { error: { code: "invalid_query", fields: [{ field: "limit", value: "0" }] } } });
    expect(await get("?skus=A1&since=x")).toMatchObject({ status: 400, body: { error: { code: "invalid_query" } } });
  });

  it("gives an inactive channel nothing to sell", async () => {
    await db().channel.update({ where: { id: ids.channel.id }, data: { active: false } });
    await adjustStock({ type: "RECEIVE", actor: "t", reason: "r", lines: [{ locationId: ids.locations.wh.id, skuId: ids.skus.a1.id, mode: "delta", quantity: 1 }] });
    const { body } = await get("?skus=A1");
    expect(body).toMatchObject({ active: false, items: [{ sku: "A1", ats: 0 }] });
  });
});
