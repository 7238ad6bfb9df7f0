import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { login, query, snapshot, USERS } from "./helpers";

// Expected numbers come from the database directly; row counts by brand / location type do not move when other
// specs change quantities, so those are what the assertions compare.

const grid = (page: Page) => page.getByTestId("inventory-grid");
const rows = (page: Page) => grid(page).getByTestId("grid-row");
const numbers = async (page: Page, cell: string) =>
  (await grid(page).getByTestId(cell).allInnerTexts()).map((t) => Number(t.replace(/[^\d-]/g, "")));

async function partnerBrand() {
  const [brand] = await query<{ id: number; code: string; name: string }>(
    "SELECT b.id, b.code, b.name FROM app_user u JOIN brand b ON b.id = u.brand_id WHERE u.email = $1",
    [USERS.partner],
  );
  return brand;
}

test("the grid filters, sorts and pages on the server, and a filtered view is a link", async ({ page }) => {
  const brand = await partnerBrand();
  const [{ n: expected }] = await query<{ n: string }>(
    `SELECT COUNT(*) AS n FROM stock_level sl JOIN sku k ON k.id = sl.sku_id JOIN location l ON l.id = sl.location_id
     WHERE k.brand_id = $1 AND l.type = 'DC'`,
    [brand.id],
  );
  await login(page, USERS.hq);
  await page.getByTestId("main-nav").getByRole("link", { name: "Inventory" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inventory");
  await expect(rows(page)).toHaveCount(50);
  await expect(page.getByTestId("grid-summary")).toHaveText("Showing 1–50 of 10,000+ stock levels");
  await expect(page.getByTestId("intake-link")).toHaveAttribute("href", "/inventory/intake");
  await snapshot(page, "inventory-grid-en");

  // Selects apply as soon as they change.
  await page.getByTestId("filter-brand").selectOption(brand.code);
  await expect(page).toHaveURL(new RegExp(`[?&]brand=${brand.code}(&|$)`));
  await page.getByTestId("filter-type").selectOption("DC");
  await expect(page).toHaveURL(/type=DC/);
  await expect(page.getByTestId("grid-summary")).toHaveText(`Showing 1–50 of ${Number(expected).toLocaleString("en-US")} stock levels`);
  for (const b of await grid(page).getByTestId("cell-brand").allInnerTexts()) expect(b).toBe(brand.name);
  for (const t of await grid(page).getByTestId("cell-type-region").allInnerTexts()) expect(t).toMatch(/^Regional DC · /);

  // Sort by on hand: largest first, then smallest first.
  await grid(page).getByTestId("sort-onHand").click();
  await expect(page).toHaveURL(/sort=onHand/);
  await expect(grid(page).locator("th[aria-sort=descending]")).toContainText("On hand");
  const desc = await numbers(page, "cell-onHand");
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  await grid(page).getByTestId("sort-onHand").click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(grid(page).locator("th[aria-sort=ascending]")).toContainText("On hand");
  const asc = await numbers(page, "cell-onHand");
  expect(asc).toEqual([...asc].sort((a, b) => a - b));

  // Next page keeps filters and sort.
  const firstPage = await grid(page).getByTestId("cell-sku").allInnerTexts();
  await page.getByTestId("page-next").click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/brand=/);
  await expect(page.getByTestId("page-current")).toHaveText("2");
  await expect(page.getByTestId("grid-summary")).toContainText("Showing 51–100 of");
  const second = await numbers(page, "cell-onHand");
  expect(second[0]).toBeGreaterThanOrEqual(asc[asc.length - 1]);
  expect(await grid(page).getByTestId("cell-sku").allInnerTexts()).not.toEqual(firstPage);

  // The URL alone reproduces the view.
  const url = page.url();
  await page.goto("/dashboard");
  await page.goto(url);
  await expect(page.getByTestId("page-current")).toHaveText("2");
  await expect(page.getByTestId("filter-brand")).toHaveValue(brand.code);

  // Status filter: every row carries the badge.
  await page.goto("/inventory?out=1");
  await expect(rows(page).first()).toBeVisible();
  for (const s of await grid(page).locator("[data-status]").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))) expect(s).toBe("out");
});

