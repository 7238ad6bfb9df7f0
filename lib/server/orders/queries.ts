import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { ORDER_COUNT_CAP, ORDER_PAGE_SIZE, type OrderListQuery } from "@/lib/orders-ui/list-query";
import type { Explanation } from "@/lib/routing";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { and, containsPattern } from "../inventory/sql";
import { readExplanation } from "./explanation-store";

// What the Orders pages read, always through the caller's scope: HQ sees every order; a store manager the orders
// their store sold (attribution) or fulfils — a shipment there (even one it rejected) or, for history from before
// order intake, a line fulfilled there; a brand partner none (the section is not theirs). An order outside the
// scope reads as absent, so its page answers 404.

/** customer_order `o` is visible to `scope`. */
function orderScopeSql(scope: DataScope): Prisma.Sql {
  switch (scope.kind) {
    case "network":
      return Prisma.sql`TRUE`;
    case "brand":
      return Prisma.sql`FALSE`;
    case "location":
      return Prisma.sql`o.id IN (
        SELECT ol.order_id FROM order_line ol WHERE ol.fulfill_location_id = ${scope.locationId}
        UNION SELECT os.order_id FROM order_shipment os WHERE os.location_id = ${scope.locationId}
        UNION SELECT so.id FROM customer_order so WHERE so.selling_location_id = ${scope.locationId})`;
  }
}

export type OrderListRow = {
  id: string;
  orderNo: string | null;
  channel: string;
  channelName: string;
  placedAt: Date;
  status: string;
  fulfilment: string;
  /** Locations fulfilling the order's lines now (shipments, or history's fulfilment), by code. */
  shipFrom: string[];
  /** The store credited with the sale (attribution), if any. */
  selling: string | null;
  pickup: string | null;
  units: number;
  totalCents: number;
  backOrdered: boolean;
};

export type OrderListPage = { rows: OrderListRow[]; total: number; capped: boolean; page: number; pageSize: number; hasNext: boolean };

/**
 * One page of orders, newest first, with the filters applied in SQL: channel and status ride their
 * (…, placed_at) indexes, a ship-from location the order lines' (fulfill_location_id, placed_at) index. The
 * total is exact up to ORDER_COUNT_CAP, then reported as capped.
 */
