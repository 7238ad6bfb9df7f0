import { expect, test, type Locator, type Page } from "@playwright/test";
import { login, query, snapshot, USERS } from "./helpers";

// Every name here carries this run's tag, and the SKU is one no lock covers yet, so the specs can share a database.
const run = Date.now().toString(36).toUpperCase();
const num = (text: string) => Number(text.replace(/[^\d-]/g, ""));
const fmt = (n: number) => n.toLocaleString("en-US");

/** A SKU with pool ATP (Σ max(0, on hand − reserved − safety stock)) no unfinished lock covers, by any scope. */
async function freeSku(minPool: number): Promise<{ code: string; pool: number }> {
  const [row] = await query<{ code: string; pool: number }>(
    `SELECT k.code, SUM(GREATEST(0, sl.on_hand - sl.reserved - sl.safety_stock))::int AS pool
     FROM stock_level sl JOIN sku k ON k.id = sl.sku_id
     WHERE NOT EXISTS (
       SELECT 1 FROM channel_lock l
       WHERE l.cancelled_at IS NULL AND l.ends_at > now()
         AND (l.scope_kind = 'ALL' OR l.scope_sku_id = k.id OR l.scope_brand_id = k.brand_id OR l.scope_category = k.category))
     GROUP BY k.id, k.code
     HAVING SUM(GREATEST(0, sl.on_hand - sl.reserved - sl.safety_stock)) >= $1
     ORDER BY k.code DESC LIMIT 1`,
    [minPool],
  );
  expect(row, "a SKU with stock that no lock covers").toBeTruthy();
  return row;
}

async function channelId(code: string): Promise<number> {
  const [row] = await query<{ id: number }>("SELECT id FROM channel WHERE code = $1", [code]);
  return row.id;
}

/** "YYYY-MM-DDTHH:mm" in Shanghai (UTC+8, no daylight saving) for an instant. */
function shanghai(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** Per channel code, the numbers of the given cells of a table's rows (rows carry data-channel). */
async function byChannel(table: Locator, cell: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const row of await table.locator("tbody tr").all()) {
    out[(await row.getAttribute("data-channel"))!] = num(await row.getByTestId(cell).innerText());
  }
  return out;
}

async function fillLock(page: Page, lock: { channel: string; name: string; sku: string; amount: number; startsAt?: string }) {
  const form = page.getByTestId("lock-editor");
  await form.getByLabel("Channel", { exact: true }).selectOption(String(await channelId(lock.channel)));
  await form.getByLabel("Name", { exact: true }).fill(lock.name);
  await form.getByRole("radio", { name: /^Ring-fence/ }).check();
  await form.getByRole("radio", { name: "One SKU" }).check();
  await form.getByLabel("SKU code").fill(lock.sku);
  await form.getByLabel("Amount").fill(String(lock.amount));
  await expect(form.getByLabel("Unit", { exact: true })).toHaveValue("UNITS");
  if (lock.startsAt) await form.getByLabel("Starts").fill(lock.startsAt);
  await expect(form.getByLabel("Time zone")).toHaveValue("Asia/Shanghai");
}

