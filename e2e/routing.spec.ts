import { expect, test, type Locator, type Page } from "@playwright/test";
import { CITIES } from "../prisma/seed/cities";
import { login, query, snapshot, USERS } from "./helpers";

// Each run creates its own strategy (the code carries the run's tag), and never assigns it to a channel for good, so
// the specs can share a database. Order routing of real orders is left as it was.
const run = Date.now().toString(36).toUpperCase();
const code = `E2E-${run}`;

const rankerOrder = (page: Page) => page.getByTestId("strategy-editor").getByTestId("ranker").evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));

function ranker(page: Page, kind: string): Locator {
  return page.getByTestId("strategy-editor").locator(`[data-testid=ranker][data-kind=${kind}]`);
}

/** Haversine distance in metres from the destination, rounded to the metre (mean Earth radius), as PRODUCT.md says. */
function metres(from: { lat: number; lng: number }, to: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const [la0, lo0, la1, lo1] = [from.lat * rad, from.lng * rad, to.lat * rad, to.lng * rad];
  const h = Math.sin((la1 - la0) / 2) ** 2 + Math.cos(la0) * Math.cos(la1) * Math.sin((lo1 - lo0) / 2) ** 2;
  return Math.round(2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** Kilometres as the console writes them: one decimal, three below 0.1 km. */
function km(m: number): string {
  const k = m / 1000;
  const digits = k > 0 && k < 0.1 ? 3 : 1;
  return k.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * From the database: the locations that could ship `quantity` of the SKU in one shipment today (can ship, location
 * ATP = on hand − reserved − safety stock ≥ quantity, daily capacity not used up by today's shipments).
 */
async function wholeShippers(skuCode: string, quantity: number) {
  return query<{ code: string; latitude: number; longitude: number; atp: number }>(
    `SELECT l.code, l.latitude, l.longitude, (sl.on_hand - sl.reserved - sl.safety_stock)::int AS atp
     FROM stock_level sl JOIN sku k ON k.id = sl.sku_id JOIN location l ON l.id = sl.location_id
     WHERE k.code = $1 AND l.can_ship AND sl.on_hand - sl.reserved - sl.safety_stock >= $2
       AND l.daily_capacity > (
         SELECT COUNT(*) FROM order_shipment os
         WHERE os.location_id = l.id AND os.status NOT IN ('REJECTED', 'CANCELLED')
           AND os.created_at >= (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'))`,
    [skuCode, quantity],
  );
}

test("HQ creates a strategy, reorders its rules by keyboard and by drag, is refused a bad parameter, saves, simulates, replays and activates it", async ({ page }) => {
  await login(page, USERS.hq);
  await page.goto("/routing");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Routing");
  await expect(page.getByTestId("strategy-list").locator("tbody tr").first()).toHaveAttribute("data-strategy", "DEFAULT");
  await snapshot(page, "routing-list-en");

  // ---- Create ----------------------------------------------------------------------------------------------------
  await page.getByText("New strategy").click();
  const create = page.getByTestId("create-strategy");
  await create.getByLabel("Code").fill(code);
  await create.getByLabel("Name").fill(`E2E nearest ${run}`);
  await create.getByRole("button", { name: "Create strategy" }).click();
  await expect(page).toHaveURL(/\/routing\/\d+$/);
  const strategyId = Number(page.url().split("/").pop());
  await expect(page.getByTestId("strategy-title")).toHaveText(`E2E nearest ${run}`);
  await expect(page.getByTestId("version-history").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("version-history").locator("tr[data-version='1']")).toHaveAttribute("data-status", "DRAFT");

  // The first draft copies the default's active rules.
  const [defaultRules] = await query<{ rules: { rankers: { kind: string }[] } }>(
    "SELECT v.rules FROM routing_strategy_version v JOIN routing_strategy s ON s.id = v.strategy_id WHERE s.is_default AND v.status = 'ACTIVE'",
  );
  expect(await rankerOrder(page)).toEqual(defaultRules.rules.rankers.map((r) => r.kind));
  expect(await rankerOrder(page)).toEqual(["complete", "nearest", "lowestCost"]);

  // ---- Reorder by keyboard: the focus stays on the moved rule's button ----------------------------------------------
  await ranker(page, "complete").getByRole("button", { name: "Move Complete down" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => rankerOrder(page)).toEqual(["nearest", "complete", "lowestCost"]);
  await expect(page.getByTestId("reorder-announcement")).toHaveText("Complete moved to position 2 of 3.");
  await expect(ranker(page, "complete").getByRole("button", { name: "Move Complete down" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect.poll(() => rankerOrder(page)).toEqual(["nearest", "lowestCost", "complete"]);
  // At the bottom "down" is disabled, so the focus moves to "up".
  await expect(ranker(page, "complete").getByRole("button", { name: "Move Complete up" })).toBeFocused();
  await expect(ranker(page, "complete").getByTestId("ranker-position")).toHaveText("3");

  // ---- Reorder by drag and drop (HTML5) ----------------------------------------------------------------------------
  await ranker(page, "complete").dragTo(ranker(page, "nearest"));
  await expect.poll(() => rankerOrder(page)).toEqual(["complete", "nearest", "lowestCost"]);
  await ranker(page, "lowestCost").dragTo(ranker(page, "nearest"));
  await expect.poll(() => rankerOrder(page)).toEqual(["complete", "lowestCost", "nearest"]);
  await ranker(page, "lowestCost").getByRole("button", { name: "Move Lowest cost down" }).click();
  await expect.poll(() => rankerOrder(page)).toEqual(["complete", "nearest", "lowestCost"]);

  // ---- A bad parameter is refused by the server, named per field ------------------------------------------------------
  const editor = page.getByTestId("strategy-editor");
  await editor.getByTestId("add-filter").getByRole("combobox").selectOption("minAtpMargin");
  await editor.getByTestId("add-filter").getByRole("button", { name: "Add" }).click();
  const margin = editor.locator("[data-testid=filter][data-kind=minAtpMargin]");
  await margin.getByLabel("Units kept per SKU").fill("-3");
  await editor.getByLabel("Note").fill(`E2E draft ${run}`);
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByTestId("editor-message")).toHaveText("Please correct the highlighted fields.");
  await expect(margin.getByTestId("field-error")).toContainText("units -3");
  await expect(margin.getByLabel("Units kept per SKU")).toHaveAttribute("aria-invalid", "true");
  await snapshot(page, "routing-editor-error-en");
  await margin.getByRole("button", { name: "Remove filter Minimum ATP margin" }).click();
  await expect(editor.getByTestId("field-error")).toHaveCount(0);

  // ---- Save -------------------------------------------------------------------------------------------------------
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByTestId("editor-message")).toHaveText("Draft v1 saved.");
  await expect(editor.getByTestId("unsaved")).toHaveCount(0);
  const [saved] = await query<{ rules: { maxSplits: number; filters: { kind: string }[]; rankers: { kind: string }[] }; note: string; created_by: string }>(
    "SELECT rules, note, created_by FROM routing_strategy_version WHERE strategy_id = $1 AND status = 'DRAFT'",
    [strategyId],
  );
  expect(saved.rules.rankers.map((r) => r.kind)).toEqual(["complete", "nearest", "lowestCost"]);
  expect(saved.rules.filters.map((f) => f.kind)).toEqual(["capability", "capacity"]);
  expect(saved.note).toBe(`E2E draft ${run}`);
  expect(saved.created_by).toBe(USERS.hq);
  await page.reload();
  await expect(page.getByTestId("version-history").locator("tr[data-version='1']").getByTestId("created-by")).toHaveText(USERS.hq);
  await snapshot(page, "routing-editor-en");

  // ---- Simulator: checked against the database ------------------------------------------------------------------
  const [sku] = await query<{ code: string }>(
    `SELECT k.code FROM stock_level sl JOIN sku k ON k.id = sl.sku_id JOIN location l ON l.id = sl.location_id
     WHERE l.can_ship AND sl.on_hand - sl.reserved - sl.safety_stock >= 3
     GROUP BY k.id, k.code HAVING COUNT(*) >= 3 ORDER BY COUNT(*) DESC, k.code LIMIT 1`,
  );
  expect(sku, "a SKU at least three locations can ship 3 of").toBeTruthy();
  const quantity = 3;
  const city = CITIES.find((c) => c.code === "CTU")!;
  const shippers = await wholeShippers(sku.code, quantity);
  expect(shippers.length).toBeGreaterThan(1);
  // "Complete" first: one location that holds everything beats any split; "nearest" then picks the closest of them.
  const byDistance = shippers
    .map((s) => ({ ...s, m: metres({ lat: city.latitude, lng: city.longitude }, { lat: s.latitude, lng: s.longitude }) }))
    .sort((a, b) => a.m - b.m || (a.code < b.code ? -1 : 1));
  const expected = byDistance[0];

  await page.getByTestId("tab-simulator").click();
  const form = page.getByTestId("simulator-form");
  await expect(form.getByRole("radio", { name: "Draft v1" })).toBeChecked();
  await form.getByLabel("City", { exact: true }).selectOption(city.code);
  await form.getByTestId("sim-line").getByLabel("SKU code").fill(sku.code);
  await form.getByTestId("sim-line").getByLabel("Quantity").fill(String(quantity));
  await form.getByRole("button", { name: "Simulate", exact: true }).click();
  const result = page.getByTestId("simulation-result");
  const shipments = result.getByTestId("sim-shipments").locator("tbody tr[data-code]");
  await expect(shipments).toHaveCount(1);
  await expect(shipments.first()).toHaveAttribute("data-code", expected.code);
  await expect(shipments.first().getByTestId("shipment-line")).toHaveText(`${sku.code} × ${quantity}`);
  expect(expected.atp).toBeGreaterThanOrEqual(quantity);
  await expect(result.getByTestId("sim-backorders")).toContainText("None: every unit ships.");
  const reason = result.getByTestId("winner-reason");
  await expect(reason).toHaveAttribute("data-by", "ranker");
  await expect(reason).toHaveAttribute("data-rule", "nearest");
  await expect(reason).toContainText(`Rule 2, Nearest, decided: mean ${km(expected.m)} km against mean ${km(byDistance[1].m)} km for the runner-up (${byDistance[1].code})`);
  await expect(result.getByTestId("explanation-steps").locator("tr[data-decided=true]")).toHaveAttribute("data-rule", "nearest");
  await expect(result.getByTestId("top-plans").locator("tr[data-winner=true]")).toHaveAttribute("data-codes", expected.code);
  // The candidate table: the winner first and best overall; every location that could ship it whole is there.
  const candidates = result.getByTestId("sim-candidates");
  await expect(candidates.locator("tbody tr").first()).toHaveAttribute("data-code", expected.code);
  await expect(candidates.locator("tbody tr").first()).toHaveAttribute("data-status", "winner");
  await expect(candidates.locator("tbody tr").first().getByTestId("candidate-overall")).toHaveText("#1");
  await expect(candidates.locator("tbody tr").first().getByTestId("candidate-atp")).toHaveText(expected.atp.toLocaleString("en-US"));
  for (const s of byDistance.slice(0, 5)) await expect(candidates.locator(`tr[data-code="${s.code}"]`)).toHaveCount(1);
  await expect(result.getByTestId("candidate-map")).toBeVisible();
  await snapshot(page, "routing-simulator-en");

  // A bad line is named: an unknown SKU.
  await form.getByTestId("sim-line").getByLabel("SKU code").fill("NO-SUCH-SKU");
  await form.getByRole("button", { name: "Simulate", exact: true }).click();
  await expect(form.getByTestId("field-error")).toContainText('"NO-SUCH-SKU" is not the code of any SKU');

  // ---- Replay: draft against what its channels would use today (the default, as it has no active version) ---------
  await page.getByTestId("tab-replay").click();
  const replay = page.getByTestId("replay-form");
  const [def] = await query<{ version: number }>(
    "SELECT v.version FROM routing_strategy_version v JOIN routing_strategy s ON s.id = v.strategy_id WHERE s.is_default AND v.status = 'ACTIVE'",
  );
  await expect(replay).toContainText(`Draft ${code} v1 versus Active DEFAULT v${def.version}`);
  await replay.getByLabel("Orders").selectOption("100");
  await replay.getByRole("button", { name: "Replay" }).click();
  const metrics = page.getByTestId("replay-metrics");
  await expect(page.getByTestId("replay-result")).toContainText("100 orders replayed");
  await expect(metrics.locator("thead")).toContainText(`Draft ${code} v1`);
  await expect(metrics.locator("thead")).toContainText(`Active DEFAULT v${def.version}`);
  for (const metric of ["splitRate", "avgKm", "shippingCents", "backOrderedUnits", "backOrderedOrders"]) {
    const row = metrics.locator(`tr[data-metric=${metric}]`);
    await expect(row.getByTestId("draft-value")).toHaveText(/\d/);
    await expect(row.getByTestId("active-value")).toHaveText(/\d/);
  }
  // The same rules as the default's: the same results on both sides.
  await expect(metrics.locator("tr[data-metric=shippingCents] [data-testid=draft-value]")).toHaveText(await metrics.locator("tr[data-metric=shippingCents] [data-testid=active-value]").innerText());
  await expect(page.getByTestId("replay-load-chart")).toBeVisible();
  await snapshot(page, "routing-replay-en");

  // ---- Activate, with confirmation; the history names who did what -------------------------------------------------
  await page.getByTestId("tab-rules").click();
  await page.getByTestId("activate").click();
  await expect(page.getByTestId("confirm")).toContainText("Activate draft v1?");
  await page.getByTestId("confirm").getByRole("button", { name: "Activate" }).click();
  await expect(page.getByTestId("editor-message")).toHaveText("Version 1 is active.");
  const v1 = page.getByTestId("version-history").locator("tr[data-version='1']");
  await expect(v1).toHaveAttribute("data-status", "ACTIVE");
  await expect(v1.getByTestId("activated-by")).toHaveText(USERS.hq);
  await expect(page.getByTestId("active-rules").getByTestId("view-rankers")).toContainText("Complete");
  await expect(page.getByTestId("changes")).toContainText("Nothing: the draft has the active rules.");
  const [activated] = await query<{ activated_by: string; status: string }>(
    "SELECT activated_by, status::text FROM routing_strategy_version WHERE strategy_id = $1 AND version = 1",
    [strategyId],
  );
  expect(activated).toEqual({ activated_by: USERS.hq, status: "ACTIVE" });

  // A second draft shows what it changes against the active version.
  await ranker(page, "lowestCost").getByRole("button", { name: "Move Lowest cost up" }).click();
  await expect(page.getByTestId("changes")).toContainText("Rule order Complete → Nearest → Lowest cost becomes Complete → Lowest cost → Nearest");
  await page.getByTestId("strategy-editor").getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("editor-message")).toHaveText("Draft v2 saved.");
  const v2 = page.getByTestId("version-history").locator("tr[data-version='2']");
  await expect(v2).toHaveAttribute("data-status", "DRAFT");
  await expect(v2.getByTestId("version-changes")).toHaveText("Rule order Complete → Nearest → Lowest cost becomes Complete → Lowest cost → Nearest");

  // The list shows the active version and the draft; a channel can be assigned and handed back to the default.
  await page.goto("/routing");
  const row = page.getByTestId("strategy-list").locator(`tr[data-strategy="${code}"]`);
  await expect(row.getByTestId("active-summary")).toContainText("v1 · Up to 1 split · Complete → Nearest → Lowest cost");
  await expect(row.getByTestId("draft-indicator")).toHaveText(`Draft v2 by ${USERS.hq}`);
  const assign = page.getByTestId("channel-assignments").locator("tr[data-channel=WEB]");
  const before = await assign.getByRole("combobox").inputValue();
  await assign.getByRole("combobox").selectOption(String(strategyId));
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(assign.getByRole("status")).toHaveText("Saved");
  await expect(row.getByTestId("strategy-channels")).toHaveText("WEB");
  expect((await query<{ id: number }>("SELECT routing_strategy_id AS id FROM channel WHERE code = 'WEB'"))[0].id).toBe(strategyId);
  // The channels page names the channel's strategy and links to it.
  await page.goto("/channels");
  await expect(page.locator("tr[data-channel=WEB]").getByRole("link", { name: code })).toHaveAttribute("href", `/routing/${strategyId}`);
  await snapshot(page, "channels-with-strategy-en");
  await page.goto("/routing");
  await assign.getByRole("combobox").selectOption(before);
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(row.getByTestId("strategy-channels")).toHaveText("—");

  // ---- Chinese ----------------------------------------------------------------------------------------------------
  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("订单路由");
  await snapshot(page, "routing-list-zh-CN");
  await page.goto(`/routing/${strategyId}`);
  await expect(page.getByTestId("strategy-editor")).toContainText("草稿 v2");
  await snapshot(page, "routing-editor-zh-CN");
  await page.goto(`/routing/${strategyId}?tab=simulator`);
  await page.getByTestId("simulator-form").getByLabel("城市", { exact: true }).selectOption(city.code);
  await page.getByTestId("sim-line").getByLabel("SKU 代码").fill(sku.code);
  await page.getByTestId("sim-line").getByLabel("数量").fill(String(quantity));
  await page.getByRole("button", { name: "模拟", exact: true }).click();
  await expect(page.getByTestId("winner-reason")).toContainText("决定");
  await snapshot(page, "routing-simulator-zh-CN");
  await page.goto(`/routing/${strategyId}?tab=replay`);
  await page.getByRole("button", { name: "回放", exact: true }).click();
  await expect(page.getByTestId("replay-result")).toContainText("已回放");
  await snapshot(page, "routing-replay-zh-CN");
  await page.getByTestId("language-switch").selectOption("en");
  await expect(page.getByTestId("tab-replay")).toHaveText("Replay");
});

test("only HQ roles see routing: a brand partner and a store manager get 404", async ({ page }) => {
  const [strategy] = await query<{ id: number }>("SELECT id FROM routing_strategy WHERE is_default");
  for (const user of [USERS.partner, USERS.store]) {
    await login(page, user);
    await expect(page.getByTestId("main-nav").locator("a[data-section=routing]")).toHaveCount(0);
    for (const path of ["/routing", `/routing/${strategy.id}`, `/routing/${strategy.id}?tab=simulator`]) {
      const response = await page.goto(path);
      expect(response?.status(), `${user} ${path}`).toBe(404);
    }
    await page.context().clearCookies();
  }
  await login(page, USERS.merch);
  await page.goto("/routing");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Routing");
});
