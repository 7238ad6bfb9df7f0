import "server-only";
import { z } from "zod";
import { type FieldError, zodFields } from "../api/errors";
import type { SqlTx } from "../tx";
import { type OrderInput, orderInput } from "./input";
import { placeOrdersIn } from "./place";
import type { OrderView } from "./view";

export const BATCH_MAX = 500;
export const batchBody = z.object({
  orders: z.array(z.unknown()).min(1, "at least one order").max(BATCH_MAX, `at most ${BATCH_MAX} orders per batch`),
});

export type BatchResult =
  | { index: number; orderNo: string | null; status: 201; order: OrderView }
  | { index: number; orderNo: string | null; status: number; error: { code: string; message: string; fields?: FieldError[] } };

/**
 * Each order answers for itself (placed, refused, invalid, duplicate); the valid ones are placed together by
 * placeOrdersIn — read once, routed in order, written set-based. The whole batch commits in one transaction with
 * its idempotency record, so a retry replays it.
 */
export async function placeBatchIn(tx: SqlTx, channel: { id: number; code: string }, orders: unknown[], actor: string, now = new Date()): Promise<BatchResult[]> {
  const results: (BatchResult | null)[] = orders.map(() => null);
  const valid: { index: number; input: OrderInput }[] = [];
  for (const [index, raw] of orders.entries()) {
    const parsed = orderInput.safeParse(raw);
    if (parsed.success) valid.push({ index, input: parsed.data });
    else results[index] = { index, orderNo: orderNoOf(raw), status: 422, error: { code: "invalid_body", message: "The order is not valid.", fields: zodFields(parsed.error, raw) } };
  }
  const placed = await placeOrdersIn(tx, channel, valid.map((v) => v.input), actor, now);
  placed.forEach((p, i) => {
    const { index, input } = valid[i];
    results[index] = p.ok
      ? { index, orderNo: input.orderNo, status: 201, order: p.order }
      : { index, orderNo: input.orderNo, status: p.refusal.status, error: { code: p.refusal.code, message: p.refusal.message, fields: p.refusal.fields } };
  });
  return results as BatchResult[];
}

function orderNoOf(raw: unknown): string | null {
  return typeof raw === "object" && raw !== null && typeof (raw as { orderNo?: unknown }).orderNo === "string" ? (raw as { orderNo: string }).orderNo : null;
}

