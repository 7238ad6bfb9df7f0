import "server-only";
import { db } from "../db";
import type { SqlTx, Tx } from "../tx";
import { declareMovement } from "./movement";

export type StockLine = { locationId: number; skuId: number; quantity: number };
export type Shortage = { locationId: number; skuId: number; requested: number; available: number };

export type ReserveResult =
  | { ok: true; reservationId: string; replayed: boolean; lines: StockLine[] }
  | { ok: false; reason: "insufficient"; shortages: Shortage[] }
  | { ok: false; reason: "key_conflict"; message: string };

export type SettleResult =
  | { ok: true; reservationId: string; status: "RELEASED" | "SHIPPED"; replayed: boolean }
  | { ok: false; reason: "not_found" | "wrong_state"; message: string };

/** Same (location, SKU) lines summed, in lock order — so concurrent multi-line reservations cannot deadlock. */
export function normalizeLines(lines: StockLine[]): StockLine[] {
  const merged = new Map<string, StockLine>();
  for (const l of lines) {
    if (!Number.isInteger(l.quantity) || l.quantity <= 0) throw new Error(`quantity must be a positive integer, got ${l.quantity}`);
    const key = `${l.locationId}:${l.skuId}`;
    const prev = merged.get(key);
    merged.set(key, { ...l, quantity: (prev?.quantity ?? 0) + l.quantity });
  }
  return [...merged.values()].sort((a, b) => a.locationId - b.locationId || a.skuId - b.skuId);
}

const sameLines = (a: StockLine[], b: StockLine[]) =>
  a.length === b.length && a.every((l, i) => l.locationId === b[i].locationId && l.skuId === b[i].skuId && l.quantity === b[i].quantity);

const shortagesOf = (rows: [number, number, number, number][]): Shortage[] =>
  rows.map(([locationId, skuId, requested, available]) => ({ locationId, skuId, requested, available }));

const columns = (lines: StockLine[]) => [lines.map((l) => l.locationId), lines.map((l) => l.skuId), lines.map((l) => l.quantity)];

type ReserveOutcome =
  | { status: "reserved"; id: number }
  | { status: "replayed"; id: number; lines: [number, number, number][] }
  | { status: "insufficient"; shortages: [number, number, number, number][] };

/**
 * Reserves every line or none. Each row changes only if its ATP (on hand − reserved − safety) still covers
 * the quantity at the moment of the update, so concurrent callers can never oversell; the idempotency key makes
 * a retry return the first result instead of reserving twice. One statement, one round trip: the work is the
 * database function reserve_stock (prisma/migrations/*_reserve_function), whose writes go through the ledger
 * trigger like any other.
 */
export async function reserve(
  req: { idempotencyKey: string; actor: string; reference?: string; lines: StockLine[] },
  tx: Tx = db(),
): Promise<ReserveResult> {
  const lines = normalizeLines(req.lines);
  if (lines.length === 0) throw new Error("a reservation needs at least one line");
  const [locs, skus, qtys] = columns(lines);
  const [{ outcome }] = await tx.$queryRaw<{ outcome: ReserveOutcome }[]>`
    SELECT reserve_stock(${req.idempotencyKey}, ${req.actor}, ${req.reference ?? null}, ${locs}::int[], ${skus}::int[], ${qtys}::int[]) AS outcome`;
  switch (outcome.status) {
    case "reserved":
      return { ok: true, reservationId: String(outcome.id), replayed: false, lines };
    case "insufficient":
      return { ok: false, reason: "insufficient", shortages: shortagesOf(outcome.shortages) };
    case "replayed": {
      const stored = outcome.lines.map(([locationId, skuId, quantity]) => ({ locationId, skuId, quantity }));
      if (!sameLines(stored, lines)) {
        return { ok: false, reason: "key_conflict", message: `Idempotency key "${req.idempotencyKey}" was already used for different lines.` };
      }
      return { ok: true, reservationId: String(outcome.id), replayed: true, lines: stored };
    }
  }
}

export type ManyItem = { idempotencyKey: string; reference: string; lines: StockLine[] };

export type ManyResult =
  | { ok: true; reservationIds: string[] }
  | { ok: false; reason: "insufficient"; shortages: Shortage[] }
  | { ok: false; reason: "key_conflict"; message: string };

