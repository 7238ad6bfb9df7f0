import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { OPEN_STATUSES, TRANSFER_PAGE_SIZE, type TransferListQuery } from "@/lib/transfers-ui/list-query";
import type { RegionFlow } from "@/lib/transfers-ui/flow";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { and } from "../inventory/sql";

// What the Transfers pages read, always through the caller's scope (the same rule as workflow.ts): HQ sees every
// transfer; a store manager those into or out of their store; a brand partner those of their brand's SKUs
// (read-only). A transfer outside the scope reads as absent, so its page answers 404.

/** transfer `t` (joined with sku `k`) is visible to `scope`. */
function transferScopeSql(scope: DataScope): Prisma.Sql {
  switch (scope.kind) {
    case "network":
      return Prisma.sql`TRUE`;
    case "brand":
      return Prisma.sql`k.brand_id = ${scope.brandId}`;
    case "location":
      return Prisma.sql`(t.from_location_id = ${scope.locationId} OR t.to_location_id = ${scope.locationId})`;
  }
}

export type TransferRow = {
  id: string;
  sku: string;
  skuName: string;
  fromLocationId: number;
  from: string;
  fromName: string;
  toLocationId: number;
  to: string;
  toName: string;
  quantity: number;
  status: TransferStatusText;
  origin: string;
  receivedQty: number | null;
  forced: boolean;
  createdAt: Date;
  updatedAt: Date;
};
type TransferStatusText = "PROPOSED" | "APPROVED" | "IN_TRANSIT" | "RECEIVED" | "CLOSED" | "REJECTED" | "CANCELLED";

type RawRow = {
  id: bigint; sku: string; sku_name: string; from_id: number; from_code: string; from_name: string; to_id: number; to_code: string; to_name: string;
  quantity: number; status: TransferStatusText; origin: string; received_qty: number | null; forced: boolean; created_at: Date; updated_at: Date;
};

const SELECT = Prisma.sql`
  SELECT t.id, k.code AS sku, k.name AS sku_name, f.id AS from_id, f.code AS from_code, f.name AS from_name,
         d.id AS to_id, d.code AS to_code, d.name AS to_name, t.quantity, t.status::text AS status, t.origin,
         t.received_qty, (t.forced_by IS NOT NULL) AS forced, t.created_at, t.updated_at
  FROM transfer t JOIN sku k ON k.id = t.sku_id JOIN location f ON f.id = t.from_location_id JOIN location d ON d.id = t.to_location_id`;

const toRow = (r: RawRow): TransferRow => ({
  id: String(r.id), sku: r.sku, skuName: r.sku_name, fromLocationId: r.from_id, from: r.from_code, fromName: r.from_name,
  toLocationId: r.to_id, to: r.to_code, toName: r.to_name, quantity: r.quantity, status: r.status, origin: r.origin,
  receivedQty: r.received_qty, forced: r.forced, createdAt: r.created_at, updatedAt: r.updated_at,
});

export type TransferListPage = { rows: TransferRow[]; total: number; page: number; pageSize: number; hasNext: boolean };

