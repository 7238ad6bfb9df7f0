import { NextResponse, type NextRequest } from "next/server";
import { apiError, zodFields } from "@/lib/server/api/errors";
import { readJson, requireCaller, requireIdempotencyKey } from "@/lib/server/api/request";
import { channelForFeed } from "@/lib/server/channels/channels";
import { isUniqueViolation } from "@/lib/server/orders/batch";
import { orderInput } from "@/lib/server/orders/input";
import { placeOrderGrouped } from "@/lib/server/orders/intake-group";

// POST /api/v1/orders — a channel's order: routed, reserved and recorded in one transaction (shared with the
// requests that arrived meanwhile: lib/server/orders/intake-group.ts).
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
    const result = await placeOrderGrouped(channel, parsed.data, idem.value, `api:${who.value.name}`);
    return NextResponse.json(result.body, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
  } catch (error) {
    if (isUniqueViolation(error)) return apiError(409, "duplicate_order", `Order ${parsed.data.orderNo} was already placed under another Idempotency-Key.`);
    console.error("POST /api/v1/orders", error);
    return apiError(500, "internal", "Something went wrong on our side; nothing was written. Retry with the same Idempotency-Key.");
  }
}
