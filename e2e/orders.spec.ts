import { type Browser, expect, type Page, test } from "@playwright/test";
import { login, query, snapshot, USERS } from "./helpers";

// Orders: HQ places orders in the console through order intake, a store works its shipments. Order numbers carry
// this run's tag and the SKUs are ones no lock covers, so the specs can share a database.
const run = Date.now().toString(36).toUpperCase();
let seq = 0;
const orderNo = () => `E2E-${run}-${++seq}`;
const STORE = "ST-SHA-001";

/** SKUs no unfinished lock covers, whose ATP at `where` (a location code, or any) is at least `min`, not yet used here. */
const used = new Set<string>();
async function skusWithStock(opts: { at?: string; min: number; elsewhere?: number; count: number }): Promise<string[]> {
  const rows = await query<{ code: string }>(
    `SELECT k.code
     FROM sku k JOIN stock_level sl ON sl.sku_id = k.id JOIN location l ON l.id = sl.location_id
     WHERE ($1::text IS NULL OR l.code = $1) AND sl.on_hand - sl.reserved - sl.safety_stock >= $2
       AND NOT EXISTS (
         SELECT 1 FROM channel_lock cl
         WHERE cl.cancelled_at IS NULL AND cl.ends_at > now()
           AND (cl.scope_kind = 'ALL' OR cl.scope_sku_id = k.id OR cl.scope_brand_id = k.brand_id OR cl.scope_category = k.category))
       AND ($3::int IS NULL OR EXISTS (
         SELECT 1 FROM stock_level o JOIN location ol ON ol.id = o.location_id
         WHERE o.sku_id = k.id AND ol.code <> $1 AND ol.can_ship AND o.on_hand - o.reserved - o.safety_stock >= $3))
       AND NOT (k.code = ANY($4::text[]))
     GROUP BY k.code ORDER BY k.code LIMIT $5`,
    [opts.at ?? null, opts.min, opts.elsewhere ?? null, [...used], opts.count],
  );
  expect(rows.length, "SKUs with enough stock").toBe(opts.count);
  for (const r of rows) used.add(r.code);
  return rows.map((r) => r.code);
}

async function storeCoordinates(code: string): Promise<{ lat: number; lng: number }> {
  const [row] = await query<{ lat: number; lng: number }>("SELECT latitude AS lat, longitude AS lng FROM location WHERE code = $1", [code]);
  return row;
}

const onHand = async (location: string, sku: string) =>
  (await query<{ on_hand: number }>(
    "SELECT sl.on_hand FROM stock_level sl JOIN location l ON l.id = sl.location_id JOIN sku k ON k.id = sl.sku_id WHERE l.code = $1 AND k.code = $2",
    [location, sku],
  ))[0].on_hand;

type NewOrder = { channel?: string; lines: { sku: string; quantity: number }[]; at?: { lat: number; lng: number }; pickup?: boolean };

/** Fills the console's order form; returns the order number. Pickup: finds stores and keeps the first (nearest). */
async function fillOrder(page: Page, o: NewOrder): Promise<string> {
  await page.goto("/orders/new");
  const form = page.getByTestId("order-form");
  const [channel] = await query<{ id: number }>("SELECT id FROM channel WHERE code = $1", [o.channel ?? "WEB"]);
  await form.getByLabel("Channel", { exact: true }).selectOption(String(channel.id));
  const no = orderNo();
  await form.getByLabel("Order number").fill(no);
  if (o.at) {
    await form.getByLabel("Latitude").fill(String(o.at.lat));
    await form.getByLabel("Longitude").fill(String(o.at.lng));
  }
  for (const [i, line] of o.lines.entries()) {
    if (i > 0) await form.getByRole("button", { name: "Add line" }).click();
    await form.getByLabel(`SKU code, line ${i + 1}`).fill(line.sku);
    await form.getByLabel(`Quantity, line ${i + 1}`).fill(String(line.quantity));
  }
  if (o.pickup) {
    await form.getByRole("radio", { name: /^Store pickup/ }).check();
    await form.getByRole("button", { name: "Find stores" }).click();
    await expect(form.getByTestId("pickup-options")).toBeVisible();
  }
  return no;
}

async function placeAndOpen(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  return page.url().split("/").pop()!;
}

async function asUser(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  return page;
}

