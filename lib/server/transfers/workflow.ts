import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { db } from "../db";
import type { Prisma, Transfer } from "../generated/prisma/client";
import { declareMovement } from "../stock/movement";
import type { Tx } from "../tx";

// The transfer workflow (issue #6). Every step is one transaction that locks the transfer row, checks the caller
// may take it and the state allows it, and answers "unchanged" when repeated — so a retried click neither moves
// stock twice nor loses a step. Stock moves only at ship (source on hand −q, destination in transit +q) and receive
// (destination in transit −q, on hand +received), each through the ledger trigger with reference transfer:<id>.

export type StepResult = { ok: true; changed: boolean; transfer: Transfer } | { ok: false; code: "not_found" | "wrong_state" | "not_allowed" | "short"; message: string };
type Who = { actor: string; scope: DataScope };

const notFound = (id: bigint): StepResult => ({ ok: false, code: "not_found", message: `Transfer ${id} does not exist or is not yours.` });
const wrongState = (t: Transfer, step: string): StepResult => ({ ok: false, code: "wrong_state", message: `Transfer ${t.id} is ${t.status.toLowerCase()}; it cannot be ${step}.` });

/** Who may see it: HQ all; a store its inbound and outbound transfers; a brand partner its brand's (read-only). */
async function visible(tx: Tx, t: Transfer, scope: DataScope): Promise<boolean> {
  if (scope.kind === "network") return true;
  if (scope.kind === "location") return t.fromLocationId === scope.locationId || t.toLocationId === scope.locationId;
  const sku = await tx.sku.findUnique({ where: { id: t.skuId }, select: { brandId: true } });
  return sku?.brandId === scope.brandId;
}

async function step(id: bigint, who: Who, run: (tx: Tx, t: Transfer) => Promise<StepResult>): Promise<StepResult> {
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: bigint }[]>`SELECT id FROM transfer WHERE id = ${id} FOR UPDATE`;
    if (!row) return notFound(id);
    const t = await tx.transfer.findUniqueOrThrow({ where: { id } });
    if (!(await visible(tx, t, who.scope))) return notFound(id);
    if (who.scope.kind === "brand") return { ok: false, code: "not_allowed", message: "Brand partners see transfers of their brand; they do not act on them." };
    return run(tx, t);
  });
}

async function record(tx: Tx, t: Transfer, action: string, actor: string, data: Prisma.TransferUpdateInput, detail?: Prisma.InputJsonValue): Promise<StepResult> {
  const transfer = await tx.transfer.update({ where: { id: t.id }, data });
  await tx.transferEvent.create({ data: { transferId: t.id, action, actor, detail } });
  return { ok: true, changed: true, transfer };
}

export type NewTransfer = { skuId: number; fromLocationId: number; toLocationId: number; quantity: number; origin: "SUGGESTED" | "MANUAL"; reason?: Prisma.InputJsonValue };

/** Proposals (HQ, or the suggestion run): they wait for the source store's approval. */
export async function proposeTransfers(items: NewTransfer[], actor: string): Promise<bigint[]> {
  return db().$transaction(async (tx) => {
    const created = await tx.transfer.createManyAndReturn({
      data: items.map((i) => ({ ...i, status: "PROPOSED" as const, createdBy: actor })),
      select: { id: true },
    });
    await tx.transferEvent.createMany({ data: created.map((c) => ({ transferId: c.id, action: "PROPOSED", actor })) });
    return created.map((c) => c.id);
  });
}

const canDecide = (t: Transfer, scope: DataScope) => scope.kind === "network" || (scope.kind === "location" && scope.locationId === t.fromLocationId);

/** The source store's manager (or HQ) agrees to release the units. */
export function approveTransfer(id: bigint, who: Who) {
  return step(id, who, async (tx, t) => {
    if (!canDecide(t, who.scope)) return { ok: false, code: "not_allowed", message: "Only the source store's manager or HQ approves a transfer." };
    if (t.status === "APPROVED") return { ok: true, changed: false, transfer: t };
    if (t.status !== "PROPOSED") return wrongState(t, "approved");
    return record(tx, t, "APPROVED", who.actor, { status: "APPROVED" });
  });
}

/** The source store refuses (a hot item it will not release); the reason is kept. */
export function rejectTransfer(id: bigint, reason: string, who: Who) {
  return step(id, who, async (tx, t) => {
    if (!canDecide(t, who.scope)) return { ok: false, code: "not_allowed", message: "Only the source store's manager or HQ rejects a transfer." };
    if (t.status === "REJECTED") return { ok: true, changed: false, transfer: t };
    if (t.status !== "PROPOSED") return wrongState(t, "rejected");
    return record(tx, t, "REJECTED", who.actor, { status: "REJECTED", rejectReason: reason }, { reason });
  });
}

/** HQ overrides the store — a proposal or a rejection — with a reason that stays on the transfer. */
export function forceTransfer(id: bigint, reason: string, who: Who) {
  return step(id, who, async (tx, t) => {
    if (who.scope.kind !== "network") return { ok: false, code: "not_allowed", message: "Only HQ can force a transfer." };
    if (t.status === "APPROVED" && t.forcedBy) return { ok: true, changed: false, transfer: t };
    if (t.status !== "PROPOSED" && t.status !== "REJECTED") return wrongState(t, "forced");
    return record(tx, t, "FORCED", who.actor, { status: "APPROVED", forcedBy: who.actor, forceReason: reason }, { reason, overruled: t.rejectReason });
  });
}

