import "server-only";
import { z } from "zod";
import { type FieldError, zodFields } from "../api/errors";
import type { Tx } from "../tx";
import { orderInput } from "./input";
import { OrderRefused, placeOrderIn } from "./place";
import type { OrderView } from "./view";

export const BATCH_MAX = 500;
export const batchBody = z.object({
  orders: z.array(z.unknown()).min(1, "at least one order").max(BATCH_MAX, `at most ${BATCH_MAX} orders per batch`),
});

export type BatchResult =
  | { index: number; orderNo: string | null; status: 201; order: OrderView }
  | { index: number; orderNo: string | null; status: number; error: { code: string; message: string; fields?: FieldError[] } };

/**
 * Each order on its own (a savepoint each): one bad or unfillable order answers for itself and the rest go
 * through. The whole batch commits in one transaction with its idempotency record, so a retry replays it.
 */
export async function placeBatchIn(tx: Tx, channel: { id: number; code: string }, orders: unknown[], actor: string, now = new Date()): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (const [index, raw] of orders.entries()) {
    const orderNo = typeof raw === "object" && raw !== null && typeof (raw as { orderNo?: unknown }).orderNo === "string" ? (raw as { orderNo: string }).orderNo : null;
    const parsed = orderInput.safeParse(raw);
    if (!parsed.success) {
      results.push({ index, orderNo, status: 422, error: { code: "invalid_body", message: "The order is not valid.", fields: zodFields(parsed.error, raw) } });
      continue;
    }
    await tx.$executeRawUnsafe("SAVEPOINT batch_order");
    try {
      const order = await placeOrderIn(tx, channel, parsed.data, actor, now);
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT batch_order");
      results.push({ index, orderNo, status: 201, order });
    } catch (error) {
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT batch_order");
      if (error instanceof OrderRefused) {
        results.push({ index, orderNo, status: error.refusal.status, error: { code: error.refusal.code, message: error.refusal.message, fields: error.refusal.fields } });
      } else if (isUniqueViolation(error)) {
        results.push({ index, orderNo, status: 409, error: { code: "duplicate_order", message: `Order ${orderNo} was already placed.` } });
      } else {
        throw error;
      }
    }
  }
  return results;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
