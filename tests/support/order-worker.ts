// A separate OS process placing orders through the real POST /api/v1/orders handler:
//   tsx --conditions=react-server order-worker.ts <tag> <n> <apiKey> <skuCode>
// Each order is one unit of the SKU; 201 counts as ok, 409 out_of_stock as refused, anything else as an error.
import { NextRequest } from "next/server";
import { POST } from "@/app/api/v1/orders/route";
import { db } from "@/lib/server/db";
import { raceWorker } from "./race";

const [tag, n, apiKey, sku] = process.argv.slice(2);
await raceWorker(
  () => db().$queryRaw`SELECT 1 AS warm FROM pg_sleep(0.05)`,
  () =>
    Promise.allSettled(
      Array.from({ length: Number(n) }, async (_, i) => {
        const res = await POST(new NextRequest("http://localhost/api/v1/orders", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}`, "idempotency-key": `${tag}-${i}` },
          body: JSON.stringify({
            orderNo: `${tag}-${i}`, destination: { city: "Hangzhou", province: "Zhejiang", lat: 30.27, lng: 120.15 }, lines: [{ sku, quantity: 1 }],
          }),
        }));
        if (res.status === 201) return true;
        const body = await res.json();
        if (res.status === 409 && body.error.code === "out_of_stock") return false;
        throw new Error(`${res.status} ${JSON.stringify(body)}`);
      }),
    ),
);
