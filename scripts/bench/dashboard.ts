import type { DataScope } from "@/lib/auth/roles";
import { getDashboard } from "@/lib/server/dashboard";
import { db } from "@/lib/server/db";
import { foldRollups } from "@/lib/server/rollups";
import { declareMovement } from "@/lib/server/stock/movement";
import { signIn, startServer } from "./http";
import { measure, ms } from "./stats";

/** Server time of the dashboard's data (all its queries), per scope. */
export async function benchDashboard() {
  const prisma = db();
  const brand = await prisma.brand.findFirstOrThrow({ orderBy: { id: "asc" } });
  const store = await prisma.location.findFirstOrThrow({ where: { type: "STORE" }, orderBy: { id: "asc" } });
  const scopes: [string, DataScope][] = [
    ["HQ (network)", { kind: "network" }],
    [`brand partner (${brand.code})`, { kind: "brand", brandId: brand.id }],
    [`store manager (${store.code})`, { kind: "location", locationId: store.id }],
  ];
  console.log("\n| dashboard data, scope | p50 | p95 | max | runs |\n|---|---|---|---|---|");
  for (const [name, scope] of scopes) {
    const t = await measure(() => getDashboard(scope), 20);
    console.log(`| ${name} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.max)} | ${t.runs} |`);
  }
  await benchRollupBacklog();
}

/**
 * Reads stay exact between folds because they add the pending changes; this measures what that costs with a
 * backlog of 20,000 changed stock levels (≈ 10 s of reservations at the measured spread rate), and the fold.
 */
async function benchRollupBacklog() {
  const BACKLOG = 20_000;
  const shiftSafety = (by: number) =>
    db().$transaction(async (tx) => {
      await declareMovement(tx, { type: "ADJUST", actor: "bench", reason: "rollup backlog" });
      await tx.$executeRaw`UPDATE stock_level SET safety_stock = safety_stock + ${by}
        WHERE (location_id, sku_id) IN (SELECT location_id, sku_id FROM stock_level ORDER BY sku_id, location_id LIMIT ${BACKLOG})`;
    }, { timeout: 120_000 });
  await foldRollups();
  await shiftSafety(1);
  const [{ pending }] = await db().$queryRaw<{ pending: number }[]>`SELECT COUNT(*)::int AS pending FROM stock_rollup_pending`;
  const state = globalThis as unknown as { yipanLastFold?: number };
  state.yipanLastFold = Date.now() + 3_600_000; // no background fold while measuring
  const t = await measure(() => getDashboard({ kind: "network" }), 20);
  const fold = performance.now();
  await foldRollups();
  const foldMs = performance.now() - fold;
  state.yipanLastFold = 0;
  console.log(`| HQ (network), ${pending.toLocaleString("en")} changes pending | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.max)} | ${t.runs} |`);
  console.log(`\nfold_rollups() of ${pending.toLocaleString("en")} pending changes: ${ms(foldMs)}`);
  await shiftSafety(-1);
  await foldRollups();
}

/** The whole /dashboard page over HTTP from `next start` (session, queries, render), per demo role. */
export async function benchDashboardPage(databaseUrl: string) {
  const server = await startServer(databaseUrl, 3199);
  try {
    console.log("\n| GET /dashboard (full page), role | p50 | p95 | max | runs |\n|---|---|---|---|---|");
    for (const [role, email] of [["HQ admin", "hq@yipan.dev"], ["brand partner", "partner@yipan.dev"], ["store manager", "store@yipan.dev"]]) {
      const cookie = await signIn(server.base, email, "yipan-demo");
      const t = await measure(async () => {
        const res = await fetch(`${server.base}/dashboard`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`/dashboard answered ${res.status}`);
        await res.text();
      }, 20);
      console.log(`| ${role} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.max)} | ${t.runs} |`);
    }
  } finally {
    await server.stop();
  }
}
