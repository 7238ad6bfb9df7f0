// Loads the demo data into an empty database (or wipes it first with `force`) in ONE transaction, so an
// interrupted seed leaves nothing half-done that a later "already seeded" check would mistake for data.
import bcrypt from "bcryptjs";
import type pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { BRANDS, CHANNELS, buildLocations, buildSkus, stockFor, type LocationSeed, type SkuSeed } from "./network";
import { generateOrders, planOrders } from "./orders";
import { createRng, type Rng } from "./random";
import { insertValues, UnnestBatch, utcText, type Client } from "./sql";

export type SeedOptions = {
  skus: number;
  locations: number;
  days: number;
  seed: string;
  force: boolean;
  /** End of the order history; defaults to the current time. */
  now?: Date;
  /** Demand is scaled down when more orders than this would be generated. */
  maxOrders: number;
};

export const DEFAULT_OPTIONS: SeedOptions = {
  skus: 2000,
  locations: 45,
  days: 90,
  seed: "1",
  force: false,
  maxOrders: 300_000,
};

export type SeedSummary = {
  skipped: boolean;
  seconds: number;
  counts: Record<string, number>;
  /** Shares of store stock rows that are stock-outs (nothing unreserved) / below safety stock. */
  storeStockOutShare: number;
  storeBelowSafetyShare: number;
};

type Log = (message: string) => void;
type Ids = { brand: Map<string, number>; location: Map<string, number>; locations: number[]; skus: number[] };

const STOCK_BATCH = 50_000;
const LINE_BATCH = 30_000;
const TABLES = [
  "transfer_event", "transfer", "order_line", "customer_order", "reservation_line", "reservation", "stock_ledger", "stock_lot", "stock_level",
  "idempotency_record", "api_key", "login_throttle", "app_user", "sku", "location", "channel", "brand",
];

const fmt = (n: number) => n.toLocaleString("en-US");

export async function seed(
  pool: pg.Pool,
  options: Partial<SeedOptions> = {},
  log: Log = console.log,
): Promise<SeedSummary> {
  const opts: SeedOptions = { ...DEFAULT_OPTIONS, ...options };
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const result: SeedSummary = {
    skipped: false, seconds: 0, counts: {}, storeStockOutShare: 0, storeBelowSafetyShare: 0,
  };

  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Opening balances go through the ledger trigger like any movement; a re-seed may reset the ledger.
    await client.query(`SELECT set_config('yipan.movement', 'OPENING', true), set_config('yipan.actor', 'seed', true),
      set_config('yipan.reason', 'demo opening balance', true), set_config('yipan.allow_ledger_reset', 'on', true),
      set_config('yipan.rollup_capture', 'off', true)`);
    const { rows } = await client.query<{ seeded: boolean }>("SELECT EXISTS (SELECT 1 FROM location) AS seeded");
    if (rows[0].seeded && !opts.force) {
      await client.query("ROLLBACK");
      log("already seeded: the database has locations; run with --force to wipe it and load the demo data again");
      return { ...result, skipped: true, seconds: (performance.now() - started) / 1000 };
    }
    if (opts.force) {
      log(`wiping ${TABLES.join(", ")}`);
      await client.query(`TRUNCATE ${TABLES.join(", ")} RESTART IDENTITY CASCADE`);
    }

    const rng = createRng(opts.seed);
    const locations = buildLocations(opts.locations, opts.seed);
    const skus = buildSkus(opts.skus, opts.seed);
    log(`brands, channels, ${fmt(locations.length)} locations, ${fmt(skus.length)} SKUs`);
    const ids = await insertCatalogue(client, locations, skus);
    Object.assign(result.counts, {
      brands: BRANDS.length,
      channels: CHANNELS.length,
      locations: locations.length,
      skus: skus.length,
    });

    const timed = (m: string) => log(`${m} (${elapsed()})`);
    await insertStock(client, locations, skus, ids, rng.fork("stock"), result, timed);
    await ageLots(client, opts.now ?? new Date());
    timed("lots dated");
    await insertOrders(client, opts, locations, skus, ids, rng.fork("orders"), result, timed);

    log("demo users");
    result.counts.users = await insertUsers(client, ids);
    // Capture was off for the bulk load (millions of pending rows otherwise): compute the rollups once.
    await client.query("SELECT rebuild_rollups()");
    timed("dashboard rollups");
    // Order routing reads stock by SKU across every location: keep each SKU's rows on a few pages rather than one
    // page per location (rows were generated location by location). The fillfactor leaves room for updates in place.
    await client.query("CLUSTER stock_level USING stock_level_sku_id_idx");
    timed("stock clustered by SKU");
    log("committing");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }

  log("analyzing");
  await pool.query(`ANALYZE ${TABLES.join(", ")}`);
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

