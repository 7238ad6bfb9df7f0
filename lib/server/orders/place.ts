import "server-only";
import { type Explanation, type RoutingOrder, type Shipment, route } from "@/lib/routing";
import { channelAtsWithLocks } from "../channels/availability";
import { consumeLocks } from "../channels/consumption";
import { Prisma } from "../generated/prisma/client";
import { reserve } from "../stock/reservations";
import type { Tx } from "../tx";
import { candidatesFor } from "./candidates";
import type { OrderInput } from "./input";
import { activeStrategyFor } from "./strategy";
import type { OrderView } from "./view";

export type Refusal = { status: 404 | 409 | 422; code: string; message: string; fields?: { field: string; value?: unknown; message: string }[] };

// Stock that vanished between routing and reserving (a count, a damaged write-off) is routed again; orders
// themselves cannot race, they hold the SKU locks.
const ATTEMPTS = 3;

/**
 * Order intake, inside the caller's transaction (with its idempotency record): validate codes → the channel's
 * available-to-sell (locks) → route with the channel's active strategy → reserve at the chosen locations (ledger)
 * → record the order, its shipments and lines, and the lock consumption. Refusals write nothing.
 *
 * Orders for the same SKU are serialized by a transaction-scoped advisory lock per SKU, taken in SKU order before
 * anything is read: ATS (ring-fences, caps, margins) spans locations, so a row lock alone could not keep two
 * orders from each taking the last unit a fence leaves.
 */
export async function placeOrderIn(tx: Tx, channel: { id: number; code: string }, input: OrderInput, actor: string, now = new Date()): Promise<OrderView> {
  const refs = await resolve(tx, input);
  if (refs.refusal) throw new OrderRefused(refs.refusal);
  const { skuByCode, pickupId, sellingId } = refs;
  const skuIds = [...new Set(input.lines.map((l) => skuByCode.get(l.sku)!.id))].sort((a, b) => a - b);
  await lockSkus(tx, skuIds);

  const strategy = await activeStrategyFor(channel.id, tx);
  const ats = await channelAtsWithLocks(channel.id, skuIds, now, tx);
  const lines = input.lines.map((l) => {
    const sku = skuByCode.get(l.sku)!;
    return { code: l.sku, skuId: sku.id, quantity: l.quantity, routable: Math.min(l.quantity, ats.bySku.get(sku.id) ?? 0), price: l.unitPriceCents ?? sku.priceCents };
  });
  const short = lines.filter((l) => l.routable < l.quantity);
  if (short.length > 0 && !input.allowBackorder) throw new OrderRefused(outOfStock(short.map((l) => ({ code: l.code, requested: l.quantity, available: l.routable }))));

  // The id first: reservations name the order; the row itself is written once the plan is known.
  const [{ id: orderId }] = await tx.$queryRaw<{ id: bigint }[]>`SELECT nextval(pg_get_serial_sequence('customer_order', 'id')) AS id`;
  const routingOrder: RoutingOrder = {
    destination: { lat: input.destination.lat, lng: input.destination.lng, province: input.destination.province },
    lines: lines.filter((l) => l.routable > 0).map((l) => ({ skuId: l.skuId, quantity: l.routable })),
    fulfilment: input.fulfilment,
    pickupLocationId: pickupId ?? undefined,
  };

  const routed = await routeAndReserve(tx, orderId, `order:${orderId}`, routingOrder, strategy.rules, actor, pickupId, now);
  // Units the channel may not sell plus units no plan could fill.
  const backOrdered = new Map(lines.map((l) => [l.skuId, l.quantity - l.routable]));
  for (const b of routed.plan.backOrdered) backOrdered.set(b.skuId, (backOrdered.get(b.skuId) ?? 0) + b.quantity);
  const missing = lines.filter((l) => (backOrdered.get(l.skuId) ?? 0) > 0);
  if (missing.length > 0 && !input.allowBackorder) {
    const shipped = shippedBySku(routed.plan.shipments);
    // Thrown, not returned: any reservation must roll back with the caller's transaction.
    throw new OrderRefused(outOfStock(missing.map((l) => ({ code: l.code, requested: l.quantity, available: shipped.get(l.skuId) ?? 0 }))));
  }

  const status = missing.length > 0 ? "BACKORDERED" : "RESERVED";
  await tx.order.create({
    data: {
      id: orderId, channelId: channel.id, status, placedAt: now, city: input.destination.city, province: input.destination.province,
      latitude: input.destination.lat, longitude: input.destination.lng, externalRef: input.orderNo, fulfilment: input.fulfilment,
      pickupLocationId: pickupId, sellingLocationId: sellingId, strategyVersionId: strategy.versionId, placedBy: actor,
      totalCents: lines.reduce((sum, l) => sum + l.quantity * l.price, 0),
      routing: { strategy: strategy.code, versionId: strategy.versionId, attempts: routed.attempts, explanation: compactExplanation(routed.explanation) } as unknown as Prisma.InputJsonValue,
      events: { create: { action: "PLACED", actor, detail: { strategy: strategy.code, versionId: strategy.versionId, attempts: routed.attempts } } },
    },
    select: { id: true },
  });
  const shipments = await recordPlan(tx, orderId, routed, lines, backOrdered, now);
  const shippedLines = [...shippedBySku(routed.plan.shipments)].map(([skuId, quantity]) => ({ skuId, quantity }));
  if (ats.ownLocks > 0) await consumeLocks(tx, channel.id, shippedLines, now);

  const codeOf = new Map(lines.map((l) => [l.skuId, l.code]));
  const byCode = (a: { sku: string }, b: { sku: string }) => a.sku.localeCompare(b.sku);
  return {
    id: String(orderId), orderNo: input.orderNo, channel: channel.code, status, fulfilment: input.fulfilment, placedAt: now,
    shipments: shipments.map((sh) => ({
      id: String(sh.id), location: sh.code, status: "RESERVED", km: sh.km, costCents: sh.costCents,
      lines: sh.lines.map((l) => ({ sku: codeOf.get(l.skuId)!, quantity: l.quantity })).sort(byCode),
    })),
    backOrdered: [...backOrdered].filter(([, q]) => q > 0).map(([skuId, quantity]) => ({ sku: codeOf.get(skuId)!, quantity })).sort(byCode),
  };
}

