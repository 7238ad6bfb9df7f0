import "server-only";
import type { Candidate } from "@/lib/routing";
import { type AtpColumn, AtpColumns } from "@/lib/routing/atp-columns";
import { db } from "../db";
import { foldSoon } from "../rollups";
import type { SqlTx } from "../tx";

// Days for the daily-capacity filter start at midnight in the business time zone (any zone whose offset is whole
// quarter hours, as every zone in use is: shipments are counted per quarter hour).
export const BUSINESS_TIME_ZONE = process.env.YIPAN_TIME_ZONE ?? "Asia/Shanghai";

type Row = {
  id: number; code: string; type: Candidate["type"]; region: string; province: string; latitude: number; longitude: number;
  can_ship: boolean; can_pickup: boolean; daily_capacity: number; ship_base_cents: number; ship_per_km_cents: number;
  ship_per_unit_cents: number; shipments_today: number; skus: number[] | null; atps: number[] | null;
};

/** Candidates as loaded: the caller owns them and may take units out as it routes (a batch). */
export type LoadedCandidate = Candidate & { atp: AtpColumn };

/**
 * Locations that hold some of these SKUs (plus `always`, e.g. the store a customer picks up from), with each SKU's
 * location ATP and what is left of the day's capacity (today's shipments from the counts the shipment triggers keep:
 * migration 20261130072415_shipment_load). One round trip.
 */
export async function candidatesFor(skuIds: number[], opts: { always?: number[]; now?: Date } = {}, tx: SqlTx = db()): Promise<LoadedCandidate[]> {
  const always = opts.always ?? [];
  const now = opts.now ?? new Date();
  const rows = await tx.$queryRaw<Row[]>`
    WITH d AS (SELECT date_trunc('day', ${now}::timestamptz AT TIME ZONE ${BUSINESS_TIME_ZONE}) AT TIME ZONE ${BUSINESS_TIME_ZONE} AS start),
    stock AS (
      SELECT sl.location_id, json_agg(sl.sku_id) AS skus, json_agg(sl.on_hand - sl.reserved - sl.safety_stock) AS atps
      FROM stock_level sl
      WHERE sl.sku_id = ANY(${skuIds}::int[]) AND sl.on_hand - sl.reserved - sl.safety_stock > 0
      GROUP BY sl.location_id
    ), pick AS (
      SELECT location_id, skus, atps FROM stock
      UNION ALL SELECT id, NULL, NULL FROM location WHERE id = ANY(${always}::int[]) AND id NOT IN (SELECT location_id FROM stock)
    )
    SELECT l.id, l.code, l.type::text AS type, l.region, l.province, l.latitude, l.longitude, l.can_ship, l.can_pickup,
           l.daily_capacity, l.ship_base_cents, l.ship_per_km_cents, l.ship_per_unit_cents, p.skus, p.atps,
           COALESCE(t.n, 0)::int AS shipments_today
    FROM pick p JOIN location l ON l.id = p.location_id
    LEFT JOIN (
      -- One pass over today's counts for every location (a look-up per location visited the pending table's
      -- dead rows once each).
      SELECT location_id, SUM(n) AS n FROM (
        SELECT location_id, shipments AS n FROM shipment_load, d WHERE bucket >= d.start
        UNION ALL
        SELECT location_id, shipments FROM shipment_load_pending, d WHERE bucket >= d.start) x
      GROUP BY location_id
    ) t ON t.location_id = l.id`;
  foldSoon();
  const columns = AtpColumns.over(skuIds, rows.length);
  return rows.map((r) => ({
    locationId: r.id,
    code: r.code,
    type: r.type,
    region: r.region,
    province: r.province,
    lat: r.latitude,
    lng: r.longitude,
    canShip: r.can_ship,
    canPickup: r.can_pickup,
    remainingCapacity: Math.max(0, r.daily_capacity - r.shipments_today),
    cost: { baseCents: r.ship_base_cents, perKmCents: r.ship_per_km_cents, perUnitCents: r.ship_per_unit_cents },
    // Two parallel arrays per location: for a batch's thousand SKUs far cheaper to parse than an object keyed by id.
    atp: columns.column(r.skus ?? [], r.atps ?? []),
  }));
}
