import { expect, test, type Page } from "@playwright/test";
import { login, query, snapshot, USERS } from "./helpers";
import { csv, ledgerCount, num, onHand, slowActions, stockRows, uploadCsv } from "./intake-helpers";

// Each test works on its own slice of stock levels (positions below), so they can run in parallel.

async function openIntake(page: Page, tab: "adjust" | "csv" = "adjust") {
  await login(page, USERS.hq);
  await page.goto(`/inventory/intake${tab === "csv" ? "?tab=csv" : ""}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stock intake");
}

test("HQ records a receipt with a reason, using the keyboard, and sees before → after", async ({ page }) => {
  const [row] = await stockRows({ from: 10, limit: 1 });
  await openIntake(page);
  const form = page.getByTestId("adjust-form");
  await form.getByLabel("Location code").fill(row.location);
  await form.getByLabel("SKU code").fill(row.sku);
  await expect(page.getByTestId("current-stock")).toContainText(`${row.on_hand.toLocaleString("en-US")} on hand`);
  await form.getByLabel("Quantity received").fill("7");
  await expect(page.getByTestId("current-preview")).toHaveText(
    `On hand ${row.on_hand.toLocaleString("en-US")} → ${(row.on_hand + 7).toLocaleString("en-US")}`,
  );
  await form.getByLabel("Reason").fill("PO 4711 delivered");
  await form.getByLabel("Reference (optional)").fill("PO-4711");
  await form.getByLabel("Reference (optional)").press("Enter");

  const result = page.getByTestId("intake-result");
  await expect(result).toContainText("Receipt recorded");
  expect(num(await result.getByTestId("result-before").innerText())).toBe(row.on_hand);
  expect(num(await result.getByTestId("result-after").innerText())).toBe(row.on_hand + 7);
  expect(await onHand(row.location, row.sku)).toBe(row.on_hand + 7);
  const [entry] = await query<{ actor: string; reason: string; reference: string; type: string }>(
    `SELECT actor, reason, reference, type::text FROM stock_ledger WHERE reference = 'PO-4711' ORDER BY id DESC LIMIT 1`,
  );
  expect(entry).toEqual({ actor: USERS.hq, reason: "PO 4711 delivered", reference: "PO-4711", type: "RECEIVE" });
  // Ready for the next line: the SKU field has the focus again.
  await expect(form.getByLabel("SKU code")).toBeFocused();
  await snapshot(page, "intake-adjust-en");
});

test("a count below what is reserved is refused inline and changes nothing", async ({ page }) => {
  const [row] = await stockRows({ from: 500, limit: 1, reservedAtLeast: 2 });
  const ledger = await ledgerCount(row.location, row.sku);
  await openIntake(page);
  const form = page.getByTestId("adjust-form");
  await form.getByRole("radio", { name: /^Count/ }).check();
  await form.getByLabel("Location code").fill(row.location);
  await form.getByLabel("SKU code").fill(row.sku);
  await form.getByLabel("Counted quantity (new on hand)").fill(String(row.reserved - 1));
  await form.getByRole("button", { name: "Record count" }).click();
  // Without a reason, nothing goes to the server.
  await expect(form.getByTestId("field-error")).toHaveText("is required");
  await form.getByLabel("Reason").fill("cycle count");
  await form.getByRole("button", { name: "Record count" }).click();
  await expect(form.getByTestId("field-error")).toContainText(`below the ${row.reserved} reserved for orders`);
  await expect(form.getByLabel("Counted quantity (new on hand)")).toHaveAttribute("aria-invalid", "true");
  expect(await onHand(row.location, row.sku)).toBe(row.on_hand);
  expect(await ledgerCount(row.location, row.sku)).toBe(ledger);
});

test("a CSV with bad rows shows the report, and applying is impossible", async ({ page }) => {
  const rows = await stockRows({ from: 100, limit: 3 });
  const ledger = await ledgerCount(rows[0].location, rows[0].sku);
  await openIntake(page, "csv");
  await page.locator("[name=import-reason]").fill("Cycle count November");
  await uploadCsv(page, "counts-bad.csv", csv([
    ["location_code", "sku_code", "quantity"],
    [rows[0].location, rows[0].sku, rows[0].reserved + 5],
    [rows[1].location, "NO-SUCH-SKU", 4],
    [rows[2].location, rows[2].sku, -3],
    [rows[0].location, rows[0].sku, rows[0].reserved + 6],
  ]));
  const report = page.getByTestId("import-report");
  await expect(report.getByTestId("report-summary")).toContainText("3 problems in 3 of 4 rows");
  const problems = report.getByTestId("report-table").locator("tbody tr");
  await expect(problems).toHaveCount(3);
  await expect(problems.nth(0).locator("td").first()).toHaveText("3");
  await expect(problems.nth(0)).toContainText("sku_code");
  await expect(problems.nth(0)).toContainText("NO-SUCH-SKU");
  await expect(problems.nth(0)).toContainText("no SKU has this code");
  await expect(problems.nth(1)).toContainText("a counted quantity cannot be negative");
  await expect(problems.nth(2)).toContainText("same location and SKU as row 2");
  await expect(page.getByTestId("apply-import")).toBeDisabled();
  await expect(page.getByTestId("apply-hint")).toHaveText("Applying is disabled until every problem in the report is fixed.");
  await snapshot(page, "intake-csv-report-en");
  expect(await ledgerCount(rows[0].location, rows[0].sku)).toBe(ledger);
  expect(await onHand(rows[0].location, rows[0].sku)).toBe(rows[0].on_hand);
});

test("rows that would go below reserved are flagged in the preview, and the import cannot be applied", async ({ page }) => {
  const [low] = await stockRows({ from: 600, limit: 1, reservedAtLeast: 2 });
  const [ok] = await stockRows({ from: 700, limit: 1 });
  await openIntake(page, "csv");
  await page.locator("[name=import-reason]").fill("Spot count");
  await uploadCsv(page, "spot.csv", csv([["location_code", "sku_code", "quantity"], [ok.location, ok.sku, ok.on_hand + 1], [low.location, low.sku, low.reserved - 1]]));
  await expect(page.getByTestId("report-table")).toContainText(`below the ${low.reserved} reserved for orders`);
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByTestId("line-3")).toHaveAttribute("data-flagged", "true");
  await expect(preview.getByTestId("line-2")).not.toHaveAttribute("data-flagged", "true");
  await expect(page.getByTestId("apply-import")).toBeDisabled();
  expect(await onHand(low.location, low.sku)).toBe(low.on_hand);
});

test("a good CSV is validated with progress, previewed, applied in one go, and the new on hand is shown", async ({ page }) => {
  const rows = await stockRows({ from: 1000, limit: 2500 });
  const target = (r: (typeof rows)[number]) => r.on_hand + 3; // a count above today's: never below reserved
  await openIntake(page, "csv");
  await slowActions(page, 300);
  await page.locator("[name=import-reason]").fill("Quarterly count");
  await page.locator("[name=import-reference]").fill("Q4-COUNT");
  await uploadCsv(page, "counts.csv", csv([["location_code", "sku_code", "quantity"], ...rows.map((r) => [r.location, r.sku, target(r)])]));

  // Real progress: 2,500 rows are checked in three slices.
  await expect(page.getByTestId("validate-status")).toContainText(/Validating… (1,000|2,000) of 2,500 rows/);
  const progress = page.getByTestId("validate-progress");
  expect(Number(await progress.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  await expect(page.getByTestId("report-summary")).toHaveText("All 2,500 rows are valid.");

  const preview = page.getByTestId("import-preview");
  await expect(preview.getByTestId("total-rows-value")).toHaveText("2,500");
  await expect(preview.getByTestId("total-in-value")).toHaveText("7,500");
  await expect(preview.getByTestId("line-2").getByTestId("after")).toHaveText(target(rows[0]).toLocaleString("en-US"));
  await snapshot(page, "intake-csv-preview-en");

  await page.getByTestId("apply-import").click();
  await expect(page.getByTestId("apply-progress")).toHaveAttribute("data-state", "indeterminate");
  await expect(page.getByTestId("import-applied")).toHaveText(
    "Applied 2,500 rows: 7,500 units in, 0 units out. The new on hand is shown below.",
  );
  await expect(page.getByTestId("apply-progress")).toHaveAttribute("data-state", "complete");
  const result = page.getByTestId("import-result");
  for (const [i, r] of [[0, rows[0]], [20, rows[20]]] as const) {
    const line = result.getByTestId(`line-${i + 2}`);
    await expect(line.getByTestId("before")).toHaveText(r.on_hand.toLocaleString("en-US"));
    await expect(line.getByTestId("after")).toHaveText(target(r).toLocaleString("en-US"));
    expect(await onHand(r.location, r.sku)).toBe(target(r));
  }
  expect(await onHand(rows[2499].location, rows[2499].sku)).toBe(target(rows[2499]));
  const [tx] = await query<{ n: string; entries: string }>(
    "SELECT COUNT(DISTINCT xmin::text) AS n, COUNT(*) AS entries FROM stock_ledger WHERE reference = 'Q4-COUNT'",
  );
  expect(tx).toEqual({ n: "1", entries: "2500" });
  await snapshot(page, "intake-csv-applied-en");
});

test("the intake page reads in Chinese", async ({ page, context, baseURL }) => {
  const rows = await stockRows({ from: 200, limit: 2 });
  await login(page, USERS.merch);
  await context.addCookies([{ name: "yipan-locale", value: "zh-CN", url: baseURL! }]);
  await page.goto("/inventory/intake");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("入库与盘点");
  const form = page.getByTestId("adjust-form");
  await form.getByLabel("仓点编码").fill(rows[0].location);
  await form.getByLabel("SKU 编码").fill(rows[0].sku);
  await expect(page.getByTestId("current-stock")).toContainText("在库");
  await form.getByLabel("收货数量").fill("0");
  await form.getByRole("button", { name: "登记收货" }).click();
  await expect(form.getByTestId("field-error").first()).toHaveText("收货或退货数量必须大于 0");
  await snapshot(page, "intake-adjust-zh-CN");

  await page.getByTestId("tab-csv").click();
  await page.getByTestId("import-type").getByRole("radio", { name: /^收货入库/ }).check();
  await uploadCsv(page, "收货.csv", csv([
    ["location_code", "sku_code", "quantity", "reference", "received_at", "expires_on"],
    [rows[0].location, rows[0].sku, 12, "PO-1", new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), "2099-06-30"],
    [rows[1].location, rows[1].sku, 5, "PO-1", "2026-11-31", ""],
  ]));
  await expect(page.getByTestId("report-summary")).toContainText("共 2 行，其中 1 行有 1 个问题");
  await expect(page.getByTestId("report-table")).toContainText("必须是日期（如 2026-11-20）");
  await expect(page.getByTestId("apply-import")).toBeDisabled();
  await snapshot(page, "intake-csv-report-zh-CN");
});

for (const who of ["partner", "store"] as const) {
  test(`a ${who === "partner" ? "brand partner" : "store manager"} opening /inventory/intake gets 404`, async ({ page }) => {
    await login(page, USERS[who]);
    const response = await page.goto("/inventory/intake");
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
  });
}

test("10,000 rows: validation and apply through the browser", async ({ page }) => {
  test.setTimeout(120_000);
  const rows = await stockRows({ from: 20_000, limit: 10_000 });
  expect(rows).toHaveLength(10_000);
  await openIntake(page, "csv");
  await page.locator("[name=import-reason]").fill("Annual count");
  await page.locator("[name=import-reference]").fill("ANNUAL-10K");
  const text = csv([["location_code", "sku_code", "quantity"], ...rows.map((r) => [r.location, r.sku, r.on_hand + 1])]);

  let started = Date.now();
  await uploadCsv(page, "annual.csv", text);
  await expect(page.getByTestId("report-summary")).toHaveText("All 10,000 rows are valid.", { timeout: 60_000 });
  const validateMs = Date.now() - started;
  started = Date.now();
  await page.getByTestId("apply-import").click();
  await expect(page.getByTestId("import-applied")).toContainText("Applied 10,000 rows", { timeout: 60_000 });
  const applyMs = Date.now() - started;
  test.info().annotations.push({ type: "timing", description: `10,000 rows: read+validate ${validateMs} ms, apply ${applyMs} ms` });
  console.log(`intake e2e timing: 10,000 rows: read+validate ${validateMs} ms, apply ${applyMs} ms`);
  const [tx] = await query<{ n: string; entries: string }>(
    "SELECT COUNT(DISTINCT xmin::text) AS n, COUNT(*) AS entries FROM stock_ledger WHERE reference = 'ANNUAL-10K'",
  );
  expect(tx).toEqual({ n: "1", entries: "10000" });
});
