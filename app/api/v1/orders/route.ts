import { NextResponse, type NextRequest } from "next/server";
import { apiError, zodFields } from "@/lib/server/api/errors";
import { requireChannelOrderCall } from "@/lib/server/api/request";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { orderInput } from "@/lib/server/orders/input";
import { placeOrderGrouped } from "@/lib/server/orders/intake-group";

// POST /api/v1/orders — a channel's order: routed, reserved and recorded in one transaction (shared with the
// requests that arrived meanwhile: lib/server/orders/intake-group.ts).
// Authorization: Bearer <channel API key>; Idempotency-Key: <unique per order>. Errors are JSON.
export async function POST(request: NextRequest) {
  const call = await requireChannelOrderCall(request);
  if (!call.ok) return call.response;
  const { caller, channel, key, json } = call.value;
  const parsed = orderInput.safeParse(json);
  if (!parsed.success) return apiError(422, "invalid_body", "The order is not valid; nothing was written.", zodFields(parsed.error, json));
  try {
    const result = await placeOrderGrouped(channel, parsed.data, key, `api:${caller.name}`);
    return NextResponse.json(result.body, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
  } catch (error) {
    if (isUniqueViolation(error)) return apiError(409, "duplicate_order", `Order ${parsed.data.orderNo} was already placed under another Idempotency-Key.`);
    console.error("POST /api/v1/orders", error);
    return apiError(500, "internal", "Something went wrong on our side; nothing was written. Retry with the same Idempotency-Key.");
  }
}