test("HQ previews and saves a ring-fence, sees its effect, is refused an over-commitment, edits stale, cancels, and reads the history", async ({ page }) => {
  const sku = await freeSku(10);
  const fence = Math.floor(sku.pool / 2);
  const name = `E2E fence ${run}`;
  await login(page, USERS.hq);
  await page.goto("/channels");
  await page.getByTestId("new-lock").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New lock period");

  // Started an hour ago, so it is active now; the window is typed in Shanghai time.
  const start = shanghai(new Date(Date.now() - 3_600_000));
  await fillLock(page, { channel: "JD", name, sku: sku.code, amount: fence, startsAt: start });
  await expect(page.getByTestId("lock-editor")).toContainText("UTC+08:00");

  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("lock-preview");
  await expect(preview).toContainText(`SKU ${sku.code}: pool ATP ${fmt(sku.pool)}`);
  const table = preview.getByTestId("preview-table");
  const before = await byChannel(table, "before");
  const after = await byChannel(table, "after");
  expect(Object.keys(before)).toContain("JD");
  expect(Object.keys(before).length).toBeGreaterThan(1);
  for (const code of Object.keys(before)) {
    expect(before[code], code).toBeLessThanOrEqual(sku.pool);
    // The owner keeps what it had; every other channel loses exactly the fenced units.
    expect(after[code], code).toBe(code === "JD" ? before[code] : before[code] - fence);
  }
  await expect(preview.getByTestId("preview-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await snapshot(page, "lock-preview-en");

  await page.getByRole("button", { name: "Create lock" }).click();
  await expect(page).toHaveURL(/\/channels\/locks\/\d+\?saved=1$/);
  const lockId = Number(/locks\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByTestId("lock-saved")).toBeVisible();
  await expect(page.getByTestId("lock-state")).toHaveText("Active");
  await expect(page.getByTestId("lock-facts")).toContainText(`SKU ${sku.code}`);
  await expect(page.getByTestId("lock-facts")).toContainText("Asia/Shanghai (UTC+08:00)");
  const [stored] = await query<{ starts_at: Date; kind: string; amount: number }>("SELECT starts_at, kind::text, amount FROM channel_lock WHERE id = $1", [lockId]);
  expect(stored).toMatchObject({ kind: "RING_FENCE", amount: fence });
  expect(shanghai(stored.starts_at)).toBe(start);

  // The channels page: the lock on the timeline in JD's row, and the other channels' ATS lower in the chart.
  await page.goto(`/channels?sku=${encodeURIComponent(sku.code)}`);
  const bar = page.getByTestId("lock-timeline").locator(`[data-channel="JD"] a[data-lock-id="${lockId}"]`);
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("data-state", "active");
  await expect(page.getByTestId("lock-list").locator(`tr[data-lock-id="${lockId}"]`)).toContainText(name);
  await expect(page.getByTestId("ats-subject")).toContainText(`SKU ${sku.code}: pool ATP ${fmt(sku.pool)}`);
  await expect(page.getByTestId("ats-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(await byChannel(page.getByTestId("ats-table"), "ats")).toEqual(after);
  await snapshot(page, "channels-en");

  // A second ring-fence on the same SKU for more than the pool: refused, naming the SKU and the first lock.
  await page.getByTestId("new-lock").click();
  await fillLock(page, { channel: "TMALL", name: `E2E overfence ${run}`, sku: sku.code, amount: sku.pool + 1 });
  await page.getByRole("button", { name: "Create lock" }).click();
  const conflicts = page.getByTestId("lock-conflicts");
  await expect(conflicts).toContainText(`SKU ${sku.code}: pool ATP ${fmt(sku.pool)}`);
  await expect(conflicts.getByTestId("conflict-lock")).toHaveText(`${name} (JD)`);
  await expect(conflicts).toContainText(`E2E overfence ${run} (this lock, TMALL)`);
  await expect(page).toHaveURL(/\/channels\/locks\/new$/);
  expect(await query("SELECT 1 FROM channel_lock WHERE name = $1", [`E2E overfence ${run}`])).toHaveLength(0);
  await snapshot(page, "lock-conflict-en");

  // Two editors: the second save is refused as stale, and nothing of it is written.
  await page.goto(`/channels/locks/${lockId}`);
  const other = await page.context().newPage();
  await other.goto(`/channels/locks/${lockId}`);
  await other.getByTestId("lock-editor").getByLabel("Amount").fill(String(fence - 1));
  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(other.getByTestId("lock-saved")).toBeVisible();
  await other.close();
  await page.getByTestId("lock-editor").getByLabel("Name", { exact: true }).fill(`${name} renamed`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("lock-refused")).toContainText("Someone else changed this lock after you opened it");
  await page.getByRole("button", { name: "Reload" }).click();
  await expect(page.getByTestId("lock-title")).toHaveText(`Lock “${name}”`);
  await expect(page.getByTestId("lock-facts")).toContainText(`${fmt(fence - 1)} units`);

  // Cancel: the lock's units return to the pool, and the history names who did what.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Cancel lock" }).click();
  await expect(page.getByTestId("lock-state")).toHaveText("Cancelled");
  await expect(page.getByTestId("lock-read-only")).toContainText("This lock was cancelled on");
  const history = page.getByTestId("lock-history");
  await expect(history.locator("li[data-action]")).toHaveCount(3);
  await expect(history.locator('[data-action="CREATED"]')).toContainText(`by ${USERS.hq}`);
  await expect(history.locator('[data-action="CREATED"]')).toContainText(`Ring-fence of ${fmt(fence)} units on SKU ${sku.code}`);
  await expect(history.locator('[data-action="EDITED"]')).toContainText(`Amount: ${fmt(fence)} units → ${fmt(fence - 1)} units`);
  await expect(history.locator('[data-action="CANCELLED"]')).toContainText(`by ${USERS.hq}`);
  await snapshot(page, "lock-history-en");

  await page.goto(`/channels?sku=${encodeURIComponent(sku.code)}`);
  await expect(page.getByTestId("lock-timeline").locator(`a[data-lock-id="${lockId}"]`)).toHaveAttribute("data-state", "cancelled");
  const restored = await byChannel(page.getByTestId("ats-table"), "ats");
  expect(restored).toEqual(before);

  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("渠道");
  await snapshot(page, "channels-zh-CN");
  await page.goto(`/channels/locks/${lockId}`);
  await expect(page.getByTestId("lock-state")).toHaveText("已取消");
  await snapshot(page, "lock-history-zh-CN");
  await page.goto("/channels/locks/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新建锁库周期");
  await snapshot(page, "lock-editor-zh-CN");
  await page.getByTestId("language-switch").selectOption("en");
});

test("HQ creates a channel, fixes a bad code, edits it and creates, rotates and revokes its API key", async ({ page }) => {
  const code = `E2E-${run}`;
  await login(page, USERS.hq);
  await page.goto("/channels");
  await page.getByText("New channel").click();
  const form = page.getByTestId("channel-create-form");
  await form.getByLabel("Code").fill("x");
  await form.getByLabel("Name", { exact: true }).fill(`E2E channel ${run}`);
  await form.getByLabel("Type").selectOption("LIVESTREAM");
  await form.getByLabel("Active: the channel sells").uncheck(); // inactive: it changes no other channel's ATS
  await form.getByRole("button", { name: "Create channel" }).click();
  await expect(form.getByTestId("field-error")).toHaveText('code "X" must be 2–32 characters: uppercase letters A–Z, digits, - or _');
  await form.getByLabel("Code").fill(code.toLowerCase()); // typed in lower case, kept in upper case
  await form.getByRole("button", { name: "Create channel" }).click();
  await expect(page).toHaveURL(/\/channels\/\d+$/);
  await expect(page.getByTestId("channel-title")).toHaveText(`E2E channel ${run}`);

  const edit = page.getByTestId("channel-edit-form");
  await edit.getByLabel("Safety margin (units per SKU)").fill("3");
  await edit.getByRole("button", { name: "Save channel" }).click();
  await expect(edit.getByTestId("channel-form-message")).toHaveText("Saved.");
  expect(await query("SELECT code, type::text, active, safety_margin FROM channel WHERE code = $1", [code])).toEqual([
    { code, type: "LIVESTREAM", active: false, safety_margin: 3 },
  ]);

  await page.getByLabel("Key name").fill("E2E order sync");
  await page.getByRole("button", { name: "Create key" }).click();
  const first = (await page.getByTestId("new-key-value").innerText()).trim();
  expect(first).toMatch(/^yp_[0-9a-f]{12}_/);
  const keys = page.getByTestId("channel-keys");
  await expect(keys.locator("tbody tr")).toHaveCount(1);
  page.once("dialog", (d) => void d.accept());
  await keys.getByRole("button", { name: "Rotate" }).click();
  await expect(page.getByTestId("new-key-value")).not.toHaveText(first);
  await expect(keys.locator("tbody tr")).toHaveCount(2);
  await expect(keys.locator(`tr[data-key-prefix="${first.slice(3, 15)}"]`)).toContainText("Revoked");
  page.once("dialog", (d) => void d.accept());
  await keys.getByRole("button", { name: "Revoke" }).click();
  await expect(keys.getByText("Active", { exact: true })).toHaveCount(0);
  const stored = await query<{ revoked: boolean }>(
    "SELECT k.revoked_at IS NOT NULL AS revoked FROM api_key k JOIN channel c ON c.id = k.channel_id WHERE c.code = $1",
    [code],
  );
  expect(stored).toEqual([{ revoked: true }, { revoked: true }]);
  await snapshot(page, "channel-detail-en");

  await page.goto("/channels");
  await expect(page.getByTestId("channel-list").locator(`tr[data-channel="${code}"]`)).toContainText("Inactive");
});

test("a brand partner gets 404 on the channels pages", async ({ page }) => {
  await login(page, USERS.partner);
  for (const path of ["/channels", "/channels/locks/new", "/channels/1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
  }
});
