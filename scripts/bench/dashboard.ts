import type { DataScope } from "@/lib/auth/roles";
import { getDashboard } from "@/lib/server/dashboard";
import { db } from "@/lib/server/db";
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
