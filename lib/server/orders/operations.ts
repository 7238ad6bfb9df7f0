import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import type { Filter, RoutingOrder } from "@/lib/routing";
import { consumeLocks } from "../channels/consumption";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { settleIn } from "../stock/reservations";
import type { Tx } from "../tx";
import { storedExplanation } from "./explanation-store";
import { lockSkus, recordPlan, routeAndReserve } from "./place";
import { activeStrategyFor } from "./strategy";

// What people do to an order after intake. Each step is one transaction, answers the same on a repeat (a
// shipment already shipped stays shipped), writes its ledger entries through the reservation it settles, and
// leaves an event with its actor. A store manager may act only on their own location's shipments.

type Shipment = Prisma.OrderShipmentGetPayload<{ include: { order: true; lines: true } }>;
export type StepResult = { ok: true; changed: boolean } | { ok: false; code: "not_found" | "wrong_state"; message: string };

const LIVE: string[] = ["RESERVED", "READY"];

async function shipmentFor(tx: Tx, shipmentId: bigint, scope: DataScope): Promise<Shipment | null> {
  // Lock the order: steps on one order (a rejection's re-route, a cancel) must not interleave.
  const [head] = await tx.$queryRaw<{ order_id: bigint }[]>`SELECT order_id FROM order_shipment WHERE id = ${shipmentId}`;
  if (!head) return null;
  await tx.$queryRaw`SELECT id FROM customer_order WHERE id = ${head.order_id} FOR UPDATE`;
  const s = await tx.orderShipment.findUnique({ where: { id: shipmentId }, include: { order: true, lines: true } });
  if (!s) return null;
  if (scope.kind === "location" && s.locationId !== scope.locationId) return null; // another store's: as if absent
  if (scope.kind === "brand") return null;
  return s;
}

const notFound = (what: string): StepResult => ({ ok: false, code: "not_found", message: `${what} does not exist or is not yours.` });
const wrongState = (s: { status: string }, step: string): StepResult => ({ ok: false, code: "wrong_state", message: `The shipment is ${s.status.toLowerCase()}; it cannot be ${step}.` });

async function event(tx: Tx, orderId: bigint, action: string, actor: string, detail: Prisma.InputJsonValue) {
  await tx.orderEvent.create({ data: { orderId, action, actor, detail } });
}

/** The order's status from its shipments and back-orders. */
async function refreshStatus(tx: Tx, orderId: bigint) {
  const shipments = await tx.orderShipment.findMany({ where: { orderId }, select: { status: true } });
  const waiting = await tx.orderLine.count({ where: { orderId, shipmentId: null, fulfillLocationId: null } });
  const open = shipments.filter((s) => s.status !== "REJECTED" && s.status !== "CANCELLED");
  const all = (st: string) => open.length > 0 && open.every((s) => s.status === st);
  const status =
    open.length === 0 ? (waiting > 0 ? "BACKORDERED" : "CANCELLED")
    : all("SHIPPED") ? (waiting > 0 ? "BACKORDERED" : "SHIPPED")
    : all("PICKED_UP") ? "PICKED_UP"
    : all("READY") ? "READY"
    : waiting > 0 ? "BACKORDERED" : "RESERVED";
  await tx.order.update({ where: { id: orderId }, data: { status } });
}

/** The warehouse or store hands a shipment to the carrier: reserved units leave on hand. */
export function shipShipment(shipmentId: bigint, actor: string, scope: DataScope): Promise<StepResult> {
  return db().$transaction(async (tx) => {
    const s = await shipmentFor(tx, shipmentId, scope);
    if (!s) return notFound(`Shipment ${shipmentId}`);
    if (s.status === "SHIPPED") return { ok: true, changed: false };
    if (s.status !== "RESERVED" || s.order.fulfilment !== "SHIP") return wrongState(s, "shipped");
    await settleIn(tx, String(s.reservationId), "SHIPPED", actor);
    await tx.orderShipment.update({ where: { id: s.id }, data: { status: "SHIPPED" } });
    await event(tx, s.orderId, "SHIPPED", actor, { shipment: String(s.id), locationId: s.locationId });
    await refreshStatus(tx, s.orderId);
    return { ok: true, changed: true };
  });
}

/** BOPIS: the store has picked the goods and waits for the customer. */
export function markReady(shipmentId: bigint, actor: string, scope: DataScope): Promise<StepResult> {
  return db().$transaction(async (tx) => {
    const s = await shipmentFor(tx, shipmentId, scope);
    if (!s) return notFound(`Shipment ${shipmentId}`);
    if (s.status === "READY") return { ok: true, changed: false };
    if (s.status !== "RESERVED" || s.order.fulfilment !== "PICKUP") return wrongState(s, "marked ready");
    await tx.orderShipment.update({ where: { id: s.id }, data: { status: "READY" } });
    await event(tx, s.orderId, "READY", actor, { shipment: String(s.id) });
    await refreshStatus(tx, s.orderId);
    return { ok: true, changed: true };
  });
}

