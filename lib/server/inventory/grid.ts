import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { ageInDays, agedCutoff } from "@/lib/inventory/age";
import { COUNT_CAP, PAGE_SIZE, type GridFilters, type GridQuery, type GridSort, type SortDir } from "@/lib/inventory/grid-query";
import { isBelowSafety, isStockOut, locationAtp } from "@/lib/inventory/stock";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { ATP_SQL, BELOW_SAFETY_SQL, STOCK_OUT_SQL, stockScopeSql } from "../stock-sql";
import { and, containsPattern, OLDEST_LOT_LATERAL, ts } from "./sql";

// The SKU × location grid over stock_level (2M rows at 10,000 SKUs × 200 locations).
//
// How it stays fast:
// - Filters are split by the table they test: SKU (alias k), location (alias l) and stock-level (alias sl)
//   conditions. Code sorts join sku/location and walk sku.code's index (incremental sort); quantity sorts
//   run a top-N over stock_level alone with the SKU/location conditions as semi-joins, because joining 2M
//   rows before sorting costs ~3× the scan.
// - The search box is resolved to SKU and location ids first (≤ 10,000 + 200 rows), so the planner sees
//   exact id lists instead of guessing how selective an ILIKE is.
// - A page is found as (location_id, sku_id) keys first, then only those ≤ 51 rows are joined to names and
//   their oldest lot.
// - The total is counted up to COUNT_CAP + 1 rows and shown as "10,000+" beyond: an exact COUNT(*) over
//   millions of rows would cost more than the page itself.

export type StockStatus = "out" | "below" | "ok";

export type GridRow = {
  skuId: number;
  skuCode: string;
  skuName: string;
  brandCode: string;
  brandName: string;
  category: string;
  locationId: number;
  locationCode: string;
  locationName: string;
  locationType: string;
  region: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  inTransit: number;
  atp: number;
  status: StockStatus;
  /** Whole days since the oldest lot with units left arrived; null when nothing is on hand. */
  oldestAgeDays: number | null;
};

export type GridPage = {
  rows: GridRow[];
  page: number;
  pageSize: number;
  /** Matching rows, exact up to COUNT_CAP; when `capped`, there are more than COUNT_CAP. */
  total: number;
  capped: boolean;
  hasNext: boolean;
};

/** Filter conditions by the table they test. `none`: the search matched nothing, so no row can match. */
export type GridConditions = { sku: Prisma.Sql[]; location: Prisma.Sql[]; stock: Prisma.Sql[]; none: boolean };

export async function gridConditions(scope: DataScope, f: GridFilters, now: Date): Promise<GridConditions> {
  const c: GridConditions = { sku: [], location: [], stock: [], none: false };
  if (scope.kind === "brand") c.sku.push(stockScopeSql(scope));
  if (scope.kind === "location") c.stock.push(stockScopeSql(scope));
  if (f.brand) c.sku.push(Prisma.sql`k.brand_id IN (SELECT b.id FROM brand b WHERE b.code = ${f.brand})`);
  if (f.category) c.sku.push(Prisma.sql`k.category = ${f.category}`);
  if (f.type) c.location.push(Prisma.sql`l.type = ${f.type}::"LocationType"`);
  if (f.region) c.location.push(Prisma.sql`l.region = ${f.region}`);
  if (f.location) c.location.push(Prisma.sql`l.code = ${f.location}`);
  // A row is a stock-out or below safety, never both: both boxes ticked mean "either alert".
  if (f.out && f.below) c.stock.push(Prisma.sql`(${STOCK_OUT_SQL} OR ${BELOW_SAFETY_SQL})`);
  else if (f.out) c.stock.push(STOCK_OUT_SQL);
  else if (f.below) c.stock.push(BELOW_SAFETY_SQL);
  if (f.aged) {
    c.stock.push(Prisma.sql`EXISTS (SELECT 1 FROM stock_lot lt WHERE lt.location_id = sl.location_id
      AND lt.sku_id = sl.sku_id AND lt.remaining > 0 AND lt.received_at <= ${ts(agedCutoff(now))})`);
  }
  if (f.q) {
    const pattern = containsPattern(f.q);
    const skuScope = scope.kind === "brand" ? stockScopeSql(scope) : Prisma.sql`TRUE`;
    const [skus, locations] = await Promise.all([
      db().$queryRaw<{ id: number }[]>`SELECT k.id FROM sku k
        WHERE (k.code ILIKE ${pattern} OR k.name ILIKE ${pattern}) AND ${skuScope}`,
      db().$queryRaw<{ id: number }[]>`SELECT l.id FROM location l WHERE l.code ILIKE ${pattern} OR l.name ILIKE ${pattern}`,
    ]);
    const skuIds = skus.map((r) => r.id);
    const locationIds = locations.map((r) => r.id);
    if (skuIds.length === 0 && locationIds.length === 0) c.none = true;
    else if (locationIds.length === 0) c.sku.push(Prisma.sql`k.id = ANY(${skuIds}::int[])`);
    else if (skuIds.length === 0) c.location.push(Prisma.sql`l.id = ANY(${locationIds}::int[])`);
    else c.stock.push(Prisma.sql`(sl.sku_id = ANY(${skuIds}::int[]) OR sl.location_id = ANY(${locationIds}::int[]))`);
  }
  return c;
}

