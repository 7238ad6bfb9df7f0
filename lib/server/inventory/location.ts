import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { ageProfile, DAY_MS, type AgeProfile } from "@/lib/inventory/age";
import { locationAtp } from "@/lib/inventory/stock";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { ATP_SQL, BELOW_SAFETY_SQL, STOCK_OUT_SQL, stockScopeSql } from "../stock-sql";
import { ts } from "./sql";

// One location: what it holds, what is out or short, and how old it is. A brand partner may open any
// location but every figure covers their brand's SKUs only; a store manager may open their own store only.

export const ALERT_LIMIT = 20;
/** Alerts are ranked by what the location sold (shipped from here) in this many days. */
export const ALERT_SALES_DAYS = 28;

export type LocationInfo = {
  id: number; code: string; name: string; type: string; region: string; city: string; province: string;
  canShip: boolean; canPickup: boolean; dailyCapacity: number; exclusiveBrand: string | null;
};

export type LocationSummary = {
  skus: number; onHand: number; reserved: number; atp: number; inTransit: number; stockOuts: number; belowSafety: number;
};

export type AlertRow = {
  skuId: number; code: string; name: string; brand: string;
  onHand: number; reserved: number; safetyStock: number; inTransit: number; atp: number;
  /** Units missing to reach safety stock from what is unreserved. */
  shortfall: number;
  /** Units this location shipped in the last ALERT_SALES_DAYS days. */
  sold: number;
};

export type LocationDetail = {
  location: LocationInfo;
  summary: LocationSummary;
  stockOuts: AlertRow[];
  belowSafety: AlertRow[];
  ageProfile: AgeProfile;
  asOf: Date;
};

type AlertRaw = {
  sku_id: number; code: string; name: string; brand: string; on_hand: number; reserved: number; safety_stock: number;
  in_transit: number; sold: number;
};

/** The location page's data, or null when it does not exist or the caller may not open it (→ 404). */
export async function getLocationDetail(scope: DataScope, code: string, now = new Date()): Promise<LocationDetail | null> {
  const [location] = await db().$queryRaw<LocationInfo[]>`
    SELECT l.id, l.code, l.name, l.type::text AS type, l.region, l.city, l.province, l.can_ship AS "canShip",
           l.can_pickup AS "canPickup", l.daily_capacity AS "dailyCapacity", b.name AS "exclusiveBrand"
    FROM location l LEFT JOIN brand b ON b.id = l.exclusive_brand_id
    WHERE l.code = ${code}`;
  if (!location) return null;
  if (scope.kind === "location" && scope.locationId !== location.id) return null;

  // Rows of this location within the caller's scope (sku `k` joined for the brand condition).
  const scoped = Prisma.sql`sl.location_id = ${location.id} AND ${stockScopeSql(scope)}`;
  const lotBrand = scope.kind === "brand" ? Prisma.sql`AND k.brand_id = ${scope.brandId}` : Prisma.empty;
  const since = new Date(now.getTime() - ALERT_SALES_DAYS * DAY_MS);
  // The alerts that cost sales come first: most sold from here recently, then the biggest gap to safety.
  const alerts = (condition: Prisma.Sql) => db().$queryRaw<AlertRaw[]>`
    WITH sold AS (
      SELECT ol.sku_id, SUM(ol.quantity)::int AS units FROM order_line ol
      WHERE ol.fulfill_location_id = ${location.id} AND ol.placed_at >= ${since} AND ol.placed_at < ${now}
      GROUP BY ol.sku_id
    )
    SELECT k.id AS sku_id, k.code, k.name, b.name AS brand, sl.on_hand, sl.reserved, sl.safety_stock, sl.in_transit,
           COALESCE(s.units, 0) AS sold
    FROM stock_level sl JOIN sku k ON k.id = sl.sku_id JOIN brand b ON b.id = k.brand_id
    LEFT JOIN sold s ON s.sku_id = sl.sku_id
    WHERE ${scoped} AND ${condition}
    ORDER BY COALESCE(s.units, 0) DESC, (sl.safety_stock - (sl.on_hand - sl.reserved)) DESC, k.code
    LIMIT ${ALERT_LIMIT}`;

  const [[summary], outs, below, ages] = await Promise.all([
    db().$queryRaw<LocationSummary[]>`
      SELECT COUNT(*)::int AS skus, COALESCE(SUM(sl.on_hand), 0)::float8 AS "onHand",
             COALESCE(SUM(sl.reserved), 0)::float8 AS reserved, COALESCE(SUM(${ATP_SQL}), 0)::float8 AS atp,
             COALESCE(SUM(sl.in_transit), 0)::float8 AS "inTransit",
             (COUNT(*) FILTER (WHERE ${STOCK_OUT_SQL}))::int AS "stockOuts",
             (COUNT(*) FILTER (WHERE ${BELOW_SAFETY_SQL}))::int AS "belowSafety"
      FROM stock_level sl JOIN sku k ON k.id = sl.sku_id
      WHERE ${scoped}`,
    alerts(STOCK_OUT_SQL),
    alerts(BELOW_SAFETY_SQL),
    // Remaining units per whole day of age; lib/inventory/age.ts makes the buckets.
    db().$queryRaw<{ ageDays: number; units: number }[]>`
      SELECT GREATEST(0, FLOOR(EXTRACT(EPOCH FROM (${ts(now)} - lt.received_at)) / 86400))::int AS "ageDays",
             SUM(lt.remaining)::float8 AS units
      FROM stock_lot lt JOIN sku k ON k.id = lt.sku_id
      WHERE lt.location_id = ${location.id} AND lt.remaining > 0 ${lotBrand}
      GROUP BY 1`,
  ]);

  const toAlert = (r: AlertRaw): AlertRow => {
    const q = { onHand: r.on_hand, reserved: r.reserved, safetyStock: r.safety_stock };
    return {
      skuId: r.sku_id, code: r.code, name: r.name, brand: r.brand, onHand: r.on_hand, reserved: r.reserved,
      safetyStock: r.safety_stock, inTransit: r.in_transit, atp: locationAtp(q),
      shortfall: Math.max(0, r.safety_stock - (r.on_hand - r.reserved)),
      sold: r.sold,
    };
  };
  return {
    location,
    summary,
    stockOuts: outs.map(toAlert),
    belowSafety: below.map(toAlert),
    ageProfile: ageProfile(ages),
    asOf: now,
  };
}