/** BOPIS: the customer collected the goods; they leave on hand as a shipment would. */
export function markPickedUp(shipmentId: bigint, actor: string, scope: DataScope): Promise<StepResult> {
  return db().$transaction(async (tx) => {
    const s = await shipmentFor(tx, shipmentId, scope);
    if (!s) return notFound(`Shipment ${shipmentId}`);
    if (s.status === "PICKED_UP") return { ok: true, changed: false };
    if (s.status !== "READY") return wrongState(s, "picked up");
    await settleIn(tx, String(s.reservationId), "SHIPPED", actor, "picked up in store");
    await tx.orderShipment.update({ where: { id: s.id }, data: { status: "PICKED_UP" } });
    await event(tx, s.orderId, "PICKED_UP", actor, { shipment: String(s.id) });
    await refreshStatus(tx, s.orderId);
    return { ok: true, changed: true };
  });
}

/**
 * A store refuses its part (a hot item it will not release, a damaged unit): its reservation is released and
 * the lines are routed again with every location that rejected this order excluded. What no other location can
 * fill is back-ordered, never dropped. Pickup shipments cannot be re-routed elsewhere; they are cancelled.
 */
export function rejectShipment(shipmentId: bigint, reason: string, actor: string, scope: DataScope, now = new Date()): Promise<StepResult> {
  return db().$transaction(async (tx) => {
    const s = await shipmentFor(tx, shipmentId, scope);
    if (!s) return notFound(`Shipment ${shipmentId}`);
    if (s.status === "REJECTED") return { ok: true, changed: false };
    if (!LIVE.includes(s.status)) return wrongState(s, "rejected");
    const lines = s.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity }));
    await lockSkus(tx, lines.map((l) => l.skuId));
    await settleIn(tx, String(s.reservationId), "RELEASED", actor, `rejected by the store: ${reason}`);
    await tx.orderShipment.update({ where: { id: s.id }, data: { status: "REJECTED", rejectedReason: reason } });

    const rejected = (await tx.orderShipment.findMany({ where: { orderId: s.orderId, status: "REJECTED" }, select: { locationId: true } })).map((r) => r.locationId);
    const order: RoutingOrder = {
      destination: { lat: s.order.latitude, lng: s.order.longitude, province: s.order.province },
      lines,
      fulfilment: "SHIP",
    };
    let detail: Prisma.InputJsonValue = { shipment: String(s.id), locationId: s.locationId, reason, excluded: rejected, lines };
    if (s.order.fulfilment === "SHIP") {
      const strategy = await activeStrategyFor(s.order.channelId, tx);
      const exclude: Filter = { kind: "exclude", locationIds: rejected };
      const rules = { ...strategy.rules, filters: [...strategy.rules.filters, exclude] };
      const routed = await routeAndReserve(tx, s.orderId, `order:${s.orderId}:reroute:${s.id}`, order, rules, actor, null, now);
      const backOrdered = new Map(routed.plan.backOrdered.map((b) => [b.skuId, b.quantity]));
      await recordPlan(tx, s.orderId, routed, s.lines.map((l) => ({ skuId: l.skuId, price: l.unitPriceCents })), backOrdered, s.order.placedAt);
      // The units moved from the rejected shipment to new ones (or to back-order): detach the old lines.
      await tx.orderLine.deleteMany({ where: { shipmentId: s.id } });
      await tx.order.update({ where: { id: s.orderId }, data: { routing: { strategy: strategy.code, versionId: strategy.versionId, attempts: routed.attempts, rerouteOf: String(s.id), explanation: storedExplanation(routed.explanation) } as unknown as Prisma.InputJsonValue } });
      detail = { ...detail, reroutedTo: routed.plan.shipments.map((p) => p.code), backOrdered: routed.plan.backOrdered } as Prisma.InputJsonValue;
    } else {
      await consumeLocks(tx, s.order.channelId, lines, now, -1, s.order.placedAt);
    }
    await event(tx, s.orderId, "REJECTED", actor, detail);
    await refreshStatus(tx, s.orderId);
    return { ok: true, changed: true };
  });
}

/** Cancels what has not left yet: reservations released, the channel's lock consumption given back. */
export function cancelOrder(orderId: bigint, reason: string, actor: string, scope: DataScope, now = new Date()): Promise<StepResult> {
  return db().$transaction(async (tx) => {
    if (scope.kind !== "network") return notFound(`Order ${orderId}`);
    const [order] = await tx.$queryRaw<{ id: bigint; status: string; channel_id: number; placed_at: Date }[]>`
      SELECT id, status::text, channel_id, placed_at FROM customer_order WHERE id = ${orderId} FOR UPDATE`;
    if (!order) return notFound(`Order ${orderId}`);
    if (order.status === "CANCELLED") return { ok: true, changed: false };
    const shipments = await tx.orderShipment.findMany({ where: { orderId, status: { in: ["RESERVED", "READY"] } }, include: { lines: true } });
    const gone = await tx.orderShipment.count({ where: { orderId, status: { in: ["SHIPPED", "PICKED_UP"] } } });
    if (gone > 0) return { ok: false, code: "wrong_state", message: `Order ${orderId} has shipped parts; cancel is for orders nothing has left yet.` };
    for (const s of shipments) {
      await settleIn(tx, String(s.reservationId), "RELEASED", actor, `order cancelled: ${reason}`);
      await tx.orderShipment.update({ where: { id: s.id }, data: { status: "CANCELLED" } });
    }
    const units = shipments.flatMap((s) => s.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })));
    await consumeLocks(tx, order.channel_id, units, now, -1, order.placed_at);
    await tx.order.update({ where: { id: orderId }, data: { status: "CANCELLED" } });
    await event(tx, orderId, "CANCELLED", actor, { reason });
    return { ok: true, changed: true };
  });
}

