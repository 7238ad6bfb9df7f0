import { expect, test } from "@playwright/test";
import { kpi, login, query, snapshot, USERS } from "./helpers";

test("the HQ dashboard shows network totals and renders its charts", async ({ page }) => {
  const [expected] = await query<{ on_hand: string; reserved: string }>(
    "SELECT SUM(on_hand) AS on_hand, SUM(reserved) AS reserved FROM stock_level",
  );
  await login(page, USERS.hq);
  expect(await kpi(page, "kpi-on-hand")).toBe(Number(expected.on_hand));
  expect(await kpi(page, "kpi-reserved")).toBe(Number(expected.reserved));
  // One stacked bar per location type, three series each (ATP, reserved, safety).
  const byType = page.getByTestId("chart-by-type");
  await expect(byType.locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(await byType.locator(".recharts-bar-rectangle").count()).toBeGreaterThanOrEqual(3);
  await expect(byType.getByText("Regional DC")).toBeVisible();
  await expect(page.getByTestId("chart-by-region").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("at-risk-table").locator("tbody tr")).toHaveCount(10);
  // Demo lots are dated back up to ~170 days, so every age bucket holds stock.
  await expect(page.getByTestId("chart-age").locator(".recharts-bar-rectangle")).toHaveCount(4);
  await snapshot(page, "dashboard-en");
});

test("the language switch turns the console into Chinese and back", async ({ page }) => {
  await login(page, USERS.merch);
  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("全网库存总览");
  await expect(page.getByTestId("main-nav").getByRole("link", { name: "库存" })).toBeVisible();
  await expect(page.getByTestId("chart-by-type").getByText("区域仓")).toBeVisible();
  await snapshot(page, "dashboard-zh-CN");
  await page.getByTestId("language-switch").selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Network dashboard");
});

test("a store manager's dashboard covers their store only", async ({ page }) => {
  const [expected] = await query<{ on_hand: string; name: string }>(
    `SELECT SUM(sl.on_hand) AS on_hand, MIN(l.name) AS name FROM stock_level sl
     JOIN location l ON l.id = sl.location_id JOIN app_user u ON u.location_id = l.id WHERE u.email = $1`,
    [USERS.store],
  );
  await login(page, USERS.store);
  await expect(page.getByTestId("scope-label")).toHaveText(`Location: ${expected.name}`);
  expect(await kpi(page, "kpi-on-hand")).toBe(Number(expected.on_hand));
});

test("the dashboard's numbers refresh without reloading the page", async ({ page }) => {
  await login(page, USERS.hq);
  const before = await kpi(page, "kpi-on-hand");
  const [row] = await query<{ location_id: number; sku_id: number }>(
    "SELECT location_id, sku_id FROM stock_level ORDER BY location_id, sku_id LIMIT 1",
  );
  await query(
    `WITH m AS (SELECT set_config('yipan.movement', 'RECEIVE', true), set_config('yipan.actor', 'e2e', true))
     UPDATE stock_level SET on_hand = on_hand + 25 FROM m WHERE location_id = $1 AND sku_id = $2`,
    [row.location_id, row.sku_id],
  );
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect.poll(() => kpi(page, "kpi-on-hand")).toBe(before + 25);
});