/** One page of the scope's transfers, newest first, filtered in SQL. */
export async function listTransfers(scope: DataScope, query: TransferListQuery): Promise<TransferListPage> {
  const where: Prisma.Sql[] = [transferScopeSql(scope)];
  if (query.status) where.push(Prisma.sql`t.status = ${query.status}::"TransferStatus"`);
  if (query.origin) where.push(Prisma.sql`t.origin = ${query.origin}`);
  if (query.from) where.push(Prisma.sql`f.code = ${query.from}`);
  if (query.to) where.push(Prisma.sql`d.code = ${query.to}`);
  if (query.sku) where.push(Prisma.sql`lower(k.code) = lower(${query.sku})`);
  const filter = and(where);
  const offset = (query.page - 1) * TRANSFER_PAGE_SIZE;
  const [rows, [{ n }]] = await Promise.all([
    db().$queryRaw<RawRow[]>`${SELECT} WHERE ${filter} ORDER BY t.id DESC LIMIT ${TRANSFER_PAGE_SIZE + 1} OFFSET ${offset}`,
    db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM transfer t JOIN sku k ON k.id = t.sku_id JOIN location f ON f.id = t.from_location_id
      JOIN location d ON d.id = t.to_location_id WHERE ${filter}`,
  ]);
  return { rows: rows.slice(0, TRANSFER_PAGE_SIZE).map(toRow), total: n, page: query.page, pageSize: TRANSFER_PAGE_SIZE, hasNext: rows.length > TRANSFER_PAGE_SIZE };
}

export type StoreInbox = { approve: TransferRow[]; ship: TransferRow[]; receive: TransferRow[]; close: TransferRow[] };
const INBOX_LIMIT = 200;

/** A store manager's work: proposals out of the store to decide, approved ones to ship, inbound to receive / close. */
export async function storeTransferInbox(scope: DataScope): Promise<StoreInbox | null> {
  if (scope.kind !== "location") return null;
  const at = scope.locationId;
  const rows = await db().$queryRaw<RawRow[]>`${SELECT}
    WHERE (t.from_location_id = ${at} AND t.status IN ('PROPOSED', 'APPROVED'))
       OR (t.to_location_id = ${at} AND t.status IN ('IN_TRANSIT', 'RECEIVED'))
    ORDER BY t.id LIMIT ${INBOX_LIMIT * 4}`;
  const all = rows.map(toRow);
  const pick = (s: TransferStatusText) => all.filter((r) => r.status === s).slice(0, INBOX_LIMIT);
  return { approve: pick("PROPOSED"), ship: pick("APPROVED"), receive: pick("IN_TRANSIT"), close: pick("RECEIVED") };
}

/**
 * How many transfers wait for the viewer: a store's proposals to decide, approved ones to ship and inbound ones
 * to receive; for HQ the rejected ones (force or cancel) and received ones to close; a brand partner acts on none.
 */
export async function transfersAwaiting(scope: DataScope): Promise<number> {
  if (scope.kind === "brand") return 0;
  const where =
    scope.kind === "location"
      ? Prisma.sql`(t.from_location_id = ${scope.locationId} AND t.status IN ('PROPOSED', 'APPROVED'))
          OR (t.to_location_id = ${scope.locationId} AND t.status = 'IN_TRANSIT')`
      : Prisma.sql`t.status IN ('REJECTED', 'RECEIVED')`;
  const [{ n }] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM transfer t WHERE ${where}`;
  return n;
}

export type TransferEventView = { id: string; action: string; actor: string; at: Date; reason: string | null; received: number | null; short: number | null; note: string | null; overruled: string | null };

export type TransferDetail = TransferRow & {
  skuId: number;
  fromRegion: string;
  toRegion: string;
  reason: unknown;
  forcedBy: string | null;
  forceReason: string | null;
  rejectReason: string | null;
  discrepancyNote: string | null;
  createdBy: string;
  events: TransferEventView[];
};

/** One transfer with its history, or null when it does not exist or is outside the scope. */
export async function transferDetail(scope: DataScope, id: bigint): Promise<TransferDetail | null> {
  const [row] = await db().$queryRaw<(RawRow & { sku_id: number; from_region: string; to_region: string; reason: unknown; forced_by: string | null; force_reason: string | null; reject_reason: string | null; discrepancy_note: string | null; created_by: string })[]>`
    SELECT t.id, k.code AS sku, k.name AS sku_name, f.id AS from_id, f.code AS from_code, f.name AS from_name,
           d.id AS to_id, d.code AS to_code, d.name AS to_name, t.quantity, t.status::text AS status, t.origin,
           t.received_qty, (t.forced_by IS NOT NULL) AS forced, t.created_at, t.updated_at,
           t.sku_id, f.region AS from_region, d.region AS to_region, t.reason, t.forced_by, t.force_reason, t.reject_reason,
           t.discrepancy_note, t.created_by
    FROM transfer t JOIN sku k ON k.id = t.sku_id JOIN location f ON f.id = t.from_location_id JOIN location d ON d.id = t.to_location_id
    WHERE t.id = ${id} AND ${transferScopeSql(scope)}`;
  if (!row) return null;
  const events = await db().transferEvent.findMany({ where: { transferId: id }, orderBy: { id: "asc" } });
  const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  const int = (v: unknown) => (typeof v === "number" ? v : null);
  return {
    ...toRow(row),
    skuId: row.sku_id, fromRegion: row.from_region, toRegion: row.to_region, reason: row.reason, forcedBy: row.forced_by,
    forceReason: row.force_reason, rejectReason: row.reject_reason, discrepancyNote: row.discrepancy_note, createdBy: row.created_by,
    events: events.map((e) => {
      const d = (e.detail && typeof e.detail === "object" && !Array.isArray(e.detail) ? e.detail : {}) as Record<string, unknown>;
      return { id: String(e.id), action: e.action, actor: e.actor, at: e.at, reason: str(d.reason), received: int(d.received), short: int(d.short), note: str(d.note), overruled: str(d.overruled) };
    }),
  };
}

export type TransferLedgerRow = {
  id: string; createdAt: Date; type: string; location: string; sku: string;
  onHandBefore: number; onHandAfter: number; inTransitBefore: number; inTransitAfter: number; actor: string; reason: string | null;
};

/** The transfer's stock movements (reference transfer:<id>); a store sees its own end only. */
export async function transferLedger(scope: DataScope, t: Pick<TransferDetail, "id">): Promise<TransferLedgerRow[]> {
  const at = scope.kind === "location" ? Prisma.sql`l.location_id = ${scope.locationId}` : Prisma.sql`TRUE`;
  const rows = await db().$queryRaw<(Omit<TransferLedgerRow, "id"> & { id: bigint })[]>`
    SELECT l.id, l.created_at AS "createdAt", l.type::text AS type, loc.code AS location, k.code AS sku,
           l.on_hand_before AS "onHandBefore", l.on_hand_after AS "onHandAfter",
           l.in_transit_before AS "inTransitBefore", l.in_transit_after AS "inTransitAfter", l.actor, l.reason
    FROM stock_ledger l JOIN location loc ON loc.id = l.location_id JOIN sku k ON k.id = l.sku_id
    WHERE l.reference = ${`transfer:${t.id}`} AND ${at}
    ORDER BY l.id`;
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/** Units of open transfers (proposed, approved, in transit) between regions, within the scope. */
export async function regionFlows(scope: DataScope): Promise<RegionFlow[]> {
  const rows = await db().$queryRaw<{ from_region: string; to_region: string; units: number; transfers: number }[]>`
    SELECT f.region AS from_region, d.region AS to_region, sum(t.quantity)::int AS units, count(*)::int AS transfers
    FROM transfer t JOIN sku k ON k.id = t.sku_id JOIN location f ON f.id = t.from_location_id JOIN location d ON d.id = t.to_location_id
    WHERE t.status::text = ANY(${[...OPEN_STATUSES]}::text[]) AND ${transferScopeSql(scope)}
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows.map((r) => ({ fromRegion: r.from_region, toRegion: r.to_region, units: r.units, transfers: r.transfers }));
}

/** Locations for the filters and the manual form. */
export async function transferLocations() {
  return db().location.findMany({ select: { id: true, code: true, name: true, type: true, region: true }, orderBy: { code: "asc" } });
}

/** A manual transfer's SKU and locations by code; what is unknown comes back named. */
export async function resolveManual(skuCode: string, fromCode: string, toCode: string) {
  const [sku, locations] = await Promise.all([
    db().sku.findFirst({ where: { code: { equals: skuCode, mode: "insensitive" } }, select: { id: true, code: true } }),
    db().location.findMany({ where: { code: { in: [fromCode, toCode] } }, select: { id: true, code: true } }),
  ]);
  const by = new Map(locations.map((l) => [l.code, l.id]));
  return { sku, fromId: by.get(fromCode) ?? null, toId: by.get(toCode) ?? null };
}
