// Issue #5 over HTTP against `next start` on the bench database: single-order intake with 32 concurrent clients
// beside a no-op POST measured in the same run, batch intake, and a live-stream burst on two app instances.
import { CITIES } from "../../prisma/seed/cities";
import { createApiKey } from "@/lib/server/api/keys";
import { db } from "@/lib/server/db";
import { placeBatchIn } from "@/lib/server/orders/batch";
import { sqlTransaction } from "@/lib/server/sql-tx";
import { startServer } from "./http";
import { ms } from "./stats";

const CLIENTS = 32;
const SECONDS = 8;
const WARM_SECONDS = 8;

type Drive = { ok: number; refused: number; errors: number; seconds: number; latencies: number[]; statuses: Map<number, number> };

async function drive(request: (i: number) => Promise<Response>, seconds = SECONDS, clients = CLIENTS): Promise<Drive> {
  const until = performance.now() + seconds * 1000;
  const out: Drive = { ok: 0, refused: 0, errors: 0, seconds, latencies: [], statuses: new Map() };
  let n = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const res = await request(n++);
        await res.arrayBuffer();
        out.latencies.push(performance.now() - t);
        out.statuses.set(res.status, (out.statuses.get(res.status) ?? 0) + 1);
        if (res.status < 300) out.ok++;
        else if (res.status === 409) out.refused++;
        else out.errors++;
      }
    }),
  );
  out.latencies.sort((a, b) => a - b);
  return out;
}
const pct = (d: Drive, q: number) => d.latencies[Math.min(d.latencies.length - 1, Math.ceil(q * d.latencies.length) - 1)];
const rate = (d: Drive) => (d.ok + d.refused + d.errors) / d.seconds;

/** The SKUs with the most pool ATP, for orders that mostly succeed (runs take stock out: a threshold would leave fewer SKUs each run). */
export async function stockedSkus(limit: number): Promise<string[]> {
  const rows = await db().$queryRaw<{ code: string }[]>`
    SELECT k.code FROM sku k JOIN stock_rollup_sku r ON r.sku_id = k.id ORDER BY r.atp DESC, k.id LIMIT ${limit}`;
  return rows.map((r) => r.code);
}

/**
 * A bench day on the WEB channel: every location's daily capacity lifted (the figures measure intake rather than full
 * warehouses), the channel active, and the SKUs the orders draw on.
 */
export async function benchDay(): Promise<{ channel: { id: number; code: string }; skus: string[] }> {
  const prisma = db();
  // What autovacuum would have done by now (this machine's PostgreSQL runs without it): earlier runs leave dead
  // rows behind (rolled-back batches), which later runs would otherwise wade through, each slower than the last.
  await prisma.$executeRawUnsafe(`VACUUM (ANALYZE) stock_level, stock_ledger, reservation, reservation_line, customer_order, order_shipment,
    order_line, order_event, idempotency_record, shipment_load, shipment_load_pending, stock_rollup_sku, stock_rollup_location`);
  await prisma.location.updateMany({ data: { dailyCapacity: 10_000_000 } });
  const channel = await prisma.channel.update({ where: { code: "WEB" }, data: { active: true }, select: { id: true, code: true } });
  return { channel, skus: await stockedSkus(2000) };
}

class RolledBack extends Error {}

/** Places a batch in the data layer and rolls it back, so runs leave the bench database's stock as it was. */
export async function placeRolledBack(channel: { id: number; code: string }, orders: unknown[]): Promise<void> {
  await sqlTransaction(async (tx) => {
    await placeBatchIn(tx, channel, orders, "api:bench");
    throw new RolledBack();
  }).catch((e) => {
    if (!(e instanceof RolledBack)) throw e;
  });
}

export function orderBody(tag: string, i: number, skus: string[], lines = 3) {
  const city = CITIES[(i * 7) % CITIES.length];
  const chosen = new Set<string>();
  for (let k = 0; chosen.size < lines; k++) chosen.add(skus[(i * 31 + k * 977) % skus.length]);
  return {
    orderNo: `${tag}-${i}`,
    destination: { city: city.name, province: city.province, lat: city.latitude, lng: city.longitude },
    allowBackorder: true,
    lines: [...chosen].map((sku) => ({ sku, quantity: 1 + (i % 2) })),
  };
}

