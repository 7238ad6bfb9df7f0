import "server-only";
import { db } from "../db";
import type { Tx } from "../tx";
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

class InsufficientStock extends Error {
  constructor(readonly shortages: Shortage[]) {
    super("insufficient stock");
  }
}

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

const columns = (lines: StockLine[]) => [lines.map((l) => l.locationId), lines.map((l) => l.skuId), lines.map((l) => l.quantity)];

/**
 * Reserves every line or none, in one transaction. Each row changes only if its ATP
 * (on hand − reserved − safety) still covers the quantity at the moment of the update, so concurrent callers
 * can never oversell. The idempotency key makes a retry return the first result instead of reserving twice.
 */
export async function reserve(req: {
  idempotencyKey: string;
  actor: string;
  reference?: string;
  lines: StockLine[];
}): Promise<ReserveResult> {
  const lines = normalizeLines(req.lines);
  if (lines.length === 0) throw new Error("a reservation needs at least one line");
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.$queryRaw<{ id: bigint }[]>`
        INSERT INTO reservation (idempotency_key, reference, actor) VALUES (${req.idempotencyKey}, ${req.reference ?? null}, ${req.actor})
        ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`;
      if (created.length === 0) return replay(tx, req.idempotencyKey, lines);
      const id = created[0].id;

      await declareMovement(tx, { type: "RESERVE", actor: req.actor, reference: req.reference ?? `reservation:${id}` });
      const [locs, skus, qtys] = columns(lines);
      if (lines.length > 1) {
        await tx.$queryRaw`SELECT 1 FROM stock_level sl
          JOIN unnest(${locs}::int[], ${skus}::int[]) AS t(location_id, sku_id) USING (location_id, sku_id)
          ORDER BY location_id, sku_id FOR UPDATE OF sl`;
      }
      const updated = await tx.$queryRaw<{ location_id: number; sku_id: number }[]>`
        UPDATE stock_level sl SET reserved = sl.reserved + t.q
        FROM unnest(${locs}::int[], ${skus}::int[], ${qtys}::int[]) AS t(location_id, sku_id, q)
        WHERE sl.location_id = t.location_id AND sl.sku_id = t.sku_id
          AND sl.on_hand - sl.reserved - sl.safety_stock >= t.q
        RETURNING sl.location_id, sl.sku_id`;
      if (updated.length < lines.length) throw new InsufficientStock(await shortages(tx, lines, updated));

      await tx.$executeRaw`INSERT INTO reservation_line (reservation_id, location_id, sku_id, quantity)
        SELECT ${id}, * FROM unnest(${locs}::int[], ${skus}::int[], ${qtys}::int[])`;
      return { ok: true as const, reservationId: id.toString(), replayed: false, lines };
    });
  } catch (error) {
    if (error instanceof InsufficientStock) return { ok: false, reason: "insufficient", shortages: error.shortages };
    throw error;
  }
}

async function replay(tx: Tx, key: string, lines: StockLine[]): Promise<ReserveResult> {
  const r = await tx.reservation.findUniqueOrThrow({ where: { idempotencyKey: key }, include: { lines: true } });
  const stored = normalizeLines(r.lines.map((l) => ({ locationId: l.locationId, skuId: l.skuId, quantity: l.quantity })));
  if (!sameLines(stored, lines)) {
    return { ok: false, reason: "key_conflict", message: `Idempotency key "${key}" was already used for different lines.` };
  }
  return { ok: true, reservationId: r.id.toString(), replayed: true, lines: stored };
}

async function shortages(tx: Tx, lines: StockLine[], updated: { location_id: number; sku_id: number }[]): Promise<Shortage[]> {
  const done = new Set(updated.map((u) => `${u.location_id}:${u.sku_id}`));
  const missing = lines.filter((l) => !done.has(`${l.locationId}:${l.skuId}`));
  const [locs, skus] = columns(missing);
  const rows = await tx.$queryRaw<{ location_id: number; sku_id: number; atp: number }[]>`
    SELECT t.location_id, t.sku_id, COALESCE(GREATEST(0, sl.on_hand - sl.reserved - sl.safety_stock), 0)::int AS atp
    FROM unnest(${locs}::int[], ${skus}::int[]) AS t(location_id, sku_id)
    LEFT JOIN stock_level sl USING (location_id, sku_id)`;
  const atp = new Map(rows.map((r) => [`${r.location_id}:${r.sku_id}`, r.atp]));
  return missing.map((l) => ({ ...l, requested: l.quantity, available: atp.get(`${l.locationId}:${l.skuId}`) ?? 0 }));
}

/** Releases (cancel) or ships (commit) a whole active reservation; repeating the call changes nothing. */
async function settle(
  id: string,
  to: "RELEASED" | "SHIPPED",
  actor: string,
  reason?: string,
): Promise<SettleResult> {
  return db().$transaction(async (tx) => {
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
  });
}

export const release = (id: string, actor: string, reason?: string) => settle(id, "RELEASED", actor, reason);
export const ship = (id: string, actor: string) => settle(id, "SHIPPED", actor);