test("the filter form works without JavaScript, and search narrows to one location", async ({ page, browser }) => {
  const [loc] = await query<{ code: string; n: string }>(
    "SELECT l.code, COUNT(*) AS n FROM location l JOIN stock_level sl ON sl.location_id = l.id WHERE l.type = 'STORE' GROUP BY l.code ORDER BY l.code LIMIT 1",
  );
  await login(page, USERS.merch);
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const p = await noJs.newPage();
  // /inventory streams behind its loading state; without JavaScript it points to the plain view.
  await p.goto("/inventory");
  await p.getByTestId("plain-link").click();
  await expect(p).toHaveURL(/\/inventory\/plain$/);
  await p.getByTestId("filter-q").fill(loc.code);
  await p.getByTestId("filter-below").check();
  await p.getByTestId("filter-apply").click();
  // The GET form sends its empty fields too; the page answers with the tidy link.
  await expect(p).toHaveURL(new RegExp(`/inventory/plain\\?q=${loc.code}&below=1$`));
  await expect(p.getByTestId("grid-row").first()).toBeVisible();
  for (const code of await p.getByTestId("cell-location").allInnerTexts()) expect(code).toBe(loc.code);
  for (const s of await p.locator("[data-status]").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))) expect(s).toBe("below");
  await p.getByTestId("sort-atp").click();
  await expect(p).toHaveURL(new RegExp(`/inventory/plain\\?q=${loc.code}&below=1&sort=atp$`));
  await expect(p.getByTestId("grid-row").first()).toBeVisible();
  await noJs.close();

  await page.goto("/inventory");
  await page.getByTestId("filter-q").fill(loc.code);
  await page.getByTestId("filter-q").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${loc.code}`));
  const total = Number(loc.n);
  await expect(page.getByTestId("grid-summary")).toHaveText(`Showing 1–50 of ${total.toLocaleString("en-US")} stock levels`);

  // A bad parameter is named, and the rest of the view still works.
  await page.goto("/inventory?sort=price&type=STORE");
  await expect(page.getByTestId("param-problems")).toContainText("Cannot sort by “price”");
  await expect(rows(page)).toHaveCount(50);

  await page.goto("/inventory?q=no-such-thing-anywhere");
  await expect(page.getByTestId("grid-empty")).toContainText("No stock levels match these filters.");
});

test("CSV export downloads exactly the filtered rows", async ({ page }) => {
  const brand = await partnerBrand();
  const expected = await query<{ sku: string; location: string; on_hand: number }>(
    `SELECT k.code AS sku, l.code AS location, sl.on_hand FROM stock_level sl JOIN sku k ON k.id = sl.sku_id
     JOIN location l ON l.id = sl.location_id WHERE k.brand_id = $1 AND l.type = 'WAREHOUSE' ORDER BY k.code, l.code`,
    [brand.id],
  );
  expect(expected.length).toBeGreaterThan(0);
  await login(page, USERS.hq);
  await page.goto(`/inventory?brand=${brand.code}&type=WAREHOUSE&sort=atp`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^inventory-\d{12}\.csv$/);
  const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "sku_code,sku_name,brand,category,location_code,location_name,location_type,region,on_hand,reserved,safety_stock,in_transit,atp,status,oldest_lot_age_days",
  );
  const body = lines.slice(1).map((l) => l.split(","));
  expect(body).toHaveLength(expected.length);
  expect(body.map((c) => c[0])).toEqual(expected.map((r) => r.sku));
  expect(new Set(body.map((c) => c[2]))).toEqual(new Set([brand.name]));
  expect(new Set(body.map((c) => c[6]))).toEqual(new Set(["WAREHOUSE"]));

  const bad = await page.request.get("/inventory/export?type=SHOP");
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("type");
});

test("a SKU page renders its stock-by-location chart, lots and ledger", async ({ page }) => {
  // A SKU the national warehouse holds plenty of, so the warehouse is certainly in the chart.
  const [{ code }] = await query<{ code: string }>(
    `SELECT k.code FROM stock_level sl JOIN sku k ON k.id = sl.sku_id JOIN location l ON l.id = sl.location_id
     WHERE l.code = 'WH-01' AND sl.on_hand - sl.reserved - sl.safety_stock > 50 ORDER BY k.code LIMIT 1`,
  );
  await login(page, USERS.hq);
  await page.goto(`/inventory?q=${encodeURIComponent(code)}&type=WAREHOUSE`);
  await expect(rows(page)).toHaveCount(1);
  const [expected] = await query<{ on_hand: string; reserved: string; locations: string }>(
    `SELECT SUM(sl.on_hand) AS on_hand, SUM(sl.reserved) AS reserved, COUNT(*) AS locations
     FROM stock_level sl JOIN sku k ON k.id = sl.sku_id WHERE k.code = $1`,
    [code],
  );
  await grid(page).getByTestId("cell-sku").first().click();
  await expect(page).toHaveURL(`/inventory/sku/${encodeURIComponent(code)}`);
  await expect(page.getByTestId("sku-code")).toHaveText(code);
  const kpi = async (id: string) => Number((await page.getByTestId(`${id}-value`).innerText()).replace(/[^\d]/g, ""));
  expect(await kpi("kpi-on-hand")).toBe(Number(expected.on_hand));
  expect(await kpi("kpi-reserved")).toBe(Number(expected.reserved));
  const chart = page.getByTestId("chart-by-location");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(await chart.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(3);
  await expect(chart.getByText("WH-01")).toBeVisible();
  await expect(page.getByTestId("sku-locations").locator("tbody tr")).toHaveCount(Number(expected.locations));
  await expect(page.getByTestId("sku-lots").locator("tbody tr").first()).toBeVisible();
  // Other specs may have moved this SKU's stock before this one ran: compare with the newest entry itself.
  const [newest] = await query<{ actor: string; location: string }>(
    `SELECT l.actor, loc.code AS location FROM stock_ledger l JOIN sku k ON k.id = l.sku_id JOIN location loc ON loc.id = l.location_id
     WHERE k.code = $1 ORDER BY l.id DESC LIMIT 1`,
    [code],
  );
  const firstEntry = page.getByTestId("sku-ledger").locator("tbody tr").first();
  await expect(firstEntry).toContainText(newest.actor);
  await expect(firstEntry).toContainText(newest.location);
  await snapshot(page, "inventory-sku-en");

  await page.getByTestId("sku-locations").getByRole("link", { name: "WH-01" }).click();
  await expect(page).toHaveURL("/inventory/location/WH-01");
  await expect(page.getByTestId("chart-age").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("location-stock-outs").or(page.getByText("No stock-outs here."))).toBeVisible();
  await snapshot(page, "inventory-location-en");
});

test("the inventory pages in Chinese", async ({ page }) => {
  await login(page, USERS.hq);
  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("全网库存总览");
  await page.goto("/inventory?out=1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("库存");
  await expect(grid(page).locator("[data-status=out]").first()).toHaveText("缺货");
  await snapshot(page, "inventory-grid-zh-CN");
  await grid(page).getByTestId("cell-sku").first().click();
  await expect(page.getByTestId("chart-by-location").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "各库位库存" })).toBeVisible();
  await snapshot(page, "inventory-sku-zh-CN");
  await page.goto("/inventory/location/ST-SHA-001");
  await expect(page.getByRole("heading", { name: "库龄分布" })).toBeVisible();
  await snapshot(page, "inventory-location-zh-CN");
});

test("a brand partner sees only their brand, and another brand's SKU page is a 404", async ({ page }) => {
  const brand = await partnerBrand();
  const others = await query<{ name: string }>("SELECT name FROM brand WHERE id <> $1", [brand.id]);
  const [other] = await query<{ code: string }>("SELECT code FROM sku WHERE brand_id <> $1 ORDER BY code LIMIT 1", [brand.id]);
  const [own] = await query<{ code: string }>("SELECT code FROM sku WHERE brand_id = $1 ORDER BY code LIMIT 1", [brand.id]);

  await login(page, USERS.partner);
  await page.goto("/inventory");
  await expect(rows(page)).toHaveCount(50);
  await expect(page.getByTestId("filter-brand")).toHaveCount(0);
  for (const b of await grid(page).getByTestId("cell-brand").allInnerTexts()) expect(b).toBe(brand.name);
  // Another brand in the URL cannot widen the view.
  await page.goto(`/inventory?q=${encodeURIComponent(other.code)}`);
  await expect(page.getByTestId("grid-empty")).toBeVisible();
  await page.goto("/inventory?sort=onHand");
  for (const b of await grid(page).getByTestId("cell-brand").allInnerTexts()) expect(b).toBe(brand.name);
  const html = await page.content();
  for (const o of others) expect(html).not.toContain(o.name);
  await snapshot(page, "inventory-grid-brand-partner");

  const res = await page.goto(`/inventory/sku/${encodeURIComponent(other.code)}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  expect((await page.goto(`/inventory/sku/${encodeURIComponent(own.code)}`))?.status()).toBe(200);
  await expect(page.getByTestId("sku-brand")).toHaveText(brand.name);

  // The export holds their brand only, whatever the filters say.
  const csv = await page.request.get(`/inventory/export?type=WAREHOUSE`);
  expect(csv.status()).toBe(200);
  const brands = new Set((await csv.text()).trimEnd().split("\r\n").slice(1).map((l) => l.split(",")[2]));
  expect(brands).toEqual(new Set([brand.name]));

  // A location page shows their brand's stock there only.
  await page.goto("/inventory/location/WH-01");
  await expect(page.getByTestId("brand-only-note")).toBeVisible();
  const [wh] = await query<{ n: string }>(
    "SELECT COUNT(*) AS n FROM stock_level sl JOIN sku k ON k.id = sl.sku_id JOIN location l ON l.id = sl.location_id WHERE l.code = 'WH-01' AND k.brand_id = $1",
    [brand.id],
  );
  expect(Number((await page.getByTestId("kpi-skus-value").innerText()).replace(/[^\d]/g, ""))).toBe(Number(wh.n));
});

test("a store manager sees their store's grid and only network ATP elsewhere", async ({ page }) => {
  const [store] = await query<{ id: number; code: string }>(
    "SELECT l.id, l.code FROM app_user u JOIN location l ON l.id = u.location_id WHERE u.email = $1",
    [USERS.store],
  );
  await login(page, USERS.store);
  await page.goto("/inventory");
  await expect(rows(page)).toHaveCount(50);
  for (const c of await grid(page).getByTestId("cell-location").allInnerTexts()) expect(c).toBe(store.code);
  await expect(page.getByTestId("intake-link")).toHaveCount(0);
  await grid(page).getByTestId("cell-sku").first().click();
  await expect(page.getByTestId("network-view-note")).toBeVisible();
  await expect(page.getByTestId("chart-by-location").getByText(store.code)).toBeVisible();
  expect((await page.goto("/inventory/location/WH-01"))?.status()).toBe(404);
  expect((await page.goto(`/inventory/location/${store.code}`))?.status()).toBe(200);
});
