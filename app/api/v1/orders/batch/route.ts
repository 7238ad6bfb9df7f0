import { NextResponse, type NextRequest } from "next/server";
import { apiError, zodFields } from "@/lib/server/api/errors";
import { IdempotencyConflict, once } from "@/lib/server/api/idempotency";
import { readJson, requireCaller, requireIdempotencyKey } from "@/lib/server/api/request";
import { channelForFeed } from "@/lib/server/channels/channels";
import { batchBody, isUniqueViolation, placeBatchIn } from "@/lib/server/orders/batch";

// POST /api/v1/orders/batch — up to 500 orders for bulk sync, each answered on its own:
// { results: [{ index, orderNo, status: 201, order } | { index, orderNo, status, error: { code, message, fields? } }] }.
// The Idempotency-Key covers the whole batch: a retry gets the same results.
export async function POST(request: NextRequest) {
  const who = await requireCaller(request);
  if (!who.ok) return who.response;
  if (who.value.channelId === null) return apiError(403, "channel_key_required", "Orders come from a channel: use a key created on the channel's page.");
  const idem = requireIdempotencyKey(request);
  if (!idem.ok) return idem.response;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = batchBody.safeParse(body.value);
  if (!parsed.success) return apiError(422, "invalid_body", "The batch is not valid; nothing was written.", zodFields(parsed.error, body.value));
  const channel = await channelForFeed(who.value.channelId);
  if (!channel) return apiError(403, "channel_key_required", "This key's channel no longer exists.");
  if (!channel.active) return apiError(403, "channel_inactive", `Channel ${channel.code} is inactive and takes no orders.`);
  try {
    const result = await once(`orders-batch:channel-${channel.id}`, idem.value, parsed.data, async (tx) => {
      const results = await placeBatchIn(tx, channel, parsed.data.orders, `api:${who.value.name}`);
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
