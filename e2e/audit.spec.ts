import { expect, test } from "@playwright/test";
import { login, query, snapshot, USERS } from "./helpers";

test("HQ creates an API key, an integration posts a receipt with it, and the audit trail shows it verified", async ({ page }) => {
  const [target] = await query<{ location: string; sku: string; on_hand: number }>(
    `SELECT l.code AS location, k.code AS sku, sl.on_hand FROM stock_level sl JOIN location l ON l.id = sl.location_id
     JOIN sku k ON k.id = sl.sku_id WHERE l.type = 'WAREHOUSE' ORDER BY k.code LIMIT 1`,
  );
  await login(page, USERS.hq);
  await page.goto("/settings");
  await page.getByLabel("Key name").fill("E2E WMS");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-key-value").innerText()).trim();
  expect(key).toMatch(/^yp_[0-9a-f]{12}_/);
  await expect(page.getByTestId("api-keys")).toContainText("E2E WMS");

  const body = { type: "RECEIVE", reason: "ASN e2e", reference: "ASN-E2E-1", lines: [{ location: target.location, sku: target.sku, quantity: 7 }] };
  const headers = { authorization: `Bearer ${key}`, "idempotency-key": `e2e-${Date.now()}` };
  const res = await page.request.post("/api/v1/stock/adjustments", { data: body, headers });
  expect(res.status()).toBe(201);
  expect((await res.json()).adjustment.lines[0]).toEqual({ location: target.location, sku: target.sku, onHandBefore: target.on_hand, onHandAfter: target.on_hand + 7 });
  const retry = await page.request.post("/api/v1/stock/adjustments", { data: body, headers });
  expect(retry.headers()["idempotent-replayed"]).toBe("true");
  const bad = await page.request.post("/api/v1/stock/adjustments", { data: { ...body, lines: [{ ...body.lines[0], quantity: -1 }] }, headers: { ...headers, "idempotency-key": "e2e-bad" } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.fields[0]).toMatchObject({ field: "lines[0].quantity", value: -1 });

  await page.goto(`/audit?sku=${encodeURIComponent(target.sku)}&type=RECEIVE`);
  const rows = page.getByTestId("ledger-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("api:E2E WMS");
  await expect(rows.first()).toContainText(`${target.on_hand} → ${target.on_hand + 7}`);
  await expect(rows.first()).toContainText("ASN-E2E-1");

  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByTestId("verify-ok")).toBeVisible({ timeout: 30_000 });
  await snapshot(page, "audit-en");
  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("审计");
  await snapshot(page, "audit-zh-CN");
  await page.getByTestId("language-switch").selectOption("en");
});

test("bad audit filters get a readable message", async ({ page }) => {
  await login(page, USERS.merch);
  await page.goto("/audit?from=yesterday");
  await expect(page.getByTestId("filter-error")).toContainText("from: use a date like 2026-11-22");
});

test("an integration without a key is refused with a JSON error", async ({ request }) => {
  const res = await request.post("/api/v1/stock/adjustments", { data: {} });
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("API key") } });
});
