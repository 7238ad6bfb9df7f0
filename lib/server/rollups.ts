import "server-only";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";

// Dashboard rollups (migration 20261130000000_dashboard_rollups): triggers append signed changes to
// *_pending tables; fold_rollups() moves them into the rollups. Readers add rollup and pending in one
// statement, so the figures are exact whether or not a fold has run; folding only keeps pending short.

/** Per (location, brand) stock figures: rollup + not yet folded changes. */
export const LOCATION_BRAND_FIGURES = Prisma.sql`
  SELECT location_id, brand_id, on_hand, reserved, atp, stock_outs, below_safety FROM stock_rollup_location
  UNION ALL
  SELECT p.location_id, k.brand_id, p.on_hand, p.reserved, p.atp, p.stock_outs, p.below_safety
  FROM stock_rollup_pending p JOIN sku k ON k.id = p.sku_id`;

/** Per SKU pool figures (network-wide ATP and stock-out locations). */
export const SKU_POOL_FIGURES = Prisma.sql`
  SELECT sku_id, atp, stock_outs FROM stock_rollup_sku
  UNION ALL
  SELECT sku_id, atp, stock_outs FROM stock_rollup_pending`;

/** Remaining lot units per (brand, UTC receipt day). */
export const LOT_DAY_FIGURES = Prisma.sql`
  SELECT brand_id, received_on, units FROM lot_rollup_day
  UNION ALL
  SELECT k.brand_id, p.received_on, p.units FROM lot_rollup_pending p JOIN sku k ON k.id = p.sku_id`;

const FOLD_EVERY_MS = 2_000;
const state = globalThis as unknown as { yipanLastFold?: number };

/** Folds pending changes now; false when another session is already folding. */
export async function foldRollups(): Promise<boolean> {
  const [row] = await db().$queryRaw<{ folded: boolean }[]>`SELECT fold_rollups() AS folded`;
  return row.folded;
}

/** Folds pending shipment counts (the capacity filter's, migration 20261130072415_shipment_load) now. */
export async function foldShipmentLoad(): Promise<boolean> {
  const [row] = await db().$queryRaw<{ folded: boolean }[]>`SELECT fold_shipment_load() AS folded`;
  return row.folded;
}

/**
 * Called by readers: starts a fold of every rollup in the background when this process has not folded recently.
 * The read does not wait for it (it is exact either way); this only stops pending rows piling up between reads.
 */
export function foldSoon(now = Date.now()): void {
  if (now - (state.yipanLastFold ?? 0) < FOLD_EVERY_MS) return;
  state.yipanLastFold = now;
  foldRollups()
    .then(() => foldShipmentLoad())
    .then(() => vacuumPending())
    .catch((error) => console.error("folding rollups failed", error));
}

/**
 * Every pending row is deleted by the next fold, so these tables are mostly dead rows until vacuumed — and readers
 * scan them. Autovacuum looks once a minute at best, and some servers run without it (this project's benchmark
 * machines do): a 140,000-row pending table made each ATS read scan 1,100 pages. Vacuumed here after each fold,
 * they stay at what one fold interval leaves. SKIP_LOCKED: a vacuum already running is enough.
 */
async function vacuumPending() {
  await db().$executeRawUnsafe("VACUUM (SKIP_LOCKED) stock_rollup_pending, lot_rollup_pending, shipment_load_pending");
}