test("HQ places a delivery order in the console, reads its routing and ledger trail, and ships it", async ({ page }) => {
  const [a, b] = await skusWithStock({ min: 3, count: 2 });
  await login(page, USERS.hq);
  await page.goto("/orders");
  await expect(page.getByTestId("order-list").locator("tbody tr")).toHaveCount(50);
  await snapshot(page, "orders-list-en");

  const no = await fillOrder(page, { lines: [{ sku: a, quantity: 2 }, { sku: b, quantity: 1 }] });
  await snapshot(page, "orders-new-en");

  // Refusals land on their fields and place nothing: an unknown code, then more than the channel may sell.
  const form = page.getByTestId("order-form");
  const lines = form.getByTestId("order-line");
  await form.getByLabel("SKU code, line 2").fill(`NOPE-${run}`);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(lines.nth(1).getByTestId("field-error")).toHaveText(`No SKU has the code “NOPE-${run}”.`);
  await expect(page.getByTestId("order-form-message")).toHaveText("Some codes name nothing that exists; nothing was written.");
  await form.getByLabel("SKU code, line 2").fill(b);
  await form.getByLabel("Quantity, line 1").fill("9999");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(lines.nth(0).getByTestId("field-error")).toHaveText(/^Only [\d,]+ available of 9,999\.$/);
  await expect(page.getByTestId("order-form-message")).toHaveText("Not enough available to sell for this channel; nothing was reserved.");
  await snapshot(page, "orders-refused-en");
  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.getByTestId("order-form-message")).toHaveText("该渠道可售量不足，未占用任何库存。");
  await expect(lines.nth(0).getByTestId("field-error")).toHaveText(/^可售仅 [\d,]+ 件，需要 9,999 件。$/);
  await snapshot(page, "orders-refused-zh-CN");
  await page.getByTestId("language-switch").selectOption("en");
  await expect(page.getByTestId("order-form-message")).toHaveText("Not enough available to sell for this channel; nothing was reserved.");
  expect(await query("SELECT 1 FROM customer_order WHERE external_ref = $1", [no])).toHaveLength(0);
  await form.getByLabel("Quantity, line 1").fill("2");
  const id = await placeAndOpen(page);

  await expect(page.getByTestId("order-title")).toHaveText(`Order ${no}`);
  await expect(page.getByTestId("order-status")).toHaveText("Reserved");
  await expect(page.getByTestId("routing-explanation")).toBeVisible();
  await expect(page.getByTestId("explanation-strategy")).toContainText("DEFAULT");
  // The reservations in the ledger: one RESERVE entry per (location, SKU), as many units as ordered.
  const reserves = page.getByTestId("ledger-trail").locator('tbody tr[data-type="RESERVE"]');
  const expected = await query<{ n: number; units: number }>(
    "SELECT COUNT(*)::int AS n, SUM(reserved_after - reserved_before)::int AS units FROM stock_ledger WHERE reference = $1",
    [`order:${id}`],
  );
  expect(expected[0]).toEqual({ n: expect.any(Number), units: 3 });
  await expect(reserves).toHaveCount(expected[0].n);
  await snapshot(page, "orders-order-en");

  // The order is in the list, under its channel and status.
  await page.goto(`/orders?q=${no}`);
  await expect(page.getByTestId("order-list").locator("tbody tr")).toHaveCount(1);
  await expect(page.locator(`tr[data-order="${id}"]`).getByTestId("order-status")).toHaveText("Reserved");

  // HQ marks each shipment shipped: reserved units leave on hand.
  await page.goto(`/orders/${id}`);
  const shipments = page.getByTestId("shipment");
  const count = await shipments.count();
  for (let i = 0; i < count; i++) {
    await shipments.nth(i).getByRole("button", { name: "Mark shipped" }).click();
    await expect(shipments.nth(i).getByTestId("shipment-status")).toHaveText("Shipped");
  }
  await expect(page.getByTestId("order-status")).toHaveText("Shipped");
  await expect(page.getByTestId("ledger-trail").locator('tbody tr[data-type="SHIP"]')).toHaveCount(expected[0].n);
  await expect(page.getByTestId("order-events").locator('[data-action="SHIPPED"]')).toHaveCount(count);

  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.getByTestId("order-status")).toHaveText("已发货");
  await snapshot(page, "orders-order-zh-CN");
  await page.goto("/orders");
  await snapshot(page, "orders-list-zh-CN");
  await page.getByTestId("language-switch").selectOption("en");
});

test("BOPIS: HQ places a pickup at the nearest store with stock; the store marks it ready and picked up", async ({ page, browser }) => {
  const [a, b] = await skusWithStock({ at: STORE, min: 2, count: 2 });
  const at = await storeCoordinates(STORE);
  const before = { a: await onHand(STORE, a), b: await onHand(STORE, b) };
  await login(page, USERS.hq);
  const no = await fillOrder(page, { lines: [{ sku: a, quantity: 2 }, { sku: b, quantity: 1 }], at, pickup: true });
  const first = page.getByTestId("pickup-options").locator("li").first();
  await expect(first).toContainText(STORE);
  await expect(first.getByRole("radio")).toBeChecked();
  await snapshot(page, "orders-pickup-en");
  const id = await placeAndOpen(page);
  await expect(page.getByTestId("order-fulfilment")).toHaveText(`Store pickup at ${STORE}`);
  await expect(page.getByTestId("shipment")).toHaveCount(1);
  await expect(page.getByTestId("shipment")).toHaveAttribute("data-location", STORE);
  // HQ does not hand over pickups; the store does.
  await expect(page.getByRole("button", { name: /^Mark/ })).toHaveCount(0);

  const store = await asUser(browser, USERS.store);
  await store.goto("/orders");
  const row = store.getByTestId("store-inbox").locator(`tr[data-order="${id}"]`);
  await expect(row).toContainText("To prepare");
  await expect(row).toContainText(`${a} × 2`);
  await snapshot(store, "orders-store-inbox-en");
  await row.getByRole("link", { name: no }).click();
  await expect(store.getByTestId("order-title")).toHaveText(`Order ${no}`);
  await store.getByRole("button", { name: "Mark ready for pickup" }).click();
  await expect(store.getByTestId("order-status")).toHaveText("Ready for pickup");
  await store.getByRole("button", { name: "Mark picked up" }).click();
  await expect(store.getByTestId("order-status")).toHaveText("Picked up");
  await expect(store.getByTestId("shipment-status")).toHaveText("Picked up");
  // On hand at the store drops by the units handed over; the store's ledger trail shows it.
  expect({ a: await onHand(STORE, a), b: await onHand(STORE, b) }).toEqual({ a: before.a - 2, b: before.b - 1 });
  await expect(store.getByTestId("ledger-trail").locator('tbody tr[data-type="SHIP"]')).toHaveCount(2);
  await store.getByTestId("language-switch").selectOption("zh-CN");
  await expect(store.getByTestId("order-status")).toHaveText("已自提");
  await snapshot(store, "orders-pickup-done-zh-CN");
  await store.getByTestId("language-switch").selectOption("en");
  await store.context().close();
});

