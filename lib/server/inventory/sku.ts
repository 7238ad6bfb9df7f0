import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { ageInDays } from "@/lib/inventory/age";
import { isBelowSafety, isStockOut, locationAtp, poolAtp } from "@/lib/inventory/stock";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { StockStatus } from "./grid";
import { skuVisibleSql } from "./sql";

// One SKU across the network: stock by location, lots, active reservations and recent ledger entries.
//
// Who sees what:
// - HQ: everything.
// - Brand partner: only their brand's SKUs; any other SKU is "not found" (the page answers 404), so a
//   guessed code confirms nothing.
// - Store manager: only SKUs their store stocks (has a stock level for). Per PRODUCT.md they get a
//   read-only view of *network ATP* for those SKUs: every location's ATP, but on hand, reserved, safety
//   stock, in transit and status of their own store only. Lots, reservations and ledger entries are
//   operational detail of each location, so they see their store's only. Other locations' figures are
//   removed here, on the server, before anything is rendered.

export const LOT_LIMIT = 100;
export const RESERVATION_LIMIT = 50;
export const LEDGER_LIMIT = 50;

export type SkuInfo = {
  id: number; code: string; name: string; brandCode: string; brandName: string;
  category: string; style: string; color: string; size: string; priceCents: number;
};

export type LocationStock = {
  locationId: number; code: string; name: string; type: string; region: string;
  atp: number;
  /** null where the viewer may see this location's ATP only (a store manager looking at another location). */
  onHand: number | null; reserved: number | null; safetyStock: number | null; inTransit: number | null;
  status: StockStatus | null;
};

export type SkuTotals = {
  onHand: number; reserved: number; safetyStock: number; inTransit: number; atp: number;
  locations: number; stockOuts: number; belowSafety: number;
};

export type SkuLot = {
  id: string; locationCode: string; locationName: string; receivedAt: Date; expiresOn: Date | null;
  receivedQty: number; remaining: number; ageDays: number; reference: string | null;
};

export type SkuReservation = {
  reservationId: string; reference: string | null; actor: string; createdAt: Date; locationCode: string; quantity: number;
};

export type LedgerEntry = {
  id: string; createdAt: Date; locationCode: string; type: string;
  onHandBefore: number; onHandAfter: number; reservedBefore: number; reservedAfter: number;
  actor: string; reason: string | null; reference: string | null;
};

export type SkuDetail = {
  sku: SkuInfo;
  /** "network-atp": the viewer sees other locations' ATP only (store manager). */
  view: "full" | "network-atp";
  /** The viewer's own location (store manager), else null. */
  ownLocationId: number | null;
  /** Sum over the locations whose full figures the viewer may see (all, or the store's own). */
  totals: SkuTotals;
  /** Pool ATP over every location. */
  poolAtp: number;
  byLocation: LocationStock[];
  lots: SkuLot[];
  lotsTotal: number;
  reservations: SkuReservation[];
  ledger: LedgerEntry[];
  asOf: Date;
};

type LevelRow = {
  location_id: number; code: string; name: string; type: string; region: string;
  on_hand: number; reserved: number; safety_stock: number; in_transit: number;
};

