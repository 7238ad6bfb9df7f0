import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { login, query, snapshot, USERS } from "./helpers";

// Replenishment: HQ looks at a warehouse (rows with quantities, the CSV's first rows are the table's), a store manager
// sees their store only, a brand partner cannot open the section.
const STORE = "ST-SHA-001";

/** The warehouse that fulfilled the most order lines in the last 28 days: it has something to order. */
async function busyWarehouse(): Promise<string> {
  const [row] = await query<{ code: string }>(
    `SELECT l.code FROM location l JOIN order_line ol ON ol.fulfill_location_id = l.id
     WHERE l.type = 'WAREHOUSE' AND ol.placed_at >= (now() AT TIME ZONE 'UTC') - interval '28 days'
     GROUP BY l.code ORDER BY count(*) DESC, l.code LIMIT 1`,
  );
  expect(row, "a warehouse with recent sales").toBeTruthy();
  return row.code;
}

/** [SKU code, quantity to order] of the table's rows, top to bottom, once the streamed part has arrived. */
async function tableRows(page: Page): Promise<[string, number][]> {
  await expect(page.getByTestId("replenishment-loading")).toHaveCount(0);
  await expect(page.getByTestId("replenishment-table")).toBeVisible();
  return page.getByTestId("replenishment-table").locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute("data-sku") ?? "", Number(r.getAttribute("data-quantity"))] as [string, number]),
  );
}

test("HQ sees what a warehouse should order, and the CSV starts with the same rows", async ({ page }) => {
  const warehouse = await busyWarehouse();
  await login(page, USERS.hq);
  await page.getByTestId("main-nav").getByRole("link", { name: "Replenishment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Replenishment");
  await page.getByTestId("filter-location").selectOption(warehouse);
  await expect(page).toHaveURL(new RegExp(`location=${warehouse}`));
  await expect(page.getByTestId("replenishment-subtitle")).toContainText(warehouse);
  const rows = await tableRows(page);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThanOrEqual(50);
  expect(rows[0][1], "the largest quantity to order comes first").toBeGreaterThan(0);
  const quantities = rows.map((r) => r[1]);
  expect(quantities).toEqual([...quantities].sort((a, b) => b - a));
  await expect(page.getByTestId("replenishment-chart")).toBeVisible();
  expect(Number((await page.getByTestId("kpi-needing").innerText()).replace(/\D/g, ""))).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^replenishment-${warehouse}-\\d{12}\\.csv$`));
  const lines = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  const header = lines[0].split(",");
  expect(header.slice(0, 2)).toEqual(["location_code", "sku_code"]);
  const sku = header.indexOf("sku_code");
  const qty = header.indexOf("quantity_to_order");
  // SKU names have no commas in the demo data; the first rows are enough to compare.
  const csvRows = lines.slice(1, 11).map((l) => l.split(","));
  expect(csvRows.map((c) => [c[sku], Number(c[qty])])).toEqual(rows.slice(0, 10));
  expect(new Set(csvRows.map((c) => c[0]))).toEqual(new Set([warehouse]));

  // "Needs an order only", then the SKU sort: still server-side, still the same location.
  await page.getByTestId("filter-needs").check();
  await expect(page).toHaveURL(/needs=1/);
  expect((await tableRows(page)).every(([, q]) => q > 0)).toBe(true);
  await page.getByTestId("sort-sku").click();
  await expect(page).toHaveURL(/sort=sku/);
  const codes = (await tableRows(page)).map(([c]) => c);
  expect(codes).toEqual([...codes].sort());
  await page.goto(`/replenishment?location=${warehouse}`);
  await tableRows(page);
  await snapshot(page, "replenishment-warehouse-en");

  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("补货建议");
  await tableRows(page);
  await snapshot(page, "replenishment-warehouse-zh-CN");
  await page.getByTestId("language-switch").selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Replenishment");

  const bad = await page.request.get("/replenishment/export?sort=price");
  expect(bad.status()).toBe(400);
});

test("a store manager sees their store only", async ({ page }) => {
  const warehouse = await busyWarehouse();
  await login(page, USERS.store);
  await page.goto("/replenishment");
  await expect(page.getByTestId("fixed-location")).toContainText(STORE);
  await expect(page.getByTestId("filter-location")).toHaveCount(0);
  await expect(page.getByTestId("replenishment-subtitle")).toContainText(STORE);
  await expect(page.getByTestId("replenishment-table").or(page.getByTestId("replenishment-empty"))).toBeVisible();
  await snapshot(page, "replenishment-store-en");

  // Another location by URL: not found, for the page and the export alike.
  expect((await page.goto(`/replenishment?location=${warehouse}`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await page.request.get(`/replenishment/export?location=${warehouse}`)).status()).toBe(404);
  const own = await page.request.get("/replenishment/export");
  expect(own.status()).toBe(200);
  const body = (await own.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1);
  expect(body.length).toBeGreaterThan(0);
  expect(new Set(body.map((l) => l.split(",")[0]))).toEqual(new Set([STORE]));
});

test("a brand partner cannot open replenishment", async ({ page }) => {
  await login(page, USERS.partner);
  await expect(page.getByTestId("main-nav").getByRole("link", { name: "Replenishment" })).toHaveCount(0);
  expect((await page.goto("/replenishment"))?.status()).toBe(404);
  expect((await page.request.get("/replenishment/export")).status()).toBe(403);
});
