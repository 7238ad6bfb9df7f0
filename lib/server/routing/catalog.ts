import "server-only";
import { cache } from "react";
import type { Candidate } from "@/lib/routing";
import { db } from "@/lib/server/db";

// What the routing pages read besides strategies and the simulator: the network's locations (to name them by code in the
// editor, and to complete the simulator's candidates with what route() needs) and a sample SKU for the simulator.
// Small, network-wide look-ups for HQ pages; callers check the permission first.

export type LocationRef = {
  id: number;
  code: string;
  name: string;
  type: Candidate["type"];
  region: string;
  province: string;
  canShip: boolean;
  canPickup: boolean;
  cost: Candidate["cost"];
};

export const routingLocations = cache(async (): Promise<LocationRef[]> => {
  const rows = await db().location.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true, code: true, name: true, type: true, region: true, province: true, canShip: true, canPickup: true,
      shipBaseCents: true, shipPerKmCents: true, shipPerUnitCents: true,
    },
  });
  return rows.map((l) => ({
    id: l.id, code: l.code, name: l.name, type: l.type, region: l.region, province: l.province, canShip: l.canShip, canPickup: l.canPickup,
    cost: { baseCents: l.shipBaseCents, perKmCents: l.shipPerKmCents, perUnitCents: l.shipPerUnitCents },
  }));
});

/**
 * SKUs for the simulator's first sample order: of the SKUs the warehouses hold most of, those held in the most
 * locations (a cheap look-up at 2M stock rows: the warehouses' rows through the primary key, then by SKU).
 */
export async function sampleSkus(limit = 3): Promise<string[]> {
  const rows = await db().$queryRaw<{ code: string }[]>`
    SELECT k.code
    FROM (
      SELECT DISTINCT w.sku_id FROM (
        SELECT sl.sku_id FROM stock_level sl
        WHERE sl.location_id = ANY(ARRAY(SELECT id FROM location WHERE type = 'WAREHOUSE'))
        ORDER BY sl.on_hand - sl.reserved - sl.safety_stock DESC LIMIT 50
      ) w
    ) top
    JOIN stock_level sl ON sl.sku_id = top.sku_id JOIN sku k ON k.id = sl.sku_id
    WHERE sl.on_hand - sl.reserved - sl.safety_stock > 0
    GROUP BY k.id, k.code
    ORDER BY COUNT(*) DESC, k.code
    LIMIT ${limit}`;
  return rows.map((r) => r.code);
}

/** SKU ids by code (codes not found are absent). */
export async function skuIdsByCode(codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db().sku.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  return new Map(rows.map((r) => [r.code, r.id]));
}