export async function listOrders(scope: DataScope, query: OrderListQuery, window: { since?: Date; before?: Date } = {}): Promise<OrderListPage> {
  const where: Prisma.Sql[] = [orderScopeSql(scope)];
  if (query.channel) where.push(Prisma.sql`o.channel_id = (SELECT id FROM channel WHERE code = ${query.channel})`);
  if (query.status) where.push(Prisma.sql`o.status = ${query.status}::"OrderStatus"`);
  if (window.since) where.push(Prisma.sql`o.placed_at >= ${window.since}`);
  if (window.before) where.push(Prisma.sql`o.placed_at < ${window.before}`);
  if (query.shipFrom) {
    const lineWindow = and([
      window.since ? Prisma.sql`sf.placed_at >= ${window.since}` : Prisma.sql`TRUE`,
      window.before ? Prisma.sql`sf.placed_at < ${window.before}` : Prisma.sql`TRUE`,
    ]);
    where.push(Prisma.sql`o.id IN (SELECT sf.order_id FROM order_line sf
      WHERE sf.fulfill_location_id = (SELECT id FROM location WHERE code = ${query.shipFrom}) AND ${lineWindow})`);
  }
  if (query.q) {
    const id = /^#?(\d{1,18})$/.exec(query.q);
    const ref = Prisma.sql`o.external_ref ILIKE ${containsPattern(query.q)}`;
    where.push(id ? Prisma.sql`(o.id = ${BigInt(id[1])} OR ${ref})` : ref);
  }
  const filter = and(where);
  const offset = (query.page - 1) * ORDER_PAGE_SIZE;

  const [rows, [{ n }]] = await Promise.all([
    db().$queryRaw<{
      id: bigint; external_ref: string | null; channel: string; channel_name: string; placed_at: Date; status: string; fulfilment: string;
      ship_from: string[] | null; selling: string | null; pickup: string | null; units: number; total_cents: number; back_ordered: boolean;
    }[]>`
      SELECT o.id, o.external_ref, c.code AS channel, c.name AS channel_name, o.placed_at, o.status::text AS status,
             o.fulfilment::text AS fulfilment, sl.code AS selling, pl.code AS pickup, o.total_cents,
             lines.units, lines.ship_from, lines.back_ordered
      FROM (SELECT o.id FROM customer_order o WHERE ${filter}
            ORDER BY o.placed_at DESC, o.id DESC LIMIT ${ORDER_PAGE_SIZE + 1} OFFSET ${offset}) page
      JOIN customer_order o ON o.id = page.id
      JOIN channel c ON c.id = o.channel_id
      LEFT JOIN location sl ON sl.id = o.selling_location_id
      LEFT JOIN location pl ON pl.id = o.pickup_location_id
      LEFT JOIN LATERAL (
        SELECT COALESCE(SUM(ol.quantity), 0)::int AS units,
               array_agg(DISTINCT fl.code ORDER BY fl.code) FILTER (WHERE fl.code IS NOT NULL) AS ship_from,
               bool_or(ol.shipment_id IS NULL AND ol.fulfill_location_id IS NULL) AS back_ordered
        FROM order_line ol LEFT JOIN location fl ON fl.id = ol.fulfill_location_id
        WHERE ol.order_id = o.id
      ) lines ON TRUE
      ORDER BY o.placed_at DESC, o.id DESC`,
    db().$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM (SELECT 1 FROM customer_order o WHERE ${filter} LIMIT ${ORDER_COUNT_CAP + 1}) x`,
  ]);
  const capped = n > ORDER_COUNT_CAP;
  return {
    rows: rows.slice(0, ORDER_PAGE_SIZE).map((r) => ({
      id: String(r.id), orderNo: r.external_ref, channel: r.channel, channelName: r.channel_name, placedAt: r.placed_at, status: r.status,
      fulfilment: r.fulfilment, shipFrom: r.ship_from ?? [], selling: r.selling, pickup: r.pickup, units: r.units, totalCents: r.total_cents,
      backOrdered: r.back_ordered === true,
    })),
    total: capped ? ORDER_COUNT_CAP : n,
    capped,
    page: query.page,
    pageSize: ORDER_PAGE_SIZE,
    hasNext: rows.length > ORDER_PAGE_SIZE,
  };
}

/** Channels and locations the list's filters offer. */
export async function orderFilterOptions() {
  const [channels, locations] = await Promise.all([
    db().channel.findMany({ select: { id: true, code: true, name: true, active: true }, orderBy: { code: "asc" } }),
    db().location.findMany({ select: { id: true, code: true, name: true, type: true, canPickup: true, city: true }, orderBy: [{ type: "asc" }, { code: "asc" }] }),
  ]);
  return { channels, locations };
}

export type InboxRow = {
  shipmentId: string; orderId: string; orderNo: string | null; channel: string; fulfilment: string; status: string;
  createdAt: Date; units: number; lines: { sku: string; quantity: number }[];
};

/**
 * A store's work: its shipments still to ship, to prepare for pickup, or to hand over, oldest first (the
 * order_shipment (location_id, created_at) index). Empty for anyone but a store.
 */
export async function storeInbox(scope: DataScope, limit = 100): Promise<{ rows: InboxRow[]; total: number }> {
  if (scope.kind !== "location") return { rows: [], total: 0 };
  const [rows, [{ n }]] = await Promise.all([
    db().$queryRaw<{
      id: bigint; order_id: bigint; external_ref: string | null; channel: string; fulfilment: string; status: string; created_at: Date;
      lines: { sku: string; quantity: number }[] | null;
    }[]>`
      SELECT s.id, s.order_id, o.external_ref, c.code AS channel, o.fulfilment::text AS fulfilment, s.status::text AS status, s.created_at,
             (SELECT json_agg(json_build_object('sku', k.code, 'quantity', ol.quantity) ORDER BY k.code)
              FROM order_line ol JOIN sku k ON k.id = ol.sku_id WHERE ol.shipment_id = s.id) AS lines
      FROM order_shipment s JOIN customer_order o ON o.id = s.order_id JOIN channel c ON c.id = o.channel_id
      WHERE s.location_id = ${scope.locationId} AND s.status IN ('RESERVED', 'READY')
      ORDER BY s.created_at, s.id
      LIMIT ${limit}`,
    db().$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM order_shipment s WHERE s.location_id = ${scope.locationId} AND s.status IN ('RESERVED', 'READY')`,
  ]);
  return {
    rows: rows.map((r) => {
      const lines = r.lines ?? [];
      return {
        shipmentId: String(r.id), orderId: String(r.order_id), orderNo: r.external_ref, channel: r.channel, fulfilment: r.fulfilment,
        status: r.status, createdAt: r.created_at, lines, units: lines.reduce((s, l) => s + l.quantity, 0),
      };
    }),
    total: n,
  };
}

