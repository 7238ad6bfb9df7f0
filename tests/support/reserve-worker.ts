// A separate OS process racing for stock:
//   tsx --conditions=react-server reserve-worker.ts <tag> <n> <location> <sku>
// Fires n one-unit reservations through the real reservation primitive once released (see race.ts).
import { db } from "@/lib/server/db";
import { reserve } from "@/lib/server/stock/reservations";
import { raceWorker } from "./race";

const [tag, n, locationId, skuId] = process.argv.slice(2);
await raceWorker(
  () => db().$queryRaw`SELECT 1 AS warm FROM pg_sleep(0.05)`,
  () =>
    Promise.allSettled(
      Array.from({ length: Number(n) }, async (_, i) =>
        (await reserve({ idempotencyKey: `${tag}-${i}`, actor: `worker-${tag}`, lines: [{ locationId: Number(locationId), skuId: Number(skuId), quantity: 1 }] })).ok,
      ),
    ),
);
