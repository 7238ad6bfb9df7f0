// Reservation throughput through the real primitive (guarded UPDATE + ledger trigger + reservation rows),
// beside pgbench's ceiling for a bare guarded UPDATE of one hot row on the same server.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/server/db";
import { adjustStock } from "@/lib/server/stock/adjustments";
import { reserve, type StockLine } from "@/lib/server/stock/reservations";

const SECONDS = 8;
const CLIENTS = 32;

async function drive(label: string, lineFor: (i: number) => StockLine) {
  const until = performance.now() + SECONDS * 1000;
  let ok = 0;
  let refused = 0;
  let n = 0;
  const run = Date.now().toString(36);
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const i = n++;
        const r = await reserve({ idempotencyKey: `bench-${run}-${i}`, actor: "bench", lines: [lineFor(i)] });
        if (r.ok) ok++;
        else refused++;
      }
    }),
  );
  console.log(`| ${label} | ${Math.round(ok / SECONDS)} /s | ${refused} | ${CLIENTS} | ${SECONDS} s |`);
}

function pgbenchHotRow(url: string): string {
  const u = new URL(url);
  const args = ["-h", u.hostname, "-p", u.port || "5432", "-U", decodeURIComponent(u.username) || "postgres", u.pathname.slice(1)];
  const psql = (sql: string) => execFileSync("psql", [...args, "-qAtc", sql], { encoding: "utf8" });
  psql("DROP TABLE IF EXISTS bench_hot; CREATE TABLE bench_hot (id int PRIMARY KEY, on_hand int, reserved int); INSERT INTO bench_hot VALUES (1, 2000000000, 0)");
  const script = path.join(os.tmpdir(), "yipan-hot.sql");
  fs.writeFileSync(script, "UPDATE bench_hot SET reserved = reserved + 1 WHERE id = 1 AND on_hand - reserved >= 1;\n");
  const out = execFileSync("pgbench", ["-n", "-T", String(SECONDS), "-c", String(CLIENTS), "-j", "2", "-f", script, ...args], { encoding: "utf8" });
  psql("DROP TABLE bench_hot");
  return out.match(/tps = ([\d.]+)/)?.[1] ?? "?";
}

export async function benchReservations(url: string) {
  const prisma = db();
  const wh = await prisma.location.findFirstOrThrow({ where: { type: "WAREHOUSE" } });
  const hotSku = await prisma.sku.findFirstOrThrow({ orderBy: { id: "asc" } });
  await adjustStock({
    type: "RECEIVE", actor: "bench", reason: "bench stock",
    lines: [{ locationId: wh.id, skuId: hotSku.id, mode: "delta", quantity: 10_000_000 }],
  });
  // 10,000 stock levels that have stock to promise, spread over the network.
  const spread = await prisma.$queryRaw<{ location_id: number; sku_id: number }[]>`
    SELECT location_id, sku_id FROM stock_level WHERE on_hand - reserved - safety_stock >= 20
    ORDER BY hashint4(location_id * 100003 + sku_id) LIMIT 10000`;
  console.log("\n| reservations (1 line, 1 unit) | accepted | refused (no ATP) | clients | duration |\n|---|---|---|---|---|");
  await drive(`one hot SKU at ${wh.code}`, () => ({ locationId: wh.id, skuId: hotSku.id, quantity: 1 }));
  await drive(`spread over ${spread.length.toLocaleString("en-US")} stock levels`, (i) => {
    const row = spread[(i * 7919) % spread.length];
    return { locationId: row.location_id, skuId: row.sku_id, quantity: 1 };
  });
  console.log(`| pgbench ceiling: bare guarded UPDATE of one hot row | ${Math.round(Number(pgbenchHotRow(url)))} /s | – | ${CLIENTS} | ${SECONDS} s |`);
}