/** WHERE over `stock_level sl` alone, SKU and location conditions as semi-joins. */
export function semiJoinWhere(c: GridConditions): Prisma.Sql {
  const parts = [...c.stock];
  if (c.sku.length) parts.push(Prisma.sql`sl.sku_id IN (SELECT k.id FROM sku k WHERE ${and(c.sku)})`);
  if (c.location.length) parts.push(Prisma.sql`sl.location_id IN (SELECT l.id FROM location l WHERE ${and(c.location)})`);
  return and(parts);
}

/** WHERE for `stock_level sl JOIN sku k JOIN location l`. */
export function joinedWhere(c: GridConditions): Prisma.Sql {
  return and([...c.stock, ...c.sku, ...c.location]);
}

const DIR: Record<SortDir, Prisma.Sql> = { asc: Prisma.sql`ASC`, desc: Prisma.sql`DESC` };

// Whitelisted sort expressions: the sort parameter picks one of these, it never reaches the SQL text.
const QUANTITY: Record<Exclude<GridSort, "sku" | "location" | "age">, Prisma.Sql> = {
  onHand: Prisma.sql`sl.on_hand`,
  reserved: Prisma.sql`sl.reserved`,
  safety: Prisma.sql`sl.safety_stock`,
  inTransit: Prisma.sql`sl.in_transit`,
  atp: ATP_SQL,
};

type Key = { location_id: number; sku_id: number };
const JOINED_FROM = Prisma.sql`stock_level sl JOIN sku k ON k.id = sl.sku_id JOIN location l ON l.id = sl.location_id`;
const NO_OPEN_LOT = Prisma.sql`NOT EXISTS (SELECT 1 FROM stock_lot o
  WHERE o.location_id = sl.location_id AND o.sku_id = sl.sku_id AND o.remaining > 0)`;

function keysByCode(c: GridConditions, sort: "sku" | "location", dir: SortDir, extra: Prisma.Sql, offset: number, limit: number) {
  const order = sort === "sku" ? Prisma.sql`k.code ${DIR[dir]}, l.code ${DIR[dir]}` : Prisma.sql`l.code ${DIR[dir]}, k.code ${DIR[dir]}`;
  return db().$queryRaw<Key[]>`SELECT sl.location_id, sl.sku_id FROM ${JOINED_FROM}
    WHERE ${joinedWhere(c)} AND ${extra} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * Age order walks open lots by arrival (partial index stock_lot_open_received_idx), keeping each stock
 * level's oldest open lot only, until it has a page. Stock levels with nothing on hand have no age and
 * come after, by code, in both directions.
 */
async function keysByAge(c: GridConditions, dir: SortDir, offset: number, limit: number): Promise<Key[]> {
  const lotDir = dir === "desc" ? DIR.asc : DIR.desc; // oldest first = earliest arrival first
  const where = semiJoinWhere(c);
  const aged = await db().$queryRaw<Key[]>`
    SELECT lt.location_id, lt.sku_id FROM stock_lot lt
    JOIN stock_level sl ON sl.location_id = lt.location_id AND sl.sku_id = lt.sku_id
    WHERE lt.remaining > 0
      AND NOT EXISTS (SELECT 1 FROM stock_lot o WHERE o.location_id = lt.location_id AND o.sku_id = lt.sku_id
        AND o.remaining > 0 AND (o.received_at, o.id) < (lt.received_at, lt.id))
      AND ${where}
    ORDER BY lt.received_at ${lotDir}, lt.id ${lotDir} LIMIT ${limit} OFFSET ${offset}`;
  if (aged.length === limit) return aged;
  let tailOffset = 0;
  if (aged.length === 0 && offset > 0) {
    // Past the last stock level with an age: how many had one decides where the tail starts.
    const [{ n }] = await db().$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM stock_level sl
      WHERE ${where} AND NOT ${NO_OPEN_LOT}`;
    tailOffset = Math.max(0, offset - n);
  }
  return aged.concat(await keysByCode(c, "sku", "asc", NO_OPEN_LOT, tailOffset, limit - aged.length));
}

function pageKeys(c: GridConditions, q: GridQuery, offset: number, limit: number): Promise<Key[]> {
  if (q.sort === "sku" || q.sort === "location") return keysByCode(c, q.sort, q.dir, Prisma.sql`TRUE`, offset, limit);
  if (q.sort === "age") return keysByAge(c, q.dir, offset, limit);
  return db().$queryRaw<Key[]>`SELECT sl.location_id, sl.sku_id FROM stock_level sl WHERE ${semiJoinWhere(c)}
    ORDER BY ${QUANTITY[q.sort]} ${DIR[q.dir]}, sl.sku_id, sl.location_id LIMIT ${limit} OFFSET ${offset}`;
}