test("a store rejects its shipment and the order is re-routed to another location", async ({ page, browser }) => {
  const [sku] = await skusWithStock({ at: STORE, min: 1, elsewhere: 1, count: 1 });
  const at = await storeCoordinates(STORE);
  await login(page, USERS.hq);
  const no = await fillOrder(page, { lines: [{ sku, quantity: 1 }], at });
  await page.getByLabel("Selling store (optional)").fill(STORE);
  const id = await placeAndOpen(page);
  // Nearest: the store at the customer's door ships it; it is credited with the sale either way.
  await expect(page.getByTestId("shipment")).toHaveAttribute("data-location", STORE);
  await expect(page.getByTestId("selling-store")).toContainText(STORE);
  await expect(page.getByTestId("cross-store")).toHaveCount(0);

  const store = await asUser(browser, USERS.store);
  await store.goto(`/orders/${id}`);
  await expect(store.getByTestId("order-title")).toHaveText(`Order ${no}`);
  await store.getByRole("button", { name: "Reject…" }).click();
  await store.getByLabel("Why does the store reject its part?").fill("keeping it for the window display");
  await store.getByRole("button", { name: "Reject and re-route" }).click();
  await expect(store.getByTestId("step-result")).toContainText("Rejected and re-routed to");
  const rejected = store.locator(`[data-testid="shipment"][data-location="${STORE}"]`);
  await expect(rejected.getByTestId("shipment-status")).toHaveText("Rejected");
  await expect(rejected.getByTestId("rejection")).toContainText("keeping it for the window display");

  const [moved] = await query<{ code: string }>(
    "SELECT l.code FROM order_shipment s JOIN location l ON l.id = s.location_id WHERE s.order_id = $1 AND s.status = 'RESERVED'",
    [id],
  );
  expect(moved.code).not.toBe(STORE);
  await expect(store.getByTestId("step-result")).toHaveText(`Rejected and re-routed to ${moved.code}.`);
  await expect(store.getByTestId("order-events").locator('[data-action="REJECTED"]')).toContainText(`Re-routed to ${moved.code}.`);
  // Another location now fulfils what the store sold: a cross-store order, credited to the store.
  await expect(store.getByTestId("fulfilling")).toHaveText(moved.code);
  await expect(store.getByTestId("cross-store")).toBeVisible();
  await snapshot(store, "orders-rejected-en");
  await store.context().close();

  await page.reload();
  await expect(page.locator(`[data-testid="shipment"][data-location="${moved.code}"]`).getByTestId("shipment-status")).toHaveText("Reserved");
  await expect(page.getByTestId("ledger-trail").locator('tbody tr[data-type="RELEASE"]')).toHaveCount(1);
});

test("a store manager gets 404 for another store's order; a brand partner gets 404 on the orders pages", async ({ page }) => {
  const [other] = await query<{ id: string }>(
    `SELECT o.id::text FROM customer_order o
     WHERE o.selling_location_id IS DISTINCT FROM (SELECT id FROM location WHERE code = $1)
       AND NOT EXISTS (SELECT 1 FROM order_line ol JOIN location l ON l.id = ol.fulfill_location_id WHERE ol.order_id = o.id AND l.code = $1)
       AND NOT EXISTS (SELECT 1 FROM order_shipment s JOIN location l ON l.id = s.location_id WHERE s.order_id = o.id AND l.code = $1)
     ORDER BY o.id DESC LIMIT 1`,
    [STORE],
  );
  await login(page, USERS.store);
  expect((await page.goto(`/orders/${other.id}`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await page.goto("/orders/new"))?.status()).toBe(404);
  // Their own list holds only orders their store sold or fulfils.
  await page.goto("/orders");
  await expect(page.locator(`tr[data-order="${other.id}"]`)).toHaveCount(0);

  await page.context().clearCookies();
  await login(page, USERS.partner);
  for (const path of ["/orders", "/orders/new", `/orders/${other.id}`]) expect((await page.goto(path))?.status(), path).toBe(404);
});