type LocationRef = { id: number; code: string; name: string; type: string };

export type OrderEventView = {
  id: string; action: string; actor: string; at: Date;
  /** The shipment's location (shipped, ready, picked up, rejected). */
  location?: string;
  reason?: string;
  /** Rejected: where the lines went instead, and what nothing could fill. */
  reroutedTo?: string[];
  backOrdered?: { sku: string; quantity: number }[];
  /** Rejected: the lines the store gave back. */
  lines?: { sku: string; quantity: number }[];
  strategy?: string;
};

export type OrderDetail = {
  id: string;
  orderNo: string | null;
  channel: { id: number; code: string; name: string };
  status: string;
  fulfilment: string;
  placedAt: Date;
  placedBy: string | null;
  destination: { city: string; province: string; lat: number; lng: number };
  totalCents: number;
  units: number;
  selling: LocationRef | null;
  pickup: LocationRef | null;
  shipments: {
    id: string; location: LocationRef; status: string; km: number; costCents: number; rejectedReason: string | null; createdAt: Date;
    reservationId: string | null; lines: { sku: string; name: string; quantity: number; unitPriceCents: number }[];
  }[];
  /** Lines fulfilled before order intake existed (history): no shipment, a fulfilling location. */
  historyLines: { sku: string; name: string; quantity: number; unitPriceCents: number; location: string }[];
  backOrdered: { sku: string; name: string; quantity: number; unitPriceCents: number }[];
  /** Codes of the locations fulfilling it now (open or finished shipments, or history's). */
  fulfilling: string[];
  routing: { strategy: string; versionId?: number; attempts?: number; rerouteOf?: string; explanation: Explanation | null } | null;
  events: OrderEventView[];
};