export async function benchOrders(databaseUrl: string) {
  const { channel, skus } = await benchDay();
  const { key } = await createApiKey({ name: "bench", channelId: channel.id, createdBy: "bench" });
  const tag = `b${Date.now().toString(36)}`;
  const headers = (idem: string) => ({ "content-type": "application/json", authorization: `Bearer ${key}`, "idempotency-key": idem });

  const a = await startServer(databaseUrl, 3199);
  try {
    const ping = () => fetch(`${a.base}/api/v1/ping`, { method: "POST", headers: headers("x"), body: "{}" });
    const order = (t: string) => (i: number) =>
      fetch(`${a.base}/api/v1/orders`, { method: "POST", headers: headers(`${t}-${i}`), body: JSON.stringify(orderBody(t, i, skus)) });
    // The same order with its last line repeating the first SKU: the route does everything but the transaction
    // (key, Idempotency-Key, body, every validation rule) and answers 422 — what intake costs before the database.
    const refusedAtValidation = (i: number) => {
      const body = orderBody(`${tag}v`, i, skus);
      body.lines[body.lines.length - 1].sku = body.lines[0].sku;
      return fetch(`${a.base}/api/v1/orders`, { method: "POST", headers: headers(`${tag}v-${i}`), body: JSON.stringify(body) });
    };
    // Every route warmed under the same load first: on a slow machine the server and the load generator take
    // seconds to reach their compiled code, and the route measured first would pay for it (a ratio above 0.7
    // came from a cold no-op). The no-op is measured before and after the intake; the ratio takes their mean.
    await drive(ping, WARM_SECONDS);
    await drive(refusedAtValidation, WARM_SECONDS);
    await drive(order(`${tag}w`), WARM_SECONDS);
    const noop = await drive(ping);
    const validation = await drive(refusedAtValidation);
    const intake = await drive(order(tag));
    const noopAfter = await drive(ping);
    console.log(`\n| POST over HTTP, ${CLIENTS} clients, ${SECONDS} s | requests/s | accepted | refused | errors | p50 | p99 |\n|---|---|---|---|---|---|---|`);
    const noopRow = (d: Drive, when: string) => `| no-op POST /api/v1/ping (${when}) | ${Math.round(rate(d))} | ${d.ok} | – | ${d.errors} | ${ms(pct(d, 0.5))} | ${ms(pct(d, 0.99))} |`;
    console.log(noopRow(noop, "before"));
    console.log(`| POST /api/v1/orders refused at validation (422: everything but the transaction) | ${Math.round(rate(validation))} | – | – | ${[...validation.statuses].map(([code, n]) => `${n} × ${code}`).join(", ")} | ${ms(pct(validation, 0.5))} | ${ms(pct(validation, 0.99))} |`);
    console.log(`| POST /api/v1/orders (3 lines, 1–2 units each, 34 cities) | ${Math.round(rate(intake))} | ${intake.ok} | ${intake.refused} | ${intake.errors} | ${ms(pct(intake, 0.5))} | ${ms(pct(intake, 0.99))} |`);
    console.log(noopRow(noopAfter, "after"));
    const noopRate = (rate(noop) + rate(noopAfter)) / 2;
    console.log(`\norder intake ÷ no-op POST (mean of before and after): ${(rate(intake) / noopRate).toFixed(2)}; refused at validation ÷ no-op: ${(rate(validation) / noopRate).toFixed(2)}`);

    // One unmeasured batch first: the batch route's code is cold after the single-order load (≈ 2× a warm batch
    // on the session-7 machine). Then each batch is timed; the rate is over all measured ones.
    const batch = async (b: string) => {
      const orders = Array.from({ length: 500 }, (_, i) => orderBody(`${tag}-batch${b}`, i, skus));
      const t = performance.now();
      const res = await fetch(`${a.base}/api/v1/orders/batch`, { method: "POST", headers: headers(`${tag}-batch-${b}`), body: JSON.stringify({ orders }) });
      const body = (await res.json()) as { results: { status: number }[] };
      return { ms: performance.now() - t, answered: body.results.length, placed: body.results.filter((r) => r.status === 201).length };
    };
    await batch("warm");
    const runs = [];
    for (let b = 0; b < 6; b++) runs.push(await batch(String(b)));
    const total = runs.reduce((s, r) => s + r.ms, 0) / 1000;
    const answered = runs.reduce((s, r) => s + r.answered, 0);
    const each = runs.map((r) => r.ms).sort((x, y) => x - y);
    console.log(`\nbatch intake: ${runs.length} × 500 orders in ${total.toFixed(2)} s = ${Math.round(answered / total)} orders/s (${runs.reduce((s, r) => s + r.placed, 0)} placed; per batch ${ms(each[0])} min, ${ms(each[Math.floor(each.length / 2)])} median, ${ms(each[each.length - 1])} max)`);
  } finally {
    await a.stop();
  }
}