/**
 * The source hands the goods over: its on hand falls by the quantity, the destination's in transit rises. Refused
 * when the source no longer has that much free — reserved and safety stock are never moved.
 */
export function shipTransfer(id: bigint, who: Who) {
  return step(id, who, async (tx, t) => {
    if (!canDecide(t, who.scope)) return { ok: false, code: "not_allowed", message: "The source store or HQ ships a transfer." };
    if (t.status === "IN_TRANSIT") return { ok: true, changed: false, transfer: t };
    if (t.status !== "APPROVED") return wrongState(t, "shipped");
    await declareMovement(tx, { type: "TRANSFER_OUT", actor: who.actor, reason: "transfer shipped", reference: `transfer:${t.id}` });
    // Rows in (location, SKU) order, like every other lock taker.
    const [a, b] = [t.fromLocationId, t.toLocationId].sort((x, y) => x - y);
    await tx.$executeRaw`INSERT INTO stock_level (location_id, sku_id) VALUES (${t.toLocationId}, ${t.skuId}) ON CONFLICT DO NOTHING`;
    await tx.$queryRaw`SELECT 1 FROM stock_level WHERE sku_id = ${t.skuId} AND location_id IN (${a}, ${b}) ORDER BY location_id FOR UPDATE`;
    const out = await tx.$executeRaw`
      UPDATE stock_level SET on_hand = on_hand - ${t.quantity}
      WHERE location_id = ${t.fromLocationId} AND sku_id = ${t.skuId} AND on_hand - reserved - safety_stock >= ${t.quantity}`;
    if (out !== 1) {
      const [level] = await tx.$queryRaw<{ free: number }[]>`
        SELECT GREATEST(0, on_hand - reserved - safety_stock)::int AS free FROM stock_level WHERE location_id = ${t.fromLocationId} AND sku_id = ${t.skuId}`;
      return { ok: false, code: "short", message: `The source has ${level?.free ?? 0} units free to send, not ${t.quantity}; reserved and safety stock stay.` };
    }
    await tx.$executeRaw`UPDATE stock_level SET in_transit = in_transit + ${t.quantity} WHERE location_id = ${t.toLocationId} AND sku_id = ${t.skuId}`;
    return record(tx, t, "SHIPPED", who.actor, { status: "IN_TRANSIT" });
  });
}

/**
 * The destination counts what arrived: in transit falls by the whole quantity, on hand rises by what came. A
 * shortfall is recorded with its explanation (it left the source and did not arrive: the ledger shows both ends).
 */
export function receiveTransfer(id: bigint, received: number, note: string | null, who: Who) {
  return step(id, who, async (tx, t) => {
    const mayReceive = who.scope.kind === "network" || (who.scope.kind === "location" && who.scope.locationId === t.toLocationId);
    if (!mayReceive) return { ok: false, code: "not_allowed", message: "The destination store or HQ receives a transfer." };
    if (t.status === "RECEIVED" && t.receivedQty === received) return { ok: true, changed: false, transfer: t };
    if (t.status !== "IN_TRANSIT") return wrongState(t, "received");
    if (!Number.isInteger(received) || received < 0 || received > t.quantity) {
      return { ok: false, code: "wrong_state", message: `Received must be a whole number from 0 to ${t.quantity}, not ${received}.` };
    }
    if (received < t.quantity && !note?.trim()) {
      return { ok: false, code: "wrong_state", message: `${t.quantity - received} units short: say what happened (damaged, missing, miscounted).` };
    }
    await declareMovement(tx, {
      type: "TRANSFER_IN", actor: who.actor, reference: `transfer:${t.id}`,
      reason: received < t.quantity ? `received ${received} of ${t.quantity}: ${note}` : "transfer received",
    });
    await tx.$executeRaw`
      UPDATE stock_level SET in_transit = in_transit - ${t.quantity}, on_hand = on_hand + ${received}
      WHERE location_id = ${t.toLocationId} AND sku_id = ${t.skuId} AND in_transit >= ${t.quantity}`;
    return record(tx, t, "RECEIVED", who.actor, { status: "RECEIVED", receivedQty: received, discrepancyNote: received < t.quantity ? note : null }, { received, short: t.quantity - received, note });
  });
}

/** HQ (or the destination) closes a received transfer once any discrepancy is dealt with. */
export function closeTransfer(id: bigint, who: Who) {
  return step(id, who, async (tx, t) => {
    const may = who.scope.kind === "network" || (who.scope.kind === "location" && who.scope.locationId === t.toLocationId);
    if (!may) return { ok: false, code: "not_allowed", message: "The destination store or HQ closes a transfer." };
    if (t.status === "CLOSED") return { ok: true, changed: false, transfer: t };
    if (t.status !== "RECEIVED") return wrongState(t, "closed");
    return record(tx, t, "CLOSED", who.actor, { status: "CLOSED" });
  });
}

/** HQ withdraws a transfer that has not left yet. */
export function cancelTransfer(id: bigint, reason: string, who: Who) {
  return step(id, who, async (tx, t) => {
    if (who.scope.kind !== "network") return { ok: false, code: "not_allowed", message: "Only HQ cancels a transfer." };
    if (t.status === "CANCELLED") return { ok: true, changed: false, transfer: t };
    if (t.status !== "PROPOSED" && t.status !== "APPROVED" && t.status !== "REJECTED") return wrongState(t, "cancelled");
    return record(tx, t, "CANCELLED", who.actor, { status: "CANCELLED" }, { reason });
  });
}