/** One order as its page shows it, or null when it does not exist or is outside the scope. */
export async function orderDetail(scope: DataScope, id: bigint): Promise<OrderDetail | null> {
  if (scope.kind === "brand") return null;
  const order = await db().order.findUnique({
    where: { id },
    include: {
      channel: { select: { id: true, code: true, name: true } },
      shipments: { orderBy: { id: "asc" }, include: { lines: { orderBy: { id: "asc" }, include: { sku: { select: { code: true, name: true } } } } } },
      lines: { where: { shipmentId: null }, orderBy: { id: "asc" }, include: { sku: { select: { code: true, name: true } } } },
      events: { orderBy: { id: "asc" } },
    },
  });
  if (!order) return null;
  if (scope.kind === "location") {
    const mine =
      order.sellingLocationId === scope.locationId ||
      order.shipments.some((s) => s.locationId === scope.locationId) ||
      order.lines.some((l) => l.fulfillLocationId === scope.locationId);
    if (!mine) return null;
  }

  const locationIds = new Set<number>([...order.shipments.map((s) => s.locationId), ...order.lines.flatMap((l) => (l.fulfillLocationId ? [l.fulfillLocationId] : []))]);
  if (order.sellingLocationId) locationIds.add(order.sellingLocationId);
  if (order.pickupLocationId) locationIds.add(order.pickupLocationId);
  const eventSkuIds = order.events.flatMap((e) => [...detailLines(e.detail, "backOrdered"), ...detailLines(e.detail, "lines")].map((l) => l.skuId));
  for (const e of order.events) {
    const at = num((e.detail as Record<string, unknown> | null)?.locationId);
    if (at !== undefined) locationIds.add(at);
  }
  const [locations, skus] = await Promise.all([
    db().location.findMany({ where: { id: { in: [...locationIds] } }, select: { id: true, code: true, name: true, type: true } }),
    eventSkuIds.length ? db().sku.findMany({ where: { id: { in: eventSkuIds } }, select: { id: true, code: true } }) : [],
  ]);
  const loc = new Map(locations.map((l) => [l.id, l]));
  const skuCode = new Map(skus.map((s) => [s.id, s.code]));
  const ref = (locationId: number | null): LocationRef | null => (locationId === null ? null : loc.get(locationId) ?? { id: locationId, code: `#${locationId}`, name: "", type: "" });
  const shipmentLocation = new Map(order.shipments.map((s) => [String(s.id), ref(s.locationId)!.code]));

  const shipments = order.shipments.map((s) => ({
    id: String(s.id), location: ref(s.locationId)!, status: s.status, km: s.km, costCents: s.costCents, rejectedReason: s.rejectedReason,
    createdAt: s.createdAt, reservationId: s.reservationId === null ? null : String(s.reservationId),
    lines: s.lines.map((l) => ({ sku: l.sku.code, name: l.sku.name, quantity: l.quantity, unitPriceCents: l.unitPriceCents })),
  }));
  const historyLines = order.lines
    .filter((l) => l.fulfillLocationId !== null)
    .map((l) => ({ sku: l.sku.code, name: l.sku.name, quantity: l.quantity, unitPriceCents: l.unitPriceCents, location: ref(l.fulfillLocationId)!.code }));
  const backOrdered = order.lines
    .filter((l) => l.fulfillLocationId === null)
    .map((l) => ({ sku: l.sku.code, name: l.sku.name, quantity: l.quantity, unitPriceCents: l.unitPriceCents }));
  const fulfilling = [
    ...new Set([
      ...shipments.filter((s) => s.status !== "REJECTED" && s.status !== "CANCELLED").map((s) => s.location.code),
      ...historyLines.map((l) => l.location),
    ]),
  ].sort();
  const units = [...shipments.filter((s) => s.status !== "REJECTED").flatMap((s) => s.lines), ...historyLines, ...backOrdered].reduce((sum, l) => sum + l.quantity, 0);

  const routing = order.routing as { strategy?: string; versionId?: number; attempts?: number; rerouteOf?: string; explanation?: unknown } | null;
  return {
    id: String(order.id),
    orderNo: order.externalRef,
    channel: order.channel,
    status: order.status,
    fulfilment: order.fulfilment,
    placedAt: order.placedAt,
    placedBy: order.placedBy,
    destination: { city: order.city, province: order.province, lat: order.latitude, lng: order.longitude },
    totalCents: order.totalCents,
    units,
    selling: ref(order.sellingLocationId),
    pickup: ref(order.pickupLocationId),
    shipments,
    historyLines,
    backOrdered,
    fulfilling,
    routing: routing && typeof routing.strategy === "string"
      ? { strategy: routing.strategy, versionId: routing.versionId, attempts: routing.attempts, rerouteOf: routing.rerouteOf, explanation: readExplanation(routing.explanation) }
      : null,
    events: order.events.map((e) => {
      const d = (e.detail ?? {}) as Record<string, unknown>;
      const at = num(d.locationId);
      const shipment = typeof d.shipment === "string" ? d.shipment : undefined;
      return {
        id: String(e.id), action: e.action, actor: e.actor, at: e.at,
        location: at !== undefined ? ref(at)!.code : shipment ? shipmentLocation.get(shipment) : undefined,
        reason: typeof d.reason === "string" ? d.reason : undefined,
        reroutedTo: Array.isArray(d.reroutedTo) ? d.reroutedTo.filter((c): c is string => typeof c === "string") : undefined,
        backOrdered: Array.isArray(d.backOrdered) ? detailLines(d, "backOrdered").map((l) => ({ sku: skuCode.get(l.skuId) ?? `#${l.skuId}`, quantity: l.quantity })) : undefined,
        lines: Array.isArray(d.lines) ? detailLines(d, "lines").map((l) => ({ sku: skuCode.get(l.skuId) ?? `#${l.skuId}`, quantity: l.quantity })) : undefined,
        strategy: typeof d.strategy === "string" ? d.strategy : undefined,
      };
    }),
  };
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function detailLines(detail: unknown, key: string): { skuId: number; quantity: number }[] {
  const list = (detail as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((l) => {
    const skuId = num((l as Record<string, unknown>)?.skuId);
    const quantity = num((l as Record<string, unknown>)?.quantity);
    return skuId !== undefined && quantity !== undefined ? [{ skuId, quantity }] : [];
  });
}

export type LedgerTrailRow = {
  id: string; createdAt: Date; type: string; location: string; sku: string;
  onHandBefore: number; onHandAfter: number; reservedBefore: number; reservedAfter: number; actor: string; reason: string | null;
};

/**
 * The order's stock movements, oldest first: its reservations (reference order:<id>) and their settlement —
 * shipped, picked up or released (reference reservation:<id>). A store sees the entries at its own location only:
 * other locations' stock levels are not theirs to read.
 */
export async function orderLedgerTrail(scope: DataScope, order: Pick<OrderDetail, "id" | "shipments">): Promise<LedgerTrailRow[]> {
  if (scope.kind === "brand") return [];
  const refs = [`order:${order.id}`, ...order.shipments.flatMap((s) => (s.reservationId ? [`reservation:${s.reservationId}`] : []))];
  const at = scope.kind === "location" ? Prisma.sql`l.location_id = ${scope.locationId}` : Prisma.sql`TRUE`;
  const rows = await db().$queryRaw<(Omit<LedgerTrailRow, "id"> & { id: bigint })[]>`
    SELECT l.id, l.created_at AS "createdAt", l.type::text AS type, loc.code AS location, k.code AS sku,
           l.on_hand_before AS "onHandBefore", l.on_hand_after AS "onHandAfter",
           l.reserved_before AS "reservedBefore", l.reserved_after AS "reservedAfter", l.actor, l.reason
    FROM stock_ledger l JOIN location loc ON loc.id = l.location_id JOIN sku k ON k.id = l.sku_id
    WHERE l.reference = ANY(${refs}::text[]) AND ${at}
    ORDER BY l.id`;
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/** After a rejection: where its lines went and what was back-ordered (the rejection's event). */
export async function rejectionOutcome(shipmentId: bigint): Promise<{ reroutedTo: string[]; backOrdered: number; cancelled: boolean }> {
  const shipment = await db().orderShipment.findUnique({ where: { id: shipmentId }, select: { orderId: true, order: { select: { status: true } } } });
  if (!shipment) return { reroutedTo: [], backOrdered: 0, cancelled: false };
  const events = await db().orderEvent.findMany({ where: { orderId: shipment.orderId, action: "REJECTED" }, orderBy: { id: "desc" }, take: 20 });
  const event = events.find((e) => (e.detail as Record<string, unknown> | null)?.shipment === String(shipmentId));
  const d = (event?.detail ?? {}) as Record<string, unknown>;
  return {
    reroutedTo: Array.isArray(d.reroutedTo) ? d.reroutedTo.filter((c): c is string => typeof c === "string") : [],
    backOrdered: detailLines(d, "backOrdered").reduce((s, l) => s + l.quantity, 0),
    cancelled: shipment.order.status === "CANCELLED",
  };
}

/** What the console's order form offers: channels that take orders, and the stores (selling store, pickup). */
export async function placementOptions() {
  const [channels, stores] = await Promise.all([
    db().channel.findMany({ where: { active: true }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
    db().location.findMany({ where: { type: "STORE" }, select: { code: true, name: true, city: true }, orderBy: { code: "asc" } }),
  ]);
  return { channels, stores };
}

/** SKU ids by code, for the pickup-store search; unknown codes are absent. */
export async function skuIdsByCode(codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db().sku.findMany({ where: { code: { in: [...new Set(codes)] } }, select: { id: true, code: true } });
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** A channel that takes orders, by id. */
export function activeChannel(id: number) {
  return db().channel.findFirst({ where: { id, active: true }, select: { id: true, code: true } });
}