/** The SKU page's data, or null when the SKU does not exist or the caller may not see it (→ 404). */
export async function getSkuDetail(scope: DataScope, code: string, now = new Date()): Promise<SkuDetail | null> {
  const [sku] = await db().$queryRaw<SkuInfo[]>`
    SELECT k.id, k.code, k.name, b.code AS "brandCode", b.name AS "brandName", k.category, k.style, k.color, k.size,
           k.price_cents AS "priceCents"
    FROM sku k JOIN brand b ON b.id = k.brand_id
    WHERE k.code = ${code} AND ${skuVisibleSql(scope)}`;
  if (!sku) return null;

  const own = scope.kind === "location" ? scope.locationId : null;
  // Detail tables of a store manager stop at their store.
  const only = (column: Prisma.Sql) => (own === null ? Prisma.empty : Prisma.sql`AND ${column} = ${own}`);

  const [levels, lots, reservations, ledger] = await Promise.all([
    db().$queryRaw<LevelRow[]>`
      SELECT sl.location_id, l.code, l.name, l.type::text AS type, l.region,
             sl.on_hand, sl.reserved, sl.safety_stock, sl.in_transit
      FROM stock_level sl JOIN location l ON l.id = sl.location_id
      WHERE sl.sku_id = ${sku.id}`,
    db().$queryRaw<(Omit<SkuLot, "ageDays"> & { total: number })[]>`
      SELECT lt.id::text AS id, l.code AS "locationCode", l.name AS "locationName", lt.received_at AS "receivedAt",
             lt.expires_on AS "expiresOn", lt.received_qty AS "receivedQty", lt.remaining, lt.reference,
             (COUNT(*) OVER ())::int AS total
      FROM stock_lot lt JOIN location l ON l.id = lt.location_id
      WHERE lt.sku_id = ${sku.id} AND lt.remaining > 0 ${only(Prisma.sql`lt.location_id`)}
      ORDER BY lt.received_at, lt.id LIMIT ${LOT_LIMIT}`,
    db().$queryRaw<SkuReservation[]>`
      SELECT r.id::text AS "reservationId", r.reference, r.actor, r.created_at AS "createdAt",
             l.code AS "locationCode", rl.quantity
      FROM reservation_line rl JOIN reservation r ON r.id = rl.reservation_id JOIN location l ON l.id = rl.location_id
      WHERE rl.sku_id = ${sku.id} AND r.status = 'ACTIVE' ${only(Prisma.sql`rl.location_id`)}
      ORDER BY rl.id DESC LIMIT ${RESERVATION_LIMIT}`,
    db().$queryRaw<LedgerEntry[]>`
      SELECT e.id::text AS id, e.created_at AS "createdAt", l.code AS "locationCode", e.type::text AS type,
             e.on_hand_before AS "onHandBefore", e.on_hand_after AS "onHandAfter",
             e.reserved_before AS "reservedBefore", e.reserved_after AS "reservedAfter",
             e.actor, e.reason, e.reference
      FROM stock_ledger e JOIN location l ON l.id = e.location_id
      WHERE e.sku_id = ${sku.id} ${only(Prisma.sql`e.location_id`)}
      ORDER BY e.id DESC LIMIT ${LEDGER_LIMIT}`,
  ]);

  const byLocation = levels.map((r): LocationStock => {
    const q = { onHand: r.on_hand, reserved: r.reserved, safetyStock: r.safety_stock };
    const full = own === null || r.location_id === own;
    return {
      locationId: r.location_id, code: r.code, name: r.name, type: r.type, region: r.region, atp: locationAtp(q),
      onHand: full ? r.on_hand : null,
      reserved: full ? r.reserved : null,
      safetyStock: full ? r.safety_stock : null,
      inTransit: full ? r.in_transit : null,
      status: full ? (isStockOut(q) ? "out" : isBelowSafety(q) ? "below" : "ok") : null,
    };
  });
  byLocation.sort((a, b) => b.atp - a.atp || (b.onHand ?? 0) - (a.onHand ?? 0) || a.code.localeCompare(b.code));

  const visible = levels.filter((r) => own === null || r.location_id === own);
  const totals: SkuTotals = { onHand: 0, reserved: 0, safetyStock: 0, inTransit: 0, atp: 0, locations: 0, stockOuts: 0, belowSafety: 0 };
  for (const r of visible) {
    const q = { onHand: r.on_hand, reserved: r.reserved, safetyStock: r.safety_stock };
    totals.onHand += r.on_hand;
    totals.reserved += r.reserved;
    totals.safetyStock += r.safety_stock;
    totals.inTransit += r.in_transit;
    totals.atp += locationAtp(q);
    totals.locations += 1;
    if (isStockOut(q)) totals.stockOuts += 1;
    if (isBelowSafety(q)) totals.belowSafety += 1;
  }

  return {
    sku,
    view: own === null ? "full" : "network-atp",
    ownLocationId: own,
    totals,
    poolAtp: poolAtp(levels.map((r) => ({ onHand: r.on_hand, reserved: r.reserved, safetyStock: r.safety_stock }))),
    byLocation,
    lots: lots.map((l) => ({
      id: l.id, locationCode: l.locationCode, locationName: l.locationName, receivedAt: l.receivedAt, expiresOn: l.expiresOn,
      receivedQty: l.receivedQty, remaining: l.remaining, reference: l.reference, ageDays: ageInDays(l.receivedAt, now),
    })),
    lotsTotal: lots[0]?.total ?? 0,
    reservations,
    ledger,
    asOf: now,
  };
}
