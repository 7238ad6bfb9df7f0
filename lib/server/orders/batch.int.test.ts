import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/orders/batch/route";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { createApiKey } from "../api/keys";
import { db } from "../db";

let key: string;
beforeEach(async () => {
  await resetDatabase();
  const ids = await seedFixture();
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

  it("refuses an empty or oversized batch as a whole", async () => {
    expect((await post({ orders: [] }, "b-empty")).body.error.fields[0]).toMatchObject({ field: "orders", message: "at least one order" });
    const big = Array.from({ length: 501 }, (_, i) => ({ orderNo: `X-${i}`, destination, lines: [{ sku: "B1", quantity: 1 }] }));
    expect((await post({ orders: big }, "b-big")).status).toBe(422);
  });
});
