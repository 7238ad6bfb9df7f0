import "server-only";
import { db } from "../db";
import type { MovementType } from "../generated/prisma/enums";
import type { Tx } from "../tx";
import { declareMovement } from "./movement";

/**
 * `delta` adds or removes units; `set` states the counted quantity (a stock count). A line may carry its own
 * reference and lot dates (one CSV row each); otherwise the request's apply.
 */
export type AdjustmentLine = {
  locationId: number;
  skuId: number;
  mode: "delta" | "set";
  quantity: number;
  reference?: string | null;
  lotReceivedAt?: Date | null;
  lotExpiresOn?: string | null;
};
export type IntakeType = Extract<MovementType, "RECEIVE" | "ADJUST" | "COUNT" | "RETURN">;
export type AdjustRequest = {
  type: IntakeType;
  actor: string;
  reason: string;
  reference?: string | null;
  lotReceivedAt?: Date | null;
  lotExpiresOn?: string | null;
  lines: AdjustmentLine[];
};

/** A refused line, with the numbers behind a below-reserved refusal so callers can explain it in any language. */
export type AdjustmentProblem = {
  line: number;
  field: string;
  value: string;
  message: string;
  onHandBefore?: number;
  onHandAfter?: number;
  reserved?: number;
};
type Applied = { locationId: number; skuId: number; onHandBefore: number; onHandAfter: number }[];
export type AdjustResult = { ok: true; applied: Applied } | { ok: false; problems: AdjustmentProblem[] };

export class AdjustmentRefused extends Error {
  constructor(readonly problems: AdjustmentProblem[]) {
    super("adjustment refused");
  }
}

// Large imports hold their row locks for a few seconds at most; the default 5 s would cut 10,000-line imports
// short on a busy machine.
const TX_OPTIONS = { timeout: 120_000, maxWait: 10_000 };

/** What the ledger and lots record for a line beyond quantities: the line's own values, else the request's. */
function movementOf(req: AdjustRequest, line: AdjustmentLine) {
  return {
    type: req.type,
    actor: req.actor,
    reason: req.reason,
    reference: line.reference ?? req.reference ?? null,
    lotReceivedAt: line.lotReceivedAt ?? req.lotReceivedAt ?? null,
    lotExpiresOn: line.lotExpiresOn ?? req.lotExpiresOn ?? null,
  };
}

/**
 * Applies stock intake all-or-nothing: receipts, adjustments, counts, returns — one line from the HQ form, an
 * API call or a 10,000-row CSV import alike, in a handful of set-based statements. A line that would leave on
 * hand below what is reserved (or negative) refuses the whole batch with a message naming the line, and so do
 * two lines for one (location, SKU): nothing is written. New pairs get a stock level. The ledger and lots follow
 * from the stock_level trigger.
 */
export async function adjustStock(req: AdjustRequest): Promise<AdjustResult> {
  try {
    return await db().$transaction((tx) => adjustStockIn(tx, req), TX_OPTIONS);
  } catch (error) {
    if (error instanceof AdjustmentRefused) return { ok: false, problems: error.problems };
    throw error;
  }
}

/**
 * The same inside a caller's transaction (e.g. together with an idempotency record). Throws
 * AdjustmentRefused, so that the caller's transaction rolls back.
 */
export async function adjustStockIn(tx: Tx, req: AdjustRequest): Promise<{ ok: true; applied: Applied }> {
  const problems: AdjustmentProblem[] = [];
  // One UPDATE sets each row once, so two lines for one stock level cannot both apply; refuse instead of
  // silently keeping one.
  const firstLine = new Map<string, number>();
  req.lines.forEach((l, i) => {
    const key = `${l.locationId}:${l.skuId}`;
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, i + 1);
    else problems.push({ line: i + 1, field: "sku", value: String(l.skuId), message: `same location and SKU as line ${first}` });
  });
  if (problems.length > 0) throw new AdjustmentRefused(problems);
  if (req.lines.length === 0) return { ok: true, applied: [] };

  const locationIds = req.lines.map((l) => l.locationId);
  const skuIds = req.lines.map((l) => l.skuId);
  // Empty stock levels for new pairs write no ledger entry (see the trigger). Sorted, like every lock taker.
  await tx.$executeRaw`INSERT INTO stock_level (location_id, sku_id)
    SELECT l, s FROM unnest(${locationIds}::int[], ${skuIds}::int[]) AS u(l, s) ORDER BY l, s
    ON CONFLICT DO NOTHING`;
  // Rows are locked in (location, sku) order, as reservations do, so they cannot deadlock.
  const rows = await tx.$queryRaw<{ location_id: number; sku_id: number; on_hand: number; reserved: number }[]>`
    SELECT s.location_id, s.sku_id, s.on_hand, s.reserved
    FROM stock_level s JOIN unnest(${locationIds}::int[], ${skuIds}::int[]) AS u(l, k) ON s.location_id = u.l AND s.sku_id = u.k
    ORDER BY s.location_id, s.sku_id FOR UPDATE OF s`;
  const current = new Map(rows.map((r) => [`${r.location_id}:${r.sku_id}`, r]));

  const applied: Applied = [];
  // Lines that change stock, grouped by what the ledger and lots record beyond the quantities.
  const groups = new Map<string, { line: AdjustmentLine; target: number }[]>();
  const order = req.lines.map((l, i) => ({ ...l, index: i })).sort((a, b) => a.locationId - b.locationId || a.skuId - b.skuId);
  for (const line of order) {
    const row = current.get(`${line.locationId}:${line.skuId}`);
    if (!row) throw new Error(`stock level ${line.locationId}/${line.skuId} vanished inside the transaction`);
    const target = line.mode === "set" ? line.quantity : row.on_hand + line.quantity;
    if (target < row.reserved) {
      const problem: AdjustmentProblem = {
        line: line.index + 1,
        field: "quantity",
        value: String(line.quantity),
        message: `would leave ${target} on hand, below the ${row.reserved} reserved for orders`,
        onHandBefore: row.on_hand,
        onHandAfter: target,
        reserved: row.reserved,
      };
      problems.push(problem);
      continue;
    }
    applied.push({ locationId: line.locationId, skuId: line.skuId, onHandBefore: row.on_hand, onHandAfter: target });
    if (target === row.on_hand) continue; // no movement, no ledger entry
    const movement = movementOf(req, line);
    const key = JSON.stringify([movement.reference, movement.lotReceivedAt?.toISOString() ?? null, movement.lotExpiresOn]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push({ line, target });
  }
  if (problems.length > 0) throw new AdjustmentRefused(problems.sort((a, b) => a.line - b.line));

  for (const group of groups.values()) {
    await declareMovement(tx, movementOf(req, group[0].line));
    const l = group.map((g) => g.line.locationId);
    const k = group.map((g) => g.line.skuId);
    const t = group.map((g) => g.target);
    // The reserved guard repeats the check above in SQL: a bug elsewhere fails loudly instead of overselling.
    const changed = await tx.$executeRaw`UPDATE stock_level s SET on_hand = u.t
      FROM unnest(${l}::int[], ${k}::int[], ${t}::int[]) AS u(l, k, t)
      WHERE s.location_id = u.l AND s.sku_id = u.k AND u.t >= s.reserved AND u.t >= 0`;
    if (changed !== group.length) throw new Error(`bulk intake changed ${changed} of ${group.length} stock levels; rolled back`);
  }
  return { ok: true, applied };
}
