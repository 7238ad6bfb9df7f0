import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { ageProfile, settleReceiptDays, utcDayRange, type AgeProfile } from "@/lib/inventory/age";
import { daysOfCover } from "@/lib/inventory/stock";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { foldSoon, LOCATION_BRAND_FIGURES, LOT_DAY_FIGURES, SKU_POOL_FIGURES } from "./rollups";
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
  /** Remaining units by inventory age (库龄) of their lots. */
  age: AgeProfile;
  asOf: Date;
};

const VELOCITY_DAYS = 28;

type GroupRow = StockTotals & { type: string | null; region: string | null; grouping: number };

/**
 * The three parts run concurrently; every figure is restricted to the caller's scope inside the SQL.
 * Network and brand figures come from rollups (lib/server/rollups.ts), so no query scans 2M stock rows.
 */
export async function getDashboard(scope: DataScope, now = new Date()): Promise<Dashboard> {
  if (scope.kind !== "location") foldSoon();
  const [groups, atRisk, age] = await Promise.all([stockGroups(scope), atRiskSkus(scope, now), ageOfStock(scope, now)]);

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
    atRisk,
    age,
    asOf: now,
  };
}

/**
 * Totals and both breakdowns, rolled up from ≤ 200 per-location rows. Network and brand scopes read the
 * rollups (lib/server/rollups.ts); a store's own ≤ 10,000 stock rows are read directly through its index.
 */
function stockGroups(scope: DataScope): Promise<GroupRow[]> {
  const perLocation =
    scope.kind === "location"
      ? Prisma.sql`
        SELECT sl.location_id,
               SUM(sl.on_hand) AS on_hand, SUM(sl.reserved) AS reserved, SUM(${ATP_SQL}) AS atp,
               COUNT(*) FILTER (WHERE ${STOCK_OUT_SQL}) AS stock_outs,
               COUNT(*) FILTER (WHERE ${BELOW_SAFETY_SQL}) AS below_safety
        FROM stock_level sl WHERE ${stockScopeSql(scope)}
        GROUP BY sl.location_id`
      : Prisma.sql`
        SELECT f.location_id, SUM(f.on_hand) AS on_hand, SUM(f.reserved) AS reserved, SUM(f.atp) AS atp,
               SUM(f.stock_outs) AS stock_outs, SUM(f.below_safety) AS below_safety
        FROM (${LOCATION_BRAND_FIGURES}) f
        ${scope.kind === "brand" ? Prisma.sql`WHERE f.brand_id = ${scope.brandId}` : Prisma.empty}
        GROUP BY f.location_id`;
  return db().$queryRaw<GroupRow[]>`
    WITH per_location AS (${perLocation})
    SELECT l.type::text AS type, l.region, GROUPING(l.type, l.region)::int AS grouping,
           COALESCE(SUM(p.on_hand), 0)::float8 AS "onHand", COALESCE(SUM(p.reserved), 0)::float8 AS reserved,
           COALESCE(SUM(p.atp), 0)::float8 AS atp, COALESCE(SUM(p.stock_outs), 0)::float8 AS "stockOuts",
           COALESCE(SUM(p.below_safety), 0)::float8 AS "belowSafety"
    FROM per_location p JOIN location l ON l.id = p.location_id
    GROUP BY GROUPING SETS ((l.type), (l.region), ())`;
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
  // Pool over the scope's stock: a store's own rows, or the network-wide per-SKU rollup (the SKUs are
  // already limited to the partner's brand by the sales CTE).
  const pool =
    scope.kind === "location"
      ? Prisma.sql`
        SELECT sl.sku_id, SUM(${ATP_SQL})::float8 AS atp, (COUNT(*) FILTER (WHERE ${STOCK_OUT_SQL}))::float8 AS outs
        FROM stock_level sl WHERE sl.location_id = ${scope.locationId}
        GROUP BY sl.sku_id`
      : Prisma.sql`
        SELECT f.sku_id, SUM(f.atp)::float8 AS atp, SUM(f.stock_outs)::float8 AS outs
        FROM (${SKU_POOL_FIGURES}) f
        GROUP BY f.sku_id`;

  const rows = await db().$queryRaw<RiskRow[]>`
    WITH sales AS (
      SELECT ol.sku_id, SUM(ol.quantity)::float8 / ${VELOCITY_DAYS} AS per_day
      FROM order_line ol JOIN sku k ON k.id = ol.sku_id
      WHERE ol.placed_at >= ${since} AND ol.placed_at < ${now} ${salesScope} ${skuScope}
      GROUP BY ol.sku_id
    ), pool AS (${pool}    )
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

/**
 * Remaining lot units by age bucket. Network and brand scopes read units per UTC receipt day from the lot
 * rollup and look at individual lots only for the few days straddling a bucket boundary; a store reads its
 * own open lots. The bucketing itself is lib/inventory/age.ts.
 */
async function ageOfStock(scope: DataScope, now: Date): Promise<AgeProfile> {
  if (scope.kind === "location") {
    return ageProfile(await lotAges(Prisma.sql`lo.location_id = ${scope.locationId}`, Prisma.empty, now));
  }
  const brandOnly = scope.kind === "brand" ? Prisma.sql`WHERE f.brand_id = ${scope.brandId}` : Prisma.empty;
  const days = await db().$queryRaw<{ receivedOn: string; units: number }[]>`
    SELECT to_char(f.received_on, 'YYYY-MM-DD') AS "receivedOn", SUM(f.units)::float8 AS units
    FROM (${LOT_DAY_FIGURES}) f ${brandOnly}
    GROUP BY f.received_on HAVING SUM(f.units) <> 0`;
  const { settled, straddling } = settleReceiptDays(days, now);
  if (straddling.length === 0) return ageProfile(settled);

  const within = Prisma.join(
    straddling.map(utcDayRange).map((r) => Prisma.sql`(lo.received_at >= ${r.start} AND lo.received_at < ${r.end})`),
    " OR ",
  );
  const brandJoin = scope.kind === "brand" ? Prisma.sql`JOIN sku k ON k.id = lo.sku_id AND k.brand_id = ${scope.brandId}` : Prisma.empty;
  return ageProfile([...settled, ...(await lotAges(Prisma.sql`(${within})`, brandJoin, now))]);
}

/** Open lots matching `where`, as remaining units by whole days since receipt. */
function lotAges(where: Prisma.Sql, join: Prisma.Sql, now: Date) {
  return db().$queryRaw<{ ageDays: number; units: number }[]>`
    -- date_part, not extract: extract returns numeric, which made this scan ~60 % slower over 2M lots.
    SELECT GREATEST(0, floor(date_part('epoch', ${now}::timestamptz - lo.received_at) / 86400))::int AS "ageDays",
           SUM(lo.remaining)::float8 AS units
    FROM stock_lot lo ${join}
    WHERE lo.remaining > 0 AND ${where}
    GROUP BY 1`;
}
