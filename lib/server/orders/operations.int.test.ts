import { describe, expect, it } from "vitest";
import { orderFixture } from "@/tests/support/orders";
import { createLock } from "../channels/locks";
import { db } from "../db";
import { verifyLedger } from "../stock/ledger-verify";
import { cancelOrder, markPickedUp, markReady, rejectShipment, shipShipment } from "./operations";

// Fixture ATP: A1 — WH 85, DC 15, ST 0; B1 — WH 1000, DC 400, ST 5. All three locations sit at one point.
const { state, place } = orderFixture("O", { lines: [{ sku: "B1", quantity: 3 }] });
const HQ = { kind: "network" } as const;
const level = (locationId: number, skuId: number) =>
  db().stockLevel.findUniqueOrThrow({ where: { locationId_skuId: { locationId, skuId } }, select: { onHand: true, reserved: true } });

describe("order operations", () => {
  it("ships a shipment once: reserved units leave on hand", async () => {
    const order = await place();
    const [s] = order.shipments;
    expect(s.location).toBe("DC"); // all rules tie in the fixture; the code decides
    expect(await shipShipment(BigInt(s.id), "dc@test", HQ)).toEqual({ ok: true, changed: true });
    expect(await shipShipment(BigInt(s.id), "dc@test", HQ)).toEqual({ ok: true, changed: false });
    expect(await level(state.ids.locations.dc.id, state.ids.skus.b1.id)).toEqual({ onHand: 497, reserved: 100 });
    expect((await db().order.findUniqueOrThrow({ where: { id: BigInt(order.id) } })).status).toBe("SHIPPED");
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("re-routes a store's rejected part elsewhere, excluding that store, and records who and why", async () => {
    const order = await place({ lines: [{ sku: "B1", quantity: 3 }] });
    const first = order.shipments[0];
    const result = await rejectShipment(BigInt(first.id), "keeping it for the window display", "store@test", HQ);
    expect(result).toEqual({ ok: true, changed: true });
    const after = await db().orderShipment.findMany({ where: { orderId: BigInt(order.id) }, orderBy: { id: "asc" } });
    expect(after.map((s) => s.status)).toEqual(["REJECTED", "RESERVED"]);
    expect(after[1].locationId).not.toBe(after[0].locationId);
    expect(after[0].rejectedReason).toBe("keeping it for the window display");
    expect((await level(after[0].locationId, state.ids.skus.b1.id)).reserved).toBe(after[0].locationId === state.ids.locations.dc.id ? 100 : 0);
    const events = await db().orderEvent.findMany({ where: { orderId: BigInt(order.id) }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actor])).toEqual([["PLACED", "t"], ["REJECTED", "store@test"]]);
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("back-orders what no other location can fill after a rejection", async () => {
    const order = await place({ lines: [{ sku: "A1", quantity: 80 }] });
    expect(order.shipments.map((s) => s.location)).toEqual(["WH"]); // only WH holds 80
    await rejectShipment(BigInt(order.shipments[0].id), "damaged", "wh@test", HQ);
    const saved = await db().order.findUniqueOrThrow({ where: { id: BigInt(order.id) }, include: { lines: true, shipments: true } });
    expect(saved.status).toBe("BACKORDERED");
    const waiting = saved.lines.filter((l) => l.shipmentId === null).reduce((sum, l) => sum + l.quantity, 0);
    const shipped = saved.lines.filter((l) => l.shipmentId !== null).reduce((sum, l) => sum + l.quantity, 0);
    expect([shipped, waiting]).toEqual([15, 65]); // DC had 15
  });

  it("lets a store manager act only on their own store's shipments", async () => {
    const order = await place();
    const dc = BigInt(order.shipments[0].id);
    const store = { kind: "location" as const, locationId: state.ids.locations.st.id };
    expect(await shipShipment(dc, "store@test", store)).toMatchObject({ ok: false, code: "not_found" });
    expect(await rejectShipment(dc, "no", "store@test", store)).toMatchObject({ ok: false, code: "not_found" });
    expect(await cancelOrder(BigInt(order.id), "no", "store@test", store)).toMatchObject({ ok: false });
    expect((await level(state.ids.locations.dc.id, state.ids.skus.b1.id)).reserved).toBe(103);
  });

  it("cancels: reservations released and the channel's ring-fence consumption given back", async () => {
    const now = new Date();
    const created = await createLock({
      channelId: state.ids.channel.id, name: "web fence", kind: "RING_FENCE", scope: { kind: "SKU", skuId: state.ids.skus.b1.id },
      amount: { unit: "UNITS", value: 50 }, startsAt: new Date(now.getTime() - 60_000), endsAt: new Date(now.getTime() + 3_600_000), timeZone: "UTC",
    }, "hq", now);
    if (!created.ok) throw new Error("lock refused");
    const order = await place({ lines: [{ sku: "B1", quantity: 4 }] });
    const usage = () => db().channelLockSku.findFirstOrThrow({ where: { lockId: created.lock.id } });
    expect((await usage()).consumed).toBe(4);
    expect(await cancelOrder(BigInt(order.id), "customer changed mind", "hq@test", HQ)).toEqual({ ok: true, changed: true });
    expect((await usage()).consumed).toBe(0);
    expect(await level(state.ids.locations.dc.id, state.ids.skus.b1.id)).toEqual({ onHand: 500, reserved: 100 });
    expect(await cancelOrder(BigInt(order.id), "again", "hq@test", HQ)).toEqual({ ok: true, changed: false });
  });

  it("hands over a pickup order at the chosen store: ready, then picked up", async () => {
    const order = await place({ fulfilment: "PICKUP", pickupStore: "ST", lines: [{ sku: "B1", quantity: 2 }] });
    expect(order.shipments.map((s) => [s.location, s.costCents])).toEqual([["ST", 0]]);
    const id = BigInt(order.shipments[0].id);
    const store = { kind: "location" as const, locationId: state.ids.locations.st.id };
    expect(await markPickedUp(id, "store@test", store)).toMatchObject({ ok: false, code: "wrong_state" });
    expect(await markReady(id, "store@test", store)).toEqual({ ok: true, changed: true });
    expect(await markPickedUp(id, "store@test", store)).toEqual({ ok: true, changed: true });
    expect((await db().order.findUniqueOrThrow({ where: { id: BigInt(order.id) } })).status).toBe("PICKED_UP");
    expect(await level(state.ids.locations.st.id, state.ids.skus.b1.id)).toEqual({ onHand: 5, reserved: 0 });
  });
});