/** 5,000 one-unit orders racing for 1,000 units of one SKU, sent to two app instances on the same database. */
export async function benchBurst(databaseUrl: string) {
  const prisma = db();
  const sku = await prisma.sku.findFirstOrThrow({ orderBy: { id: "desc" } });
  const channel = await prisma.channel.findFirstOrThrow({ where: { code: "DOUYIN" } });
  // The channel bench's 50 locks (caps, fences) would make the channel's share smaller than the 1,000 units.
  await prisma.channelLock.deleteMany({ where: { name: { startsWith: "bench " } } });
  await prisma.channel.update({ where: { id: channel.id }, data: { active: true, safetyMargin: 0 } });
  await prisma.location.updateMany({ data: { dailyCapacity: 10_000_000 } });
  // The drop: 1,000 units at four warehouses/DCs, none anywhere else.
  const holders = await prisma.location.findMany({ where: { type: { in: ["WAREHOUSE", "DC"] } }, orderBy: { id: "asc" }, take: 4 });
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('yipan.movement', 'COUNT', true), set_config('yipan.actor', 'bench', true), set_config('yipan.reason', 'burst set-up', true)`;
    await tx.$executeRaw`UPDATE stock_level SET on_hand = reserved, safety_stock = 0 WHERE sku_id = ${sku.id}`;
    await tx.$executeRaw`UPDATE stock_level SET on_hand = reserved + 250 WHERE sku_id = ${sku.id} AND location_id = ANY(${holders.map((h) => h.id)}::int[])`;
  }, { timeout: 60_000 });
  const [{ reservedBefore }] = await prisma.$queryRaw<{ reservedBefore: number }[]>`SELECT SUM(reserved)::int AS "reservedBefore" FROM stock_level WHERE sku_id = ${sku.id}`;
  const { key } = await createApiKey({ name: "burst", channelId: channel.id, createdBy: "bench" });
  const tag = `burst${Date.now().toString(36)}`;
  // One after the other: the first builds when the build is stale, the second reuses it.
  const servers = [await startServer(databaseUrl, 3199), await startServer(databaseUrl, 3198)];
  try {
    const city = CITIES[0];
    const started = performance.now();
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: 64 }, async (_, c) => {
        for (let i = next++; i < 5000; i = next++) {
          const res = await fetch(`${servers[c % 2].base}/api/v1/orders`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${key}`, "idempotency-key": `${tag}-${i}` },
            body: JSON.stringify({ orderNo: `${tag}-${i}`, destination: { city: city.name, province: city.province, lat: city.latitude, lng: city.longitude }, lines: [{ sku: sku.code, quantity: 1 }] }),
          });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const [level] = await prisma.$queryRaw<{ on_hand: number; reserved: number; negative: number }[]>`
      SELECT SUM(on_hand)::int AS on_hand, SUM(reserved)::int AS reserved,
             COUNT(*) FILTER (WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand)::int AS negative
      FROM stock_level WHERE sku_id = ${sku.id}`;
    const [{ entries }] = await prisma.$queryRaw<{ entries: number }[]>`
      SELECT COUNT(*)::int AS entries FROM stock_ledger
      WHERE sku_id = ${sku.id} AND type = 'RESERVE'
        AND reference IN (SELECT 'order:' || id FROM customer_order WHERE external_ref LIKE ${tag + "-%"})`;
    console.log(`\nlive-stream burst (${sku.code}, 2 app instances, 64 clients): ${[...statuses].map(([s, n]) => `${n} × ${s}`).join(", ")} in ${seconds.toFixed(1)} s; ` +
      `stock of the SKU: on hand ${level.on_hand}, reserved ${level.reserved} (${reservedBefore} before), rows below zero ${level.negative}; RESERVE ledger entries of these orders: ${entries}`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