async function insertCatalogue(client: Client, locations: LocationSeed[], skus: SkuSeed[]): Promise<Ids> {
  const byCode = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [r.code as string, r.id as number]));
  const brand = byCode(
    await insertValues(client, "brand", ["code", "name"], BRANDS.map((b) => [b.code, b.name]), "RETURNING id, code"),
  );
  await insertValues(client, "channel", ["code", "name", "type"], CHANNELS.map((c) => [c.code, c.name, c.type]));
  const location = byCode(
    await insertValues(
      client,
      "location",
      ["code", "name", "type", "city", "province", "region", "latitude", "longitude", "can_ship", "can_pickup",
        "daily_capacity", "ship_base_cents", "ship_per_km_cents", "ship_per_unit_cents", "exclusive_brand_id"],
      locations.map((l) => [
        l.code, l.name, l.type, l.city, l.province, l.region, l.latitude, l.longitude, l.canShip, l.canPickup,
        l.dailyCapacity, l.shipBaseCents, l.shipPerKmCents, l.shipPerUnitCents,
        l.exclusiveBrandCode ? brand.get(l.exclusiveBrandCode) : null,
      ]),
      "RETURNING id, code",
    ),
  );
  const sku = byCode(
    await insertValues(
      client,
      "sku",
      ["code", "name", "brand_id", "category", "style", "color", "size", "price_cents", "cost_cents"],
      skus.map((k) => [
        k.code, k.name, brand.get(k.brandCode), k.category, k.style, k.color, k.size, k.priceCents, k.costCents,
      ]),
      "RETURNING id, code",
    ),
  );
  return {
    brand,
    location,
    locations: locations.map((l) => location.get(l.code)!),
    skus: skus.map((k) => sku.get(k.code)!),
  };
}

/** Rows are generated in one fixed order (location-major), so the data does not depend on the batch size. */
async function insertStock(
  client: Client,
  locations: LocationSeed[],
  skus: SkuSeed[],
  ids: Ids,
  rng: Rng,
  result: SeedSummary,
  log: Log,
) {
  const total = locations.length * skus.length;
  log(`stock levels: ${fmt(total)} rows`);
  const batch = new UnnestBatch("stock_level", [
    ["location_id", "int"], ["sku_id", "int"], ["on_hand", "int"],
    ["reserved", "int"], ["safety_stock", "int"], ["in_transit", "int"],
  ]);
  let written = 0;
  let storeRows = 0;
  let outs = 0;
  let belowSafety = 0;
  const flush = async () => {
    written += await batch.flush(client);
    log(`  stock ${Math.round((100 * written) / total)}% (${fmt(written)} / ${fmt(total)} rows)`);
  };
  for (let li = 0; li < locations.length; li++) {
    const store = locations[li].type === "STORE";
    for (let si = 0; si < skus.length; si++) {
      const s = stockFor(locations[li], skus[si], rng);
      batch.push(ids.locations[li], ids.skus[si], s.onHand, s.reserved, s.safetyStock, s.inTransit);
      if (store) {
        const free = s.onHand - s.reserved;
        storeRows++;
        if (free <= 0) outs++;
        else if (free < s.safetyStock) belowSafety++;
      }
      if (batch.size >= STOCK_BATCH) await flush();
    }
  }
  if (batch.size > 0) await flush();
  result.counts.stockLevels = written;
  result.storeStockOutShare = outs / Math.max(1, storeRows);
  result.storeBelowSafetyShare = belowSafety / Math.max(1, storeRows);
}

