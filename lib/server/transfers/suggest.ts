import "server-only";
import {
  type TransferLevel,
  type TransferSku,
  type TransferSuggestion,
  VELOCITY_WINDOW_DAYS,
  prepareNetwork,
  suggestAll,
  velocity,
} from "@/lib/transfers";
import { db } from "../db";
import { column, insertRows } from "../sql-rows";

// "Generate suggestions": velocities from the last 28 days of fulfilled order lines, stock per (location, SKU),
// transfers already on their way — into lib/transfers, whose suggestions become PROPOSED transfers awaiting the
// source store's approval. Earlier suggestions nobody acted on are superseded (cancelled) by the new run.

const SKUS_PER_READ = 1000;
const ROWS_PER_INSERT = 5000;
const DAY_MS = 86_400_000;

type SkuChunk = { sku_id: number; locs: number[]; on_hand: number[]; reserved: number[]; safety: number[]; in_transit: number[] };

export async function generateSuggestions(
  actor: string,
  onProgress?: (done: number, total: number) => void,
  now = new Date(),
): Promise<{ proposed: number; skus: number; seconds: number }> {
  const started = performance.now();
  const prisma = db();
  await prisma.transfer.updateMany({ where: { status: "PROPOSED", origin: "SUGGESTED" }, data: { status: "CANCELLED" } });

  const locations = await prisma.location.findMany({ select: { id: true, code: true, name: true, type: true, latitude: true, longitude: true } });
  const network = prepareNetwork(locations.map((l) => ({ id: l.id, code: l.code, name: l.name, type: l.type, lat: l.latitude, lng: l.longitude })));
  const velocities = await loadVelocities(now);
  const moving = await loadMoving();
  const skuIds = (await prisma.sku.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);

  const pending: TransferSuggestion[] = [];
  let proposed = 0;
  let done = 0;
  const flush = async (all = false) => {
    while (pending.length >= ROWS_PER_INSERT || (all && pending.length > 0)) {
      proposed += await store(pending.splice(0, ROWS_PER_INSERT), actor);
    }
  };

  for (let i = 0; i < skuIds.length; i += SKUS_PER_READ) {
    const chunk = skuIds.slice(i, i + SKUS_PER_READ);
    // One row per SKU with its locations as arrays: 1,000 rows to parse instead of 200,000.
    const rows = await prisma.$queryRaw<SkuChunk[]>`
      SELECT sku_id, array_agg(location_id) AS locs, array_agg(on_hand) AS on_hand, array_agg(reserved) AS reserved,
             array_agg(safety_stock) AS safety, array_agg(in_transit) AS in_transit
      FROM stock_level WHERE sku_id >= ${chunk[0]} AND sku_id <= ${chunk[chunk.length - 1]}
      GROUP BY sku_id ORDER BY sku_id`;
    const skus: TransferSku[] = rows.map((r) => ({
      skuId: r.sku_id,
      levels: r.locs.map((locationId, k): TransferLevel => {
        const key = `${locationId}:${r.sku_id}`;
        return {
          locationId, onHand: r.on_hand[k], reserved: r.reserved[k], safetyStock: r.safety[k],
          velocity: velocities.get(key) ?? 0,
          inbound: r.in_transit[k] + (moving.inbound.get(key) ?? 0),
          outbound: moving.outbound.get(key) ?? 0,
        };
      }),
    }));
    for (const { suggestions } of iterate(suggestAll(network, skus))) pending.push(...suggestions);
    await flush();
    done += chunk.length;
    onProgress?.(done, skuIds.length);
  }
  await flush(true);
  return { proposed, skus: skuIds.length, seconds: (performance.now() - started) / 1000 };
}

function* iterate<T, R>(gen: Generator<T, R>): Generator<T> {
  for (let next = gen.next(); !next.done; next = gen.next()) yield next.value;
}

/** Units per day per (location, SKU), from daily fulfilled units over the window (lib/transfers weighs the days). */
async function loadVelocities(now: Date): Promise<Map<string, number>> {
  const since = new Date(now.getTime() - VELOCITY_WINDOW_DAYS * DAY_MS);
  const rows = await db().$queryRaw<{ loc: number; sku: number; days: number[]; units: number[] }[]>`
    SELECT fulfill_location_id AS loc, sku_id AS sku,
           array_agg(d) AS days, array_agg(q) AS units
    FROM (
      SELECT fulfill_location_id, sku_id, floor(date_part('epoch', ${now}::timestamp - placed_at) / 86400)::int AS d, SUM(quantity)::int AS q
      FROM order_line
      WHERE placed_at >= ${since}::timestamp AND placed_at < ${now}::timestamp AND fulfill_location_id IS NOT NULL
      GROUP BY 1, 2, 3
    ) daily
    GROUP BY 1, 2`;
  const out = new Map<string, number>();
  const daily = new Float64Array(VELOCITY_WINDOW_DAYS);
  for (const r of rows) {
    daily.fill(0);
    r.days.forEach((d, k) => {
      if (d >= 0 && d < VELOCITY_WINDOW_DAYS) daily[d] += r.units[k];
    });
    out.set(`${r.loc}:${r.sku}`, velocity(daily));
  }
  return out;
}

/** Transfers not shipped yet (approved, or proposed by hand — the run cancelled its own earlier proposals): coming to
 * the destination, promised out of the source. */
async function loadMoving() {
  const rows = await db().transfer.findMany({ where: { status: { in: ["APPROVED", "PROPOSED"] } }, select: { skuId: true, fromLocationId: true, toLocationId: true, quantity: true } });
  const inbound = new Map<string, number>();
  const outbound = new Map<string, number>();
  for (const t of rows) {
    inbound.set(`${t.toLocationId}:${t.skuId}`, (inbound.get(`${t.toLocationId}:${t.skuId}`) ?? 0) + t.quantity);
    outbound.set(`${t.fromLocationId}:${t.skuId}`, (outbound.get(`${t.fromLocationId}:${t.skuId}`) ?? 0) + t.quantity);
  }
  return { inbound, outbound };
}

const TRANSFER_COLUMNS = [
  column("sku_id", "int"), column("from_location_id", "int"), column("to_location_id", "int"), column("quantity", "int"),
  column("status", '"TransferStatus"'), column("origin", "text"), column("reason", "jsonb"), column("created_by", "text"),
];

async function store(suggestions: TransferSuggestion[], actor: string): Promise<number> {
  return db().$transaction(async (tx) => {
    const created = await insertRows<{ id: bigint }>(tx, "transfer", TRANSFER_COLUMNS, suggestions.map((s) => [
      s.skuId, s.fromLocationId, s.toLocationId, s.quantity, "PROPOSED", "SUGGESTED", { reason: s.reason, effect: s.effect, packSize: s.packSize }, actor,
    ]), "id");
    await insertRows(tx, "transfer_event", [column("transfer_id", "bigint"), column("action", "text"), column("actor", "text")], created.map((c) => [c.id, "PROPOSED", actor]));
    return created.length;
  }, { timeout: 60_000 });
}
