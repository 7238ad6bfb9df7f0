import { NextResponse, type NextRequest } from "next/server";
import { apiError, zodFields } from "@/lib/server/api/errors";
import { IdempotencyConflict, onceSql } from "@/lib/server/api/idempotency";
import { requireChannelOrderCall } from "@/lib/server/api/request";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { batchBody, placeBatchIn } from "@/lib/server/orders/batch";

// POST /api/v1/orders/batch — up to 500 orders for bulk sync, each answered on its own:
// { results: [{ index, orderNo, status: 201, order } | { index, orderNo, status, error: { code, message, fields? } }] }.
// The Idempotency-Key covers the whole batch: a retry gets the same results.
export async function POST(request: NextRequest) {
  const call = await requireChannelOrderCall(request);
  if (!call.ok) return call.response;
  const { caller, channel, key, json } = call.value;
  const parsed = batchBody.safeParse(json);
  if (!parsed.success) return apiError(422, "invalid_body", "The batch is not valid; nothing was written.", zodFields(parsed.error, json));
  try {
    const result = await onceSql(`orders-batch:channel-${channel.id}`, key, parsed.data, async (tx) => {
      const results = await placeBatchIn(tx, channel, parsed.data.orders, `api:${caller.name}`);
      return { status: 200, body: { results } };
    });
    return NextResponse.json(result.body, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
  } catch (error) {
    if (error instanceof IdempotencyConflict) return apiError(422, "idempotency_key_reused", error.message);
    if (isUniqueViolation(error)) return apiError(409, "duplicate_order", "An order number in this batch was placed by another request meanwhile; nothing was written. Retry with the same Idempotency-Key.");
    console.error("POST /api/v1/orders/batch", error);
    return apiError(500, "internal", "Something went wrong on our side; nothing was written. Retry with the same Idempotency-Key.");
  }
}
