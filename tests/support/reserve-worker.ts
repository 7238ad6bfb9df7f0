// A separate OS process racing for stock: `tsx --conditions=react-server reserve-worker.ts <tag> <n> <location> <sku>`.
// Fires n one-unit reservations at once through the real reservation primitive and prints the tally as JSON.
import { reserve } from "@/lib/server/stock/reservations";

const [tag, n, locationId, skuId] = process.argv.slice(2);
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