/** Orders and lines get explicit ids (a line needs its order's id); the sequences are moved past them after. */
async function insertOrders(
  client: Client,
  opts: SeedOptions,
  locations: LocationSeed[],
  skus: SkuSeed[],
  ids: Ids,
  rng: Rng,
  result: SeedSummary,
  log: Log,
) {
  const channelRows = await client.query<{ id: number; code: string }>("SELECT id, code FROM channel");
  const channelIds = CHANNELS.map((c) => channelRows.rows.find((r) => r.code === c.code)!.id);
  const now = opts.now ?? new Date();
  const input = { locations, skus, channels: CHANNELS, days: opts.days, now, maxOrders: opts.maxOrders };
  const { expected, scale } = planOrders(input);
  const scaled = scale < 1 ? `, demand scaled by ${scale.toFixed(2)} to stay under ${fmt(opts.maxOrders)}` : "";
  log(`orders: ${opts.days} days, about ${fmt(Math.round(expected * scale))} expected${scaled}`);

  const { rows } = await client.query<{ o: string; l: string }>(
    "SELECT (SELECT COALESCE(MAX(id), 0) FROM customer_order) AS o, (SELECT COALESCE(MAX(id), 0) FROM order_line) AS l",
  );
  let orderId = Number(rows[0].o);
  let lineId = Number(rows[0].l);
  const orderBatch = new UnnestBatch("customer_order", [
    ["id", "bigint"], ["channel_id", "int"], ["selling_location_id", "int"], ["status", '"OrderStatus"'],
    ["placed_at", "timestamp(3)"], ["city", "text"], ["province", "text"], ["latitude", "float8"],
    ["longitude", "float8"], ["total_cents", "int"],
  ]);
  const lineBatch = new UnnestBatch("order_line", [
    ["id", "bigint"], ["order_id", "bigint"], ["sku_id", "int"], ["fulfill_location_id", "int"],
    ["quantity", "int"], ["unit_price_cents", "int"], ["placed_at", "timestamp(3)"],
  ]);
  let orders = 0;
  let lines = 0;
  const flush = async (day: number) => {
    orders += await orderBatch.flush(client); // orders first: lines reference them
    lines += await lineBatch.flush(client);
    const pct = Math.round((100 * day) / Math.max(1, opts.days));
    log(`  orders day ${day}/${opts.days} (${pct}%): ${fmt(orders)} orders, ${fmt(lines)} lines`);
  };

  for (const { day, orders: dayOrders } of generateOrders(input, rng)) {
    for (const o of dayOrders) {
      orderId++;
      const placedAt = utcText(o.placedAt);
      const selling = o.selling === null ? null : ids.locations[o.selling];
      orderBatch.push(orderId, channelIds[o.channel], selling, o.status, placedAt, o.city, o.province,
        o.latitude, o.longitude, o.totalCents);
      for (const line of o.lines) {
        lineId++;
        lineBatch.push(lineId, orderId, ids.skus[line.sku], ids.locations[line.fulfill], line.quantity,
          line.unitPriceCents, placedAt);
      }
    }
    if (lineBatch.size >= LINE_BATCH) await flush(day);
  }
  if (orderBatch.size > 0) await flush(opts.days);

  for (const [table, last] of [["customer_order", orderId], ["order_line", lineId]] as const) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST($1::bigint, 1), $1::bigint > 0)`,
      [last],
    );
  }
  result.counts.orders = orders;
  result.counts.orderLines = lines;
}

async function insertUsers(client: Client, ids: Ids): Promise<number> {
  const rows = await Promise.all(
    DEMO_USERS.map(async (u) => {
      const locationId = u.locationCode ? ids.location.get(u.locationCode) : null;
      const brandId = u.brandCode ? ids.brand.get(u.brandCode) : null;
      if (locationId === undefined) throw new Error(`demo user ${u.email} needs location ${u.locationCode}`);
      if (brandId === undefined) throw new Error(`demo user ${u.email} needs brand ${u.brandCode}`);
      return [u.email, u.name, await bcrypt.hash(DEMO_PASSWORD, 10), u.role, locationId, brandId];
    }),
  );
  await insertValues(client, "app_user", ["email", "name", "password_hash", "role", "location_id", "brand_id"], rows);
  return rows.length;
}

/**
 * The trigger opened one lot per stock level, received "now". Date them back so inventory age means something:
 * each SKU arrived with its collection (0–149 days ago), each location a little later (0–19 days).
 */
async function ageLots(client: Client, now: Date) {
  await client.query(
    `UPDATE stock_lot SET received_at = $1::timestamptz
       - make_interval(days => (abs(hashint4(sku_id)) % 150) - (abs(hashint4(location_id * 100003 + sku_id)) % 20) + 19)`,
    [now.toISOString()],
  );
}
