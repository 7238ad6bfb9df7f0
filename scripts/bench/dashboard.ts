import type { DataScope } from "@/lib/auth/roles";
import { getDashboard } from "@/lib/server/dashboard";
import { db } from "@/lib/server/db";
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
