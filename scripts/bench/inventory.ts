import type { DataScope } from "@/lib/auth/roles";
import { DEFAULT_QUERY, type GridQuery } from "@/lib/inventory/grid-query";
import { db } from "@/lib/server/db";
import { exportGridRows } from "@/lib/server/inventory/export";
import { getInventoryGrid } from "@/lib/server/inventory/grid";
import { getLocationDetail } from "@/lib/server/inventory/location";
import { getSkuDetail } from "@/lib/server/inventory/sku";
import { measure, ms } from "./stats";

const NETWORK: DataScope = { kind: "network" };

/** Server time of the inventory grid's first page (per filter, sort and scope), the SKU page and the location page. */
export async function benchInventory() {
  const prisma = db();
  const brand = await prisma.brand.findFirstOrThrow({ orderBy: { id: "asc" } });
  const store = await prisma.location.findFirstOrThrow({ where: { type: "STORE" }, orderBy: { id: "asc" } });
  const [{ category }] = await prisma.$queryRaw<{ category: string }[]>`SELECT category FROM sku GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1`;
  // The SKU with the most ledger entries and lots: the heaviest SKU page.
  const [{ code: skuCode }] = await prisma.$queryRaw<{ code: string }[]>`
    SELECT k.code FROM sku k JOIN stock_level sl ON sl.sku_id = k.id GROUP BY k.code ORDER BY SUM(sl.on_hand) DESC LIMIT 1`;
  const warehouse = await prisma.location.findFirstOrThrow({ where: { type: "WAREHOUSE" }, orderBy: { id: "asc" } });
  const q = (change: Partial<GridQuery>): GridQuery => ({ ...DEFAULT_QUERY, ...change });

  const grid: [string, DataScope, GridQuery][] = [
    ["HQ, no filter", NETWORK, q({})],
    [`HQ, brand = ${brand.code}`, NETWORK, q({ brand: brand.code })],
    [`HQ, category = ${category}`, NETWORK, q({ category })],
    ["HQ, location type = STORE", NETWORK, q({ type: "STORE" })],
    ["HQ, location type = WAREHOUSE", NETWORK, q({ type: "WAREHOUSE" })],
    ["HQ, region = NORTH", NETWORK, q({ region: "NORTH" })],
    ["HQ, below safety", NETWORK, q({ below: true })],
    ["HQ, stock-out", NETWORK, q({ out: true })],
    ["HQ, aged 90+", NETWORK, q({ aged: true })],
    ['HQ, search "summit down" (SKU names)', NETWORK, q({ q: "summit down" })],
    [`HQ, search "${store.code}"`, NETWORK, q({ q: store.code })],
    ["HQ, no filter, page 100", NETWORK, q({ page: 100 })],
    ["HQ, no filter, sort ATP ↓", NETWORK, q({ sort: "atp", dir: "desc" })],
    ["HQ, no filter, sort on hand ↑", NETWORK, q({ sort: "onHand", dir: "asc" })],
    ["HQ, no filter, sort age (oldest first)", NETWORK, q({ sort: "age", dir: "desc" })],
    [`HQ, brand = ${brand.code}, sort ATP ↓`, NETWORK, q({ brand: brand.code, sort: "atp", dir: "desc" })],
    [`brand partner (${brand.code}), no filter`, { kind: "brand", brandId: brand.id }, q({})],
    [`brand partner (${brand.code}), stock-out`, { kind: "brand", brandId: brand.id }, q({ out: true })],
    [`store manager (${store.code}), no filter`, { kind: "location", locationId: store.id }, q({})],
    [`store manager (${store.code}), sort ATP ↓`, { kind: "location", locationId: store.id }, q({ sort: "atp", dir: "desc" })],
  ];
  console.log("\n| inventory grid, first page (50 rows + capped count) | rows counted | p50 | p95 | max | runs |\n|---|---|---|---|---|---|");
  for (const [name, scope, query] of grid) {
    const page = await getInventoryGrid(scope, query);
    const t = await measure(() => getInventoryGrid(scope, query), 20);
    const counted = `${page.total.toLocaleString("en-US")}${page.capped ? "+" : ""}`;
    console.log(`| ${name} | ${counted} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.max)} | ${t.runs} |`);
  }

  console.log("\n| inventory pages, data | p50 | p95 | max | runs |\n|---|---|---|---|---|");
  const pages: [string, () => Promise<unknown>][] = [
    [`SKU page, HQ (${skuCode})`, () => getSkuDetail(NETWORK, skuCode)],
    [`SKU page, store manager (${store.code})`, () => getSkuDetail({ kind: "location", locationId: store.id }, skuCode)],
    [`location page, HQ (${warehouse.code}, 10,000 SKUs)`, () => getLocationDetail(NETWORK, warehouse.code)],
    [`location page, brand partner (${brand.code} at ${warehouse.code})`, () => getLocationDetail({ kind: "brand", brandId: brand.id }, warehouse.code)],
  ];
  for (const [name, fn] of pages) {
    const t = await measure(fn, 20);
    console.log(`| ${name} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.max)} | ${t.runs} |`);
  }

  // Export: rows per second streaming a large filter (rows only, no HTTP).
  const started = performance.now();
  let rows = 0;
  for await (const batch of exportGridRows(NETWORK, q({ category }))) rows += batch.length;
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nCSV export rows, HQ, category = ${category}: ${rows.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s ` +
    `(${Math.round(rows / seconds).toLocaleString("en-US")} rows/s)`);
}
