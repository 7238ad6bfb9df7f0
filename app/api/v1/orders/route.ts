import { NextResponse, type NextRequest } from "next/server";
import { apiError, zodFields } from "@/lib/server/api/errors";
import { IdempotencyConflict, once } from "@/lib/server/api/idempotency";
import { readJson, requireCaller, requireIdempotencyKey } from "@/lib/server/api/request";
import { channelForFeed } from "@/lib/server/channels/channels";
import { isUniqueViolation } from "@/lib/server/orders/batch";
import { orderInput } from "@/lib/server/orders/input";
import { OrderRefused, placeOrderIn } from "@/lib/server/orders/place";

// POST /api/v1/orders — a channel's order: routed, reserved and recorded in one transaction.
// Authorization: Bearer <channel API key>; Idempotency-Key: <unique per order>. Errors are JSON.
export async function POST(request: NextRequest) {
  const who = await requireCaller(request);
  if (!who.ok) return who.response;
  if (who.value.channelId === null) return apiError(403, "channel_key_required", "Orders come from a channel: use a key created on the channel's page.");
  const idem = requireIdempotencyKey(request);
  if (!idem.ok) return idem.response;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = orderInput.safeParse(body.value);
  if (!parsed.success) return apiError(422, "invalid_body", "The order is not valid; nothing was written.", zodFields(parsed.error, body.value));
  const channel = await channelForFeed(who.value.channelId);
  if (!channel) return apiError(403, "channel_key_required", "This key's channel no longer exists.");
  if (!channel.active) return apiError(403, "channel_inactive", `Channel ${channel.code} is inactive and takes no orders.`);

  try {
    const result = await once(`orders:channel-${channel.id}`, idem.value, parsed.data, async (tx) => {
      const order = await placeOrderIn(tx, channel, parsed.data, `api:${who.value.name}`);
      return { status: 201, body: { order } };
    });
    return NextResponse.json(result.body, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
  } catch (error) {
    if (error instanceof OrderRefused) return apiError(error.refusal.status, error.refusal.code, error.refusal.message, error.refusal.fields);
    if (error instanceof IdempotencyConflict) return apiError(422, "idempotency_key_reused", error.message);
    if (isUniqueViolation(error)) return apiError(409, "duplicate_order", `Order ${parsed.data.orderNo} was already placed under another Idempotency-Key.`);
    console.error("POST /api/v1/orders", error);
    return apiError(500, "internal", "Something went wrong on our side; nothing was written. Retry with the same Idempotency-Key.");
  }
}