/** Thrown inside a transaction to roll it back and answer with the refusal. */
export class OrderRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

const SKU_LOCK_SPACE = 0x59504b55; // "YPKU": orders' per-SKU advisory locks

/** Serializes order work per SKU (placement, re-routing): ATS spans locations, row locks alone cannot. */
export async function lockSkus(tx: Tx, skuIds: number[]) {
  const ids = [...new Set(skuIds)].sort((a, b) => a - b);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SKU_LOCK_SPACE}, id) FROM unnest(${ids}::int[]) AS id ORDER BY id`;
}

function outOfStock(lines: { code: string; requested: number; available: number }[]): Refusal {
  return {
    status: 409,
    code: "out_of_stock",
    message: "Not enough available to sell for this channel; nothing was reserved.",
    fields: lines.map((l) => ({ field: `sku:${l.code}`, value: l.requested, message: `${l.available} available of ${l.requested} requested` })),
  };
}

function shippedBySku(shipments: Shipment[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of shipments) for (const l of s.lines) out.set(l.skuId, (out.get(l.skuId) ?? 0) + l.quantity);
  return out;
}

type Resolved =
  | { refusal: Refusal }
  | { refusal?: undefined; skuByCode: Map<string, { id: number; code: string; priceCents: number }>; pickupId: number | null; sellingId: number | null };

async function resolve(tx: Tx, input: OrderInput): Promise<Resolved> {
  const codes = [...new Set(input.lines.map((l) => l.sku))];
  const skus = await tx.sku.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, priceCents: true } });
  const skuByCode = new Map(skus.map((s) => [s.code, s]));
  const storeCodes = [input.pickupStore, input.sellingStore].filter((c): c is string => !!c);
  const stores = new Map(storeCodes.length === 0 ? [] : (await tx.location.findMany({ where: { code: { in: storeCodes } }, select: { id: true, code: true, canPickup: true } })).map((l) => [l.code, l]));
  const fields: NonNullable<Refusal["fields"]> = [];
  input.lines.forEach((l, i) => {
    if (!skuByCode.has(l.sku)) fields.push({ field: `lines[${i}].sku`, value: l.sku, message: "no SKU with this code" });
  });
  for (const [field, value] of [["pickupStore", input.pickupStore], ["sellingStore", input.sellingStore]] as const) {
    if (value && !stores.has(value)) fields.push({ field, value, message: "no location with this code" });
  }
  if (fields.length > 0) return { refusal: { status: 404, code: "unknown_code", message: "Some codes name nothing that exists; nothing was written.", fields } };
  const pickup = input.pickupStore ? stores.get(input.pickupStore)! : null;
  if (pickup && !pickup.canPickup) {
    return { refusal: { status: 422, code: "invalid_body", message: "That location does not hand over pickup orders.", fields: [{ field: "pickupStore", value: pickup.code, message: "not a pickup location" }] } };
  }
  return { skuByCode, pickupId: pickup?.id ?? null, sellingId: input.sellingStore ? stores.get(input.sellingStore)!.id : null };
}

export type Routed = {
  plan: { shipments: (Shipment & { reservationId: string })[]; backOrdered: { skuId: number; quantity: number }[] };
  explanation: Explanation | null;
  attempts: number;
};

/**
 * Routes `order` and reserves the plan; stock that vanished in between sends it round again. `keyBase` makes the
 * reservations' idempotency keys unique per routing of the order (placement, each re-route).
 */
export async function routeAndReserve(
  tx: Tx, orderId: bigint, keyBase: string, order: RoutingOrder, rules: Parameters<typeof route>[2], actor: string, pickupId: number | null, now: Date,
): Promise<Routed> {
  if (order.lines.length === 0) return { plan: { shipments: [], backOrdered: [] }, explanation: null, attempts: 0 };
  const skuIds = order.lines.map((l) => l.skuId);
  for (let attempt = 1; ; attempt++) {
    const candidates = await candidatesFor(skuIds, { always: pickupId ? [pickupId] : [], now }, tx);
    const decision = route(order, candidates, rules);
    if (decision.kind !== "plan") throw new Error("a pickup order reached routing without its store");
    await tx.$executeRawUnsafe("SAVEPOINT route_attempt");
    const reserved: Routed["plan"]["shipments"] = [];
    let lost = false;
    for (const s of decision.plan.shipments) {
      const r = await reserve(
        { idempotencyKey: `${keyBase}:${attempt}:${s.locationId}`, actor, reference: `order:${orderId}`, lines: s.lines.map((l) => ({ ...l, locationId: s.locationId })) },
        tx,
      );
      if (!r.ok) {
        lost = true;
        break;
      }
      reserved.push({ ...s, reservationId: r.reservationId });
    }
    if (!lost) {
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT route_attempt");
      return { plan: { shipments: reserved, backOrdered: decision.plan.backOrdered }, explanation: decision.explanation, attempts: attempt };
    }
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT route_attempt");
    if (attempt === ATTEMPTS) throw new OrderRefused({ status: 409, code: "stock_moving", message: "Stock kept changing while this order was routed; nothing was reserved. Retry with the same Idempotency-Key." });
  }
}

/** Writes the plan's shipments and lines (and back-ordered lines) in two statements; returns the shipments. */
export async function recordPlan(
  tx: Tx, orderId: bigint, routed: Routed, lines: { skuId: number; price: number }[], backOrdered: Map<number, number>, now: Date,
): Promise<RecordedShipment[]> {
  const price = new Map(lines.map((l) => [l.skuId, l.price]));
  const plan = routed.plan.shipments;
  const created = plan.length === 0 ? [] : await tx.orderShipment.createManyAndReturn({
    data: plan.map((s) => ({ orderId, locationId: s.locationId, status: "RESERVED" as const, reservationId: BigInt(s.reservationId), km: s.km, costCents: s.costCents })),
    select: { id: true, locationId: true },
  });
  const idOf = new Map(created.map((c) => [c.locationId, c.id]));
  const rows = plan.flatMap((s) => s.lines.map((l) => ({
    orderId, skuId: l.skuId, quantity: l.quantity, fulfillLocationId: s.locationId, shipmentId: idOf.get(s.locationId)!, unitPriceCents: price.get(l.skuId)!, placedAt: now,
  })));
  for (const [skuId, quantity] of backOrdered) if (quantity > 0) rows.push({ orderId, skuId, quantity, fulfillLocationId: null as unknown as number, shipmentId: null as unknown as bigint, unitPriceCents: price.get(skuId)!, placedAt: now });
  if (rows.length > 0) await tx.orderLine.createMany({ data: rows });
  return plan.map((s) => ({ id: idOf.get(s.locationId)!, locationId: s.locationId, code: s.code, km: s.km, costCents: s.costCents, lines: s.lines }));
}

export type RecordedShipment = { id: bigint; locationId: number; code: string; km: number; costCents: number; lines: { skuId: number; quantity: number }[] };

/**
 * What the order page and the feed need of a decision: the locations left out for holding none of the order are
 * counted, not listed (they are most of the network).
 */
export function compactExplanation(explanation: Explanation | null) {
  if (!explanation) return null;
  const noStock = explanation.filtered.filter((f) => f.reason === "noStock").length;
  return { ...explanation, filtered: explanation.filtered.filter((f) => f.reason !== "noStock"), noStock };
}
