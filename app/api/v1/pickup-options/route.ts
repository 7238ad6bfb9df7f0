import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { apiError, zodFields } from "@/lib/server/api/errors";
import { requireCaller } from "@/lib/server/api/request";
import { pickupStoresFor } from "@/lib/server/orders/pickup";
import { skuIdsByCode } from "@/lib/server/routing/catalog";

// GET /api/v1/pickup-options?lat=31.23&lng=121.47&skus=CODE:2,CODE2:1[&limit=3] — BOPIS: the nearest stores that
// can hand over the whole order, for the customer to choose; then POST /api/v1/orders with fulfilment PICKUP.
const query = z.object({
  lat: z.coerce.number("must be a number").min(-90).max(90),
  lng: z.coerce.number("must be a number").min(-180).max(180),
  skus: z.string().regex(/^[^:,]+:\d+(,[^:,]+:\d+)*$/, "CODE:QUANTITY pairs separated by commas, e.g. A1:2,B7:1"),
  limit: z.coerce.number().int().min(1).max(10).default(3),
});

export async function GET(request: NextRequest) {
  const who = await requireCaller(request);
  if (!who.ok) return who.response;
  if (who.value.channelId === null) return apiError(403, "channel_key_required", "Use a key created on the channel's page.");
  const raw = Object.fromEntries(request.nextUrl.searchParams);
  const parsed = query.safeParse(raw);
  if (!parsed.success) return apiError(400, "invalid_query", "The query is not valid.", zodFields(parsed.error, raw));
  const channel = who.value.channel;
  if (!channel) return apiError(403, "channel_key_required", "This key's channel no longer exists.");

  const pairs = parsed.data.skus.split(",").map((p) => p.split(":") as [string, string]);
  const skus = await skuIdsByCode(pairs.map(([c]) => c));
  const unknown = pairs.filter(([c]) => !skus.has(c)).map(([c]) => ({ field: "skus", value: c, message: "no SKU with this code" }));
  if (unknown.length > 0) return apiError(404, "unknown_code", "Some SKU codes name nothing that exists.", unknown);
  const stores = await pickupStoresFor(channel.id, parsed.data, pairs.map(([c, q]) => ({ skuId: skus.get(c)!, quantity: Number(q) })), parsed.data.limit);
  return NextResponse.json({ channel: channel.code, stores: stores.map((s) => ({ store: s.code, name: s.name, city: s.city, km: s.km })) });
}