type ManyOutcome =
  | { status: "reserved"; ids: number[] }
  | { status: "insufficient"; shortages: [number, number, number, number][] }
  | { status: "key_conflict"; keys: string[] };

/**
 * Many reservations in one round trip (a batch of orders' shipments), all or none, in the caller's transaction:
 * the database function reserve_many writes them set-based through the same guard as `reserve` (reserve_lines),
 * one ledger entry per line with the item's reference. Ids come back in item order.
 */
export async function reserveMany(tx: SqlTx, actor: string, items: ManyItem[]): Promise<ManyResult> {
  if (items.length === 0) return { ok: true, reservationIds: [] };
  const payload = items.map((i) => ({
    key: i.idempotencyKey,
    reference: i.reference,
    lines: normalizeLines(i.lines).map((l) => [l.locationId, l.skuId, l.quantity]),
  }));
  const [{ outcome }] = await tx.$queryRaw<{ outcome: ManyOutcome }[]>`
    SELECT reserve_many(${actor}, ${JSON.stringify(payload)}::jsonb) AS outcome`;
  switch (outcome.status) {
    case "reserved":
      return { ok: true, reservationIds: outcome.ids.map(String) };
    case "insufficient":
      return { ok: false, reason: "insufficient", shortages: shortagesOf(outcome.shortages) };
    case "key_conflict":
      return { ok: false, reason: "key_conflict", message: `Idempotency keys already used: ${outcome.keys.join(", ")}.` };
  }
}

/** Releases (cancel) or ships (commit) a whole active reservation; repeating the call changes nothing. */
function settle(id: string, to: "RELEASED" | "SHIPPED", actor: string, reason?: string): Promise<SettleResult> {
  return db().$transaction((tx) => settleIn(tx, id, to, actor, reason));
}

/** The same inside a caller's transaction (an order's cancel, shipment or re-route). */
export async function settleIn(
  tx: Tx,
  id: string,
  to: "RELEASED" | "SHIPPED",
  actor: string,
  reason?: string,
): Promise<SettleResult> {
  const rows = await tx.$queryRaw<{ id: bigint; status: string }[]>`
    SELECT id, status::text FROM reservation WHERE id = ${BigInt(id)} FOR UPDATE`;
  if (rows.length === 0) return { ok: false as const, reason: "not_found" as const, message: `No reservation ${id}.` };
  const status = rows[0].status;
  if (status === to) return { ok: true as const, reservationId: id, status: to, replayed: true };
  if (status !== "ACTIVE") {
    return { ok: false as const, reason: "wrong_state" as const, message: `Reservation ${id} is ${status}, it cannot be ${to.toLowerCase()}.` };
  }
  await declareMovement(tx, { type: to === "SHIPPED" ? "SHIP" : "RELEASE", actor, reason, reference: `reservation:${id}` });
  await tx.$queryRaw`SELECT 1 FROM stock_level sl
    JOIN reservation_line rl USING (location_id, sku_id) WHERE rl.reservation_id = ${BigInt(id)}
    ORDER BY sl.location_id, sl.sku_id FOR UPDATE OF sl`;
  const shipped = to === "SHIPPED" ? 1 : 0;
  const changed = await tx.$executeRaw`
    UPDATE stock_level sl SET reserved = sl.reserved - rl.quantity, on_hand = sl.on_hand - rl.quantity * ${shipped}
    FROM reservation_line rl
    WHERE rl.reservation_id = ${BigInt(id)} AND sl.location_id = rl.location_id AND sl.sku_id = rl.sku_id
      AND sl.reserved >= rl.quantity`;
  const expected = await tx.reservationLine.count({ where: { reservationId: BigInt(id) } });
  if (changed !== expected) throw new Error(`reservation ${id}: ${expected - changed} line(s) no longer reserved`);
  await tx.reservation.update({ where: { id: BigInt(id) }, data: { status: to } });
  return { ok: true as const, reservationId: id, status: to, replayed: false };
}

export const release = (id: string, actor: string, reason?: string) => settle(id, "RELEASED", actor, reason);
export const ship = (id: string, actor: string) => settle(id, "SHIPPED", actor);
