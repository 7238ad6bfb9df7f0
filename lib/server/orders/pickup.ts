import "server-only";
import { type PickupOption, pickupOptions } from "@/lib/routing";
import { channelAts } from "../channels/availability";
import { db } from "../db";
import { candidatesFor } from "./candidates";
import { activeStrategyFor } from "./strategy";

/**
 * BOPIS: the stores nearest the customer that can hand over every line today, under the channel's
 * available-to-sell and its strategy's filters. Empty when the channel may not sell that much.
 */
export async function pickupStoresFor(
  channelId: number,
  destination: { lat: number; lng: number },
  lines: { skuId: number; quantity: number }[],
  limit = 3,
  now = new Date(),
): Promise<(PickupOption & { name: string; city: string })[]> {
  const skuIds = [...new Set(lines.map((l) => l.skuId))];
  const ats = new Map((await channelAts(channelId, skuIds, now)).map((a) => [a.skuId, a.ats]));
  if (lines.some((l) => (ats.get(l.skuId) ?? 0) < l.quantity)) return [];
  const [candidates, strategy] = await Promise.all([candidatesFor(skuIds, { now }), activeStrategyFor(channelId)]);
  const options = pickupOptions({ destination, lines, fulfilment: "PICKUP" }, candidates, limit, strategy.rules.filters);
  const names = new Map((await db().location.findMany({ where: { id: { in: options.map((o) => o.locationId) } }, select: { id: true, name: true, city: true } })).map((l) => [l.id, l]));
  return options.map((o) => ({ ...o, name: names.get(o.locationId)?.name ?? o.code, city: names.get(o.locationId)?.city ?? "" }));
}
