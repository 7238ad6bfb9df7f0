import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { DEFAULT_REPLENISHMENT_CONFIG, type ReplenishmentPolicy } from "@/lib/replenishment";
import type { LocationType } from "@/lib/routing/types";
import { VELOCITY_WINDOW_DAYS } from "@/lib/transfers/velocity";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { getGridOptions } from "../inventory/grid";
import { and, containsPattern } from "../inventory/sql";
import { REPLENISHMENT_PAGE_SIZE, type ReplenishmentFilters, type ReplenishmentQuery } from "./query";
import { buildLines, dailySeries, pageLines, sortLines, type LinesPage, type ReplenishmentLine, type StockInput } from "./rows";

// Replenishment suggestions for one location at a time (PRODUCT.md "Replenishment suggestions", issue #6).
//
// How it stays fast at 10,000 SKUs × 200 locations: only the chosen location is read — its stock levels (≤ one per SKU,
// by the stock_level primary key) and its sales of the last 28 days summed per SKU and day in SQL (the index
// order_line (fulfill_location_id, placed_at)), so at most 10,000 small rows and 28 × SKUs-sold sums come back. The pure
// functions (lib/transfers/velocity, lib/replenishment) then run in memory, and the sort, filter and page happen on that
// location's lines on the server; the browser gets one page.
//
// Numbers: demand/day = the exponentially weighted velocity of lib/transfers/velocity.ts over every order line the
// location fulfilled in the 28 days before as-of (as lib/server/transfers and the dashboard count sales), σ its weighted
// standard deviation (safety stock = z·σ·√L); lead time, review period and z per location type from
// DEFAULT_REPLENISHMENT_CONFIG. On order = 0 (no purchase orders yet); in transit counts as incoming.
//
// Scope: a store manager's lines are their store's only — asking for another location answers null (the page 404s).

export type ReplenishmentLocation = { id: number; code: string; name: string; type: LocationType };

export type ReplenishmentView = LinesPage & {
  location: ReplenishmentLocation;
  policy: ReplenishmentPolicy;
  asOf: Date;
};

const MS_PER_DAY = 86_400_000;

/** A UTC instant as the `timestamp` (without time zone, UTC) order_line.placed_at stores. */
const utc = (d: Date): Prisma.Sql => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** The locations the caller may pick: every location for HQ, their own store for a store manager. */
export async function replenishmentLocations(scope: DataScope): Promise<ReplenishmentLocation[]> {
  const where = scope.kind === "location" ? { id: scope.locationId } : {};
  const rows = await db().location.findMany({ where, select: { id: true, code: true, name: true, type: true }, orderBy: { code: "asc" } });
  const rank: Record<LocationType, number> = { WAREHOUSE: 0, DC: 1, STORE: 2 };
  return rows.sort((a, b) => rank[a.type] - rank[b.type] || (a.code < b.code ? -1 : 1));
}

/**
 * The location the view is for. A store manager always gets their store; naming another location (or an unknown code)
 * answers null. Without a code HQ gets the first warehouse (by code).
 */
export async function resolveReplenishmentLocation(scope: DataScope, code: string | undefined): Promise<ReplenishmentLocation | null> {
  const select = { id: true, code: true, name: true, type: true } as const;
  if (scope.kind === "location") {
    const own = await db().location.findUnique({ where: { id: scope.locationId }, select });
    if (!own || (code !== undefined && code !== own.code)) return null;
    return own;
  }
  if (code !== undefined) return db().location.findUnique({ where: { code }, select });
  return (
    (await db().location.findFirst({ where: { type: "WAREHOUSE" }, select, orderBy: { code: "asc" } })) ??
    (await db().location.findFirst({ select, orderBy: { code: "asc" } }))
  );
}

type StockRaw = {
  sku_id: number;
  sku_code: string;
  sku_name: string;
  brand_code: string;
  brand_name: string;
  category: string;
  on_hand: number;
  reserved: number;
  in_transit: number;
  safety_stock: number;
};

