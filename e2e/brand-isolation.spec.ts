import { expect, test } from "@playwright/test";
import { kpi, login, query, snapshot, USERS } from "./helpers";

test("a brand partner sees only their brand's numbers", async ({ page }) => {
  const [own] = await query<{ on_hand: string; name: string; brand_id: number }>(
    `SELECT SUM(sl.on_hand) AS on_hand, MIN(b.name) AS name, MIN(b.id) AS brand_id
     FROM app_user u JOIN brand b ON b.id = u.brand_id JOIN sku k ON k.brand_id = b.id
     JOIN stock_level sl ON sl.sku_id = k.id WHERE u.email = $1`,
    [USERS.partner],
  );
  const [network] = await query<{ on_hand: string }>("SELECT SUM(on_hand) AS on_hand FROM stock_level");
  const others = await query<{ name: string }>("SELECT name FROM brand WHERE id <> $1", [own.brand_id]);
  expect(Number(own.on_hand)).toBeLessThan(Number(network.on_hand));

  await login(page, USERS.partner);
  await expect(page.getByTestId("scope-label")).toHaveText(`Brand: ${own.name}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${own.name} across the network`);
  expect(await kpi(page, "kpi-on-hand")).toBe(Number(own.on_hand));
  const rows = page.getByTestId("at-risk-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const brand of await rows.locator("td:nth-child(2)").allInnerTexts()) expect(brand).toBe(own.name);
  const html = await page.content();
  for (const other of others) expect(html).not.toContain(other.name);
  await snapshot(page, "dashboard-brand-partner");
});

for (const section of ["channels", "routing", "orders", "replenishment", "audit", "settings"]) {
  test(`a brand partner cannot open /${section}`, async ({ page }) => {
    await login(page, USERS.partner);
    const response = await page.goto(`/${section}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
  });
}

test("a store manager cannot open HQ-only pages", async ({ page }) => {
  await login(page, USERS.store);
  for (const section of ["channels", "routing", "audit", "settings", "brands"]) {
    expect((await page.goto(`/${section}`))?.status(), section).toBe(404);
  }
});
