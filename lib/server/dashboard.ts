import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { daysOfCover } from "@/lib/inventory/stock";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { ATP_SQL, BELOW_SAFETY_SQL, STOCK_OUT_SQL, stockScopeSql } from "./stock-sql";

export type StockTotals = { onHand: number; reserved: number; atp: number; stockOuts: number; belowSafety: number };
export type StockGroup = StockTotals & { key: string };
export type AtRiskSku = {
  skuId: number;
  code: string;
  name: string;
  brand: string;
  poolAtp: number;
  perDay: number;
  daysOfCover: number;
  stockOutLocations: number;
};
export type Dashboard = {
  totals: StockTotals;
  byType: StockGroup[];
  byRegion: StockGroup[];
  atRisk: AtRiskSku[];
  asOf: Date;
};

const VELOCITY_DAYS = 28;

type GroupRow = StockTotals & { type: string | null; region: string | null; grouping: number };

/**
 * One scan of stock_level for the totals and both breakdowns (GROUPING SETS), then the at-risk list from
 * per-SKU ATP and recent sales. Every figure is restricted to the caller's scope inside the SQL.
 */
export async function getDashboard(scope: DataScope, now = new Date()): Promise<Dashboard> {
  const prisma = db();
  const where = stockScopeSql(scope);
  const brandJoin = scope.kind === "brand" ? Prisma.sql`JOIN sku k ON k.id = sl.sku_id` : Prisma.empty;

  const groups = await prisma.$queryRaw<GroupRow[]>`
    SELECT l.type::text AS type, l.region,
           GROUPING(l.type, l.region)::int AS grouping,
           COALESCE(SUM(sl.on_hand), 0)::float8 AS "onHand",
           COALESCE(SUM(sl.reserved), 0)::float8 AS reserved,
           COALESCE(SUM(${ATP_SQL}), 0)::float8 AS atp,
           (COUNT(*) FILTER (WHERE ${STOCK_OUT_SQL}))::float8 AS "stockOuts",
           (COUNT(*) FILTER (WHERE ${BELOW_SAFETY_SQL}))::float8 AS "belowSafety"
    FROM stock_level sl
    JOIN location l ON l.id = sl.location_id
    ${brandJoin}
    WHERE ${where}
    GROUP BY GROUPING SETS ((l.type), (l.region), ())`;

  const pick = (r: GroupRow): StockTotals => ({
    onHand: r.onHand, reserved: r.reserved, atp: r.atp, stockOuts: r.stockOuts, belowSafety: r.belowSafety,
  });
  const total = groups.find((g) => g.grouping === 3);
  const byType = groups.filter((g) => g.grouping === 1).map((g) => ({ key: g.type!, ...pick(g) }));
  const byRegion = groups.filter((g) => g.grouping === 2).map((g) => ({ key: g.region!, ...pick(g) }));

  return {
    totals: total ? pick(total) : { onHand: 0, reserved: 0, atp: 0, stockOuts: 0, belowSafety: 0 },
    byType: sortBy(byType, ["WAREHOUSE", "DC", "STORE"]),
    byRegion: byRegion.sort((a, b) => b.onHand - a.onHand),
    atRisk: await atRiskSkus(scope, now),
    asOf: now,
  };
}

function sortBy(groups: StockGroup[], order: string[]): StockGroup[] {
  return [...groups].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

type RiskRow = Omit<AtRiskSku, "daysOfCover">;

/** SKUs selling in the last 28 days (in scope) with the fewest days of cover left. */
async function atRiskSkus(scope: DataScope, now: Date): Promise<AtRiskSku[]> {
  const since = new Date(now.getTime() - VELOCITY_DAYS * 86_400_000);
  const salesScope =
    scope.kind === "location" ? Prisma.sql`AND ol.fulfill_location_id = ${scope.locationId}` : Prisma.empty;
  const skuScope = scope.kind === "brand" ? Prisma.sql`AND k.brand_id = ${scope.brandId}` : Prisma.empty;
  const stockScope = scope.kind === "location" ? Prisma.sql`AND sl.location_id = ${scope.locationId}` : Prisma.empty;

  const rows = await db().$queryRaw<RiskRow[]>`
    WITH sales AS (
      SELECT ol.sku_id, SUM(ol.quantity)::float8 / ${VELOCITY_DAYS} AS per_day
      FROM order_line ol JOIN sku k ON k.id = ol.sku_id
      WHERE ol.placed_at >= ${since} AND ol.placed_at < ${now} ${salesScope} ${skuScope}
      GROUP BY ol.sku_id
    ), pool AS (
      SELECT sl.sku_id, SUM(${ATP_SQL})::float8 AS atp, (COUNT(*) FILTER (WHERE ${STOCK_OUT_SQL}))::float8 AS outs
      FROM stock_level sl
      WHERE sl.sku_id IN (SELECT sku_id FROM sales) ${stockScope}
      GROUP BY sl.sku_id
    )
    SELECT k.id AS "skuId", k.code, k.name, b.name AS brand,
           COALESCE(p.atp, 0) AS "poolAtp", s.per_day AS "perDay", COALESCE(p.outs, 0) AS "stockOutLocations"
    FROM sales s
    JOIN sku k ON k.id = s.sku_id
    JOIN brand b ON b.id = k.brand_id
    LEFT JOIN pool p ON p.sku_id = s.sku_id
    ORDER BY COALESCE(p.atp, 0) / s.per_day ASC, s.per_day DESC, k.code
    LIMIT 10`;
  return rows.map((r) => ({ ...r, daysOfCover: daysOfCover(r.poolAtp, r.perDay) }));
}