/** Every line of the location that passes the SKU filters, unsorted. */
export async function replenishmentLines(scope: DataScope, location: ReplenishmentLocation, filters: ReplenishmentFilters, asOf: Date): Promise<ReplenishmentLine[]> {
  if (scope.kind === "location" && scope.locationId !== location.id) return [];
  const conditions: Prisma.Sql[] = [Prisma.sql`sl.location_id = ${location.id}`];
  if (scope.kind === "brand") conditions.push(Prisma.sql`k.brand_id = ${scope.brandId}`);
  if (filters.brand) conditions.push(Prisma.sql`b.code = ${filters.brand}`);
  if (filters.category) conditions.push(Prisma.sql`k.category = ${filters.category}`);
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    conditions.push(Prisma.sql`(k.code ILIKE ${pattern} OR k.name ILIKE ${pattern})`);
  }
  const since = new Date(asOf.getTime() - VELOCITY_WINDOW_DAYS * MS_PER_DAY);
  const [stock, sales] = await Promise.all([
    db().$queryRaw<StockRaw[]>`
      SELECT sl.sku_id, k.code AS sku_code, k.name AS sku_name, b.code AS brand_code, b.name AS brand_name, k.category,
             sl.on_hand, sl.reserved, sl.in_transit, sl.safety_stock
      FROM stock_level sl JOIN sku k ON k.id = sl.sku_id JOIN brand b ON b.id = k.brand_id
      WHERE ${and(conditions)}`,
    // Day i = sales in [asOf − (i+1)·24 h, asOf − i·24 h), as lib/transfers/velocity.ts dailySales buckets them.
    db().$queryRaw<{ sku_id: number; day: number; units: number }[]>`
      SELECT ol.sku_id, (ceil(extract(epoch FROM (${utc(asOf)} - ol.placed_at)) / 86400) - 1)::int AS day,
             SUM(ol.quantity)::int AS units
      FROM order_line ol
      WHERE ol.fulfill_location_id = ${location.id} AND ol.placed_at >= ${utc(since)} AND ol.placed_at < ${utc(asOf)}
      GROUP BY 1, 2`,
  ]);
  const daily = dailySeries(sales.map((r) => ({ skuId: r.sku_id, day: r.day, units: r.units })));
  const inputs: StockInput[] = stock.map((r) => ({
    skuId: r.sku_id,
    skuCode: r.sku_code,
    skuName: r.sku_name,
    brandCode: r.brand_code,
    brandName: r.brand_name,
    category: r.category,
    onHand: r.on_hand,
    reserved: r.reserved,
    inTransit: r.in_transit,
    safetyStock: r.safety_stock,
  }));
  return buildLines(location.id, location.type, inputs, daily);
}

/** One page of the view, with the summary and the chart's top ten; null when the location is not the caller's to see. */
export async function getReplenishment(scope: DataScope, query: ReplenishmentQuery, asOf = new Date(), pageSize = REPLENISHMENT_PAGE_SIZE): Promise<ReplenishmentView | null> {
  const location = await resolveReplenishmentLocation(scope, query.location);
  if (!location) return null;
  const lines = await replenishmentLines(scope, location, query, asOf);
  return { ...pageLines(lines, query, pageSize), location, policy: DEFAULT_REPLENISHMENT_CONFIG.byType[location.type], asOf };
}

/** Every line of the filter in the table's order, for the CSV; null as for getReplenishment. */
export async function exportReplenishment(scope: DataScope, query: ReplenishmentQuery, asOf = new Date()): Promise<{ location: ReplenishmentLocation; lines: ReplenishmentLine[] } | null> {
  const location = await resolveReplenishmentLocation(scope, query.location);
  if (!location) return null;
  const lines = await replenishmentLines(scope, location, query, asOf);
  return { location, lines: sortLines(query.needs ? lines.filter((l) => l.quantity > 0) : lines, query) };
}

/** Brand and category choices for the filter form. */
export async function replenishmentOptions(scope: DataScope) {
  const { brands, categories } = await getGridOptions(scope);
  return { brands, categories };
}

/** As-of for a view: the start of the current minute, so the page and its CSV (seconds apart) agree. */
export function asOfMinute(now = new Date()): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}
