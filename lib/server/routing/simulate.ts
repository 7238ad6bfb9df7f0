import "server-only";
import { type Candidate, type RoutingDecision, type RoutingOrder, type Strategy, route } from "@/lib/routing";
import { AtpColumns } from "@/lib/routing/atp-columns";
import { channelAts } from "../channels/availability";
import { db } from "../db";
import { candidatesFor, type LoadedCandidate } from "../orders/candidates";

// The simulator: routing decisions on today's stock without reserving anything.

export type SampleOrder = {
  destination: { lat: number; lng: number; province?: string };
  lines: { skuId: number; quantity: number }[];
  fulfilment?: "SHIP" | "PICKUP";
  pickupLocationId?: number;
};

/**
 * One sample order under `rules`. With a channel, quantities beyond the channel's available-to-sell are taken off
 * first (they would be back-ordered or refused at intake), exactly as order intake does.
 */
export async function simulateOrder(rules: Strategy, sample: SampleOrder, channelId?: number, now = new Date()) {
  const skuIds = [...new Set(sample.lines.map((l) => l.skuId))];
  const ats = channelId ? new Map((await channelAts(channelId, skuIds, now)).map((a) => [a.skuId, a.ats])) : null;
  const lines = sample.lines.map((l) => ({ skuId: l.skuId, quantity: ats ? Math.min(l.quantity, ats.get(l.skuId) ?? 0) : l.quantity }));
  const candidates = await candidatesFor(skuIds, { always: sample.pickupLocationId ? [sample.pickupLocationId] : [], now });
  const order: RoutingOrder = { destination: sample.destination, lines: lines.filter((l) => l.quantity > 0), fulfilment: sample.fulfilment ?? "SHIP", pickupLocationId: sample.pickupLocationId };
  const decision = route(order, candidates, rules);
  const limited = sample.lines.flatMap((l, i) => (lines[i].quantity < l.quantity ? [{ skuId: l.skuId, requested: l.quantity, available: lines[i].quantity }] : []));
  return { decision, candidates: candidates.map(describeCandidate), limitedByChannel: limited };
}

function describeCandidate(c: Candidate) {
  return { locationId: c.locationId, code: c.code, type: c.type, region: c.region, lat: c.lat, lng: c.lng, remainingCapacity: c.remainingCapacity, atp: Object.fromEntries(c.atp) };
}

export type ReplayMetrics = {
  orders: number;
  routed: number;
  splitRate: number;
  /** Mean over routed orders of the quantity-weighted distance their units travel. */
  avgKm: number;
  shippingCents: number;
  backOrderedUnits: number;
  backOrderedOrders: number;
  /** Shipments per location, most loaded first. */
  load: { code: string; shipments: number; units: number }[];
};

/**
 * The last `n` orders (newest first, history included) replayed on today's stock under each rule set, one after
 * another as if they arrived now: each takes its units out of the shared stock and capacity it saw, so a strategy
 * that exhausts a location pays for it in later orders. Both runs start from the same stock.
 */
export async function replay(rulesets: { draft: Strategy; active: Strategy }, n: number, channelId?: number) {
  const orders = await db().order.findMany({
    where: channelId ? { channelId } : {},
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    take: n,
    select: { id: true, latitude: true, longitude: true, province: true, lines: { select: { skuId: true, quantity: true } } },
  });
  const skuIds = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.skuId)))];
  const start = await candidatesFor(skuIds);
  const samples = orders.map((o) => ({
    destination: { lat: o.latitude, lng: o.longitude, province: o.province },
    lines: merge(o.lines),
  }));
  return { orders: orders.length, draft: run(rulesets.draft, samples, start), active: run(rulesets.active, samples, start) };
}

function merge(lines: { skuId: number; quantity: number }[]) {
  const by = new Map<number, number>();
  for (const l of lines) by.set(l.skuId, (by.get(l.skuId) ?? 0) + l.quantity);
  return [...by].map(([skuId, quantity]) => ({ skuId, quantity }));
}

function run(rules: Strategy, samples: { destination: RoutingOrder["destination"]; lines: { skuId: number; quantity: number }[] }[], start: LoadedCandidate[]): ReplayMetrics {
  const copies = AtpColumns.copy(start.map((c) => c.atp));
  const stock = start.map((c, i) => ({ ...c, atp: copies[i] }));
  const byId = new Map(stock.map((c) => [c.locationId, c]));
  const load = new Map<number, { shipments: number; units: number }>();
  let routed = 0, split = 0, kmSum = 0, cents = 0, boUnits = 0, boOrders = 0;
  for (const sample of samples) {
    const decision: RoutingDecision = route({ destination: sample.destination, lines: sample.lines, fulfilment: "SHIP" }, stock, rules);
    if (decision.kind !== "plan") continue;
    const { shipments, backOrdered, costCents } = decision.plan;
    const units = shipments.reduce((s, sh) => s + sh.lines.reduce((u, l) => u + l.quantity, 0), 0);
    if (shipments.length > 0) {
      routed++;
      if (shipments.length > 1) split++;
      kmSum += shipments.reduce((s, sh) => s + sh.km * sh.lines.reduce((u, l) => u + l.quantity, 0), 0) / units;
      cents += costCents;
    }
    const bo = backOrdered.reduce((s, l) => s + l.quantity, 0);
    boUnits += bo;
    if (bo > 0) boOrders++;
    for (const sh of shipments) {
      const c = byId.get(sh.locationId)!;
      c.remainingCapacity = Math.max(0, c.remainingCapacity - 1);
      for (const l of sh.lines) c.atp.set(l.skuId, (c.atp.get(l.skuId) ?? 0) - l.quantity);
      const entry = load.get(sh.locationId) ?? { shipments: 0, units: 0 };
      entry.shipments++;
      entry.units += sh.lines.reduce((u, l) => u + l.quantity, 0);
      load.set(sh.locationId, entry);
    }
  }
  return {
    orders: samples.length,
    routed,
    splitRate: routed ? split / routed : 0,
    avgKm: routed ? kmSum / routed : 0,
    shippingCents: cents,
    backOrderedUnits: boUnits,
    backOrderedOrders: boOrders,
    load: [...load].map(([id, l]) => ({ code: byId.get(id)!.code, ...l })).sort((a, b) => b.shipments - a.shipments || a.code.localeCompare(b.code)),
  };
}