async function cappedCount(c: GridConditions): Promise<number> {
  const [{ n }] = await db().$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM (
    SELECT 1 FROM stock_level sl WHERE ${semiJoinWhere(c)} LIMIT ${COUNT_CAP + 1}) t`;
  return n;
}

type RawRow = {
  location_id: number; sku_id: number; on_hand: number; reserved: number; safety_stock: number; in_transit: number;
  sku_code: string; sku_name: string; category: string; brand_code: string; brand_name: string;
  location_code: string; location_name: string; location_type: string; region: string; oldest_received_at: Date | null;
};

/** Columns of a grid row over `sl`, `k`, `b`, `l` and the OLDEST_LOT_LATERAL. */
export const ROW_COLUMNS = Prisma.sql`sl.location_id, sl.sku_id, sl.on_hand, sl.reserved, sl.safety_stock, sl.in_transit,
  k.code AS sku_code, k.name AS sku_name, k.category, b.code AS brand_code, b.name AS brand_name,
  l.code AS location_code, l.name AS location_name, l.type::text AS location_type, l.region, oldest.oldest_received_at`;

export function toGridRow(r: RawRow, now: Date): GridRow {
  const q = { onHand: r.on_hand, reserved: r.reserved, safetyStock: r.safety_stock };
  return {
    skuId: r.sku_id, skuCode: r.sku_code, skuName: r.sku_name, brandCode: r.brand_code, brandName: r.brand_name,
    category: r.category, locationId: r.location_id, locationCode: r.location_code, locationName: r.location_name,
    locationType: r.location_type, region: r.region, onHand: r.on_hand, reserved: r.reserved,
    safetyStock: r.safety_stock, inTransit: r.in_transit, atp: locationAtp(q),
    status: isStockOut(q) ? "out" : isBelowSafety(q) ? "below" : "ok",
    oldestAgeDays: r.oldest_received_at ? ageInDays(r.oldest_received_at, now) : null,
  };
}

export type { RawRow as GridRawRow };

/** The rows for `keys`, in that order; the scope is checked again here (defence in depth). */
async function rowsFor(scope: DataScope, keys: Key[], now: Date): Promise<GridRow[]> {
  if (keys.length === 0) return [];
  const rows = await db().$queryRaw<(RawRow & { ord: number })[]>`
    SELECT p.ord::int AS ord, ${ROW_COLUMNS}
    FROM unnest(${keys.map((k) => k.location_id)}::int[], ${keys.map((k) => k.sku_id)}::int[])
      WITH ORDINALITY AS p(location_id, sku_id, ord)
    JOIN stock_level sl ON sl.location_id = p.location_id AND sl.sku_id = p.sku_id
    JOIN sku k ON k.id = sl.sku_id JOIN brand b ON b.id = k.brand_id JOIN location l ON l.id = sl.location_id
    ${OLDEST_LOT_LATERAL}
    WHERE ${stockScopeSql(scope)}
    ORDER BY p.ord`;
  return rows.map((r) => toGridRow(r, now));
}

/** One page of the grid for the caller's scope. */
export async function getInventoryGrid(scope: DataScope, query: GridQuery, now = new Date()): Promise<GridPage> {
  const c = await gridConditions(scope, query, now);
  const empty = { rows: [], page: query.page, pageSize: PAGE_SIZE, total: 0, capped: false, hasNext: false };
  if (c.none) return empty;
  const offset = (query.page - 1) * PAGE_SIZE;
  // One row past the page tells whether there is a next page when the total is capped.
  const [keys, n] = await Promise.all([pageKeys(c, query, offset, PAGE_SIZE + 1), cappedCount(c)]);
  const rows = await rowsFor(scope, keys.slice(0, PAGE_SIZE), now);
  return { rows, page: query.page, pageSize: PAGE_SIZE, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP, hasNext: keys.length > PAGE_SIZE };
}

export type GridOptions = { brands: { code: string; name: string }[]; categories: string[]; regions: string[] };

/** Choices for the filter form, from what the caller may see. */
export async function getGridOptions(scope: DataScope): Promise<GridOptions> {
  const brandScope = scope.kind === "brand" ? Prisma.sql`b.id = ${scope.brandId}` : Prisma.sql`TRUE`;
  const skuScope = scope.kind === "brand" ? stockScopeSql(scope) : Prisma.sql`TRUE`;
  const [brands, categories, regions] = await Promise.all([
    db().$queryRaw<{ code: string; name: string }[]>`SELECT b.code, b.name FROM brand b WHERE ${brandScope} ORDER BY b.name`,
    db().$queryRaw<{ category: string }[]>`SELECT DISTINCT k.category FROM sku k WHERE ${skuScope} ORDER BY 1`,
    db().$queryRaw<{ region: string }[]>`SELECT DISTINCT region FROM location ORDER BY 1`,
  ]);
  return { brands, categories: categories.map((r) => r.category), regions: regions.map((r) => r.region) };
}
