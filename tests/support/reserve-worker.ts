// A separate OS process racing for stock:
//   tsx --conditions=react-server reserve-worker.ts <tag> <n> <location> <sku>
// Opens its connections, prints "ready", waits for "go" on stdin (the test releases all workers at once, so they
// really race), then fires n one-unit reservations through the real reservation primitive and prints the tally.
import { db } from "@/lib/server/db";
import { reserve } from "@/lib/server/stock/reservations";

const [tag, n, locationId, skuId] = process.argv.slice(2);
await Promise.all(Array.from({ length: Number(process.env.DB_POOL_MAX ?? 8) }, () => db().$queryRaw`SELECT 1 AS warm FROM pg_sleep(0.05)`));
console.log("ready");
await new Promise((r) => process.stdin.once("data", r));
const results = await Promise.allSettled(
  Array.from({ length: Number(n) }, (_, i) =>
    reserve({ idempotencyKey: `${tag}-${i}`, actor: `worker-${tag}`, lines: [{ locationId: Number(locationId), skuId: Number(skuId), quantity: 1 }] }),
  ),
);
const tally = { ok: 0, refused: 0, errors: [] as string[] };
for (const r of results) {
  if (r.status === "rejected") tally.errors.push(String(r.reason));
  else if (r.value.ok) tally.ok++;
  else tally.refused++;
}
console.log(JSON.stringify(tally));
process.exit(0);
