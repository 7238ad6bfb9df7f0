import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { csvLine } from "@/lib/inventory/csv";
import type { GridFilters } from "@/lib/inventory/grid-query";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { gridConditions, joinedWhere, ROW_COLUMNS, toGridRow, type GridRawRow, type GridRow } from "./grid";
import { OLDEST_LOT_LATERAL } from "./sql";

// CSV export of the grid's filters (not its page): every matching row, in SKU code then location code
// order, read in keyset batches so memory stays flat whether it is 10 rows or 2,000,000.

export const EXPORT_BATCH = 2_000;

export const CSV_COLUMNS = [
  "sku_code", "sku_name", "brand", "category", "location_code", "location_name", "location_type", "region",
  "on_hand", "reserved", "safety_stock", "in_transit", "atp", "status", "oldest_lot_age_days",
] as const;

export function csvRow(r: GridRow): string {
  return csvLine([
    r.skuCode, r.skuName, r.brandName, r.category, r.locationCode, r.locationName, r.locationType, r.region,
    r.onHand, r.reserved, r.safetyStock, r.inTransit, r.atp, r.status, r.oldestAgeDays,
  ]);
}

/** Batches of matching rows for the caller's scope; each batch is one indexed query after the last key. */
export async function* exportGridRows(
  scope: DataScope,
  filters: GridFilters,
  now = new Date(),
  batchSize = EXPORT_BATCH,
): AsyncGenerator<GridRow[]> {
  const c = await gridConditions(scope, filters, now);
  if (c.none) return;
  const where = joinedWhere(c);
  let after: { sku: string; location: string } | null = null;
  for (;;) {
    // `k.code >= …` lets the walk start in sku.code's index; the row comparison then skips what was sent.
    const resume: Prisma.Sql = after
      ? Prisma.sql`AND k.code >= ${after.sku} AND (k.code, l.code) > (${after.sku}, ${after.location})`
      : Prisma.empty;
    // Names and the oldest lot are joined after the LIMIT, so each batch costs its own rows only.
    const batch: GridRawRow[] = await db().$queryRaw<GridRawRow[]>`
      WITH page AS MATERIALIZED (
        SELECT sl.location_id, sl.sku_id, k.code AS sku_code, l.code AS location_code
        FROM stock_level sl JOIN sku k ON k.id = sl.sku_id JOIN location l ON l.id = sl.location_id
        WHERE ${where} ${resume}
        ORDER BY k.code, l.code LIMIT ${batchSize}
      )
      SELECT ${ROW_COLUMNS}
      FROM page p JOIN stock_level sl ON sl.location_id = p.location_id AND sl.sku_id = p.sku_id
      JOIN sku k ON k.id = sl.sku_id JOIN brand b ON b.id = k.brand_id JOIN location l ON l.id = sl.location_id
      ${OLDEST_LOT_LATERAL}
      ORDER BY p.sku_code, p.location_code`;
    if (batch.length === 0) return;
    yield batch.map((r) => toGridRow(r, now));
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    after = { sku: last.sku_code, location: last.location_code };
  }
}
