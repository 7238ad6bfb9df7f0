import "server-only";
import { db } from "../db";
import type { MovementType } from "../generated/prisma/enums";
import type { Tx } from "../tx";
import { declareMovement } from "./movement";

/** `delta` adds or removes units; `set` states the counted quantity (a stock count). */
export type AdjustmentLine = { locationId: number; skuId: number; mode: "delta" | "set"; quantity: number };
export type IntakeType = Extract<MovementType, "RECEIVE" | "ADJUST" | "COUNT" | "RETURN">;

export type AdjustmentProblem = { line: number; field: string; value: string; message: string };
export type AdjustResult =
  | { ok: true; applied: { locationId: number; skuId: number; onHandBefore: number; onHandAfter: number }[] }
  | { ok: false; problems: AdjustmentProblem[] };

export class AdjustmentRefused extends Error {
  constructor(readonly problems: AdjustmentProblem[]) {
    super("adjustment refused");
  }
}

/**
 * Applies stock intake all-or-nothing: receipts, adjustments, counts, returns. A line that would leave on hand
 * below what is reserved (or negative) refuses the whole batch with a message naming the line; nothing is written.
 * New (location, SKU) pairs get a stock level. The ledger and lots follow from the stock_level trigger.
 */
export type AdjustRequest = {
  type: IntakeType;
  actor: string;
  reason: string;
  reference?: string;
  lines: AdjustmentLine[];
  lotReceivedAt?: Date;
  lotExpiresOn?: string;
};

export async function adjustStock(req: AdjustRequest): Promise<AdjustResult> {
  try {
    return await db().$transaction((tx) => adjustStockIn(tx, req));
  } catch (error) {
    if (error instanceof AdjustmentRefused) return { ok: false, problems: error.problems };
    throw error;
  }
}

/**
 * The same inside a caller's transaction (e.g. together with an idempotency record). Throws
 * AdjustmentRefused, so that the caller's transaction rolls back.
 */
export async function adjustStockIn(tx: Tx, req: AdjustRequest): Promise<Extract<AdjustResult, { ok: true }>> {
  await declareMovement(tx, { ...req, reference: req.reference ?? null });
  const applied: Extract<AdjustResult, { ok: true }>["applied"] = [];
  const problems: AdjustmentProblem[] = [];
  // Lock order (location, sku) avoids deadlocks with reservations touching the same rows.
  const order = req.lines.map((l, i) => ({ ...l, index: i })).sort((a, b) => a.locationId - b.locationId || a.skuId - b.skuId);
  for (const line of order) {
    await tx.$executeRaw`INSERT INTO stock_level (location_id, sku_id) VALUES (${line.locationId}, ${line.skuId})
      ON CONFLICT DO NOTHING`;
    const [row] = await tx.$queryRaw<{ on_hand: number; reserved: number }[]>`
      SELECT on_hand, reserved FROM stock_level WHERE location_id = ${line.locationId} AND sku_id = ${line.skuId} FOR UPDATE`;
    const target = line.mode === "set" ? line.quantity : row.on_hand + line.quantity;
    if (target < row.reserved) {
      problems.push({
        line: line.index + 1,
        field: "quantity",
        value: String(line.quantity),
        message: `would leave ${target} on hand, below the ${row.reserved} reserved for orders`,
      });
      continue;
    }
    if (target !== row.on_hand) {
      await tx.$executeRaw`UPDATE stock_level SET on_hand = ${target}
        WHERE location_id = ${line.locationId} AND sku_id = ${line.skuId}`;
    }
    applied.push({ locationId: line.locationId, skuId: line.skuId, onHandBefore: row.on_hand, onHandAfter: target });
  }
  if (problems.length > 0) throw new AdjustmentRefused(problems.sort((a, b) => a.line - b.line));
  return { ok: true as const, applied };
}
