import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DataScope, SessionUser } from "@/lib/auth/roles";
import { resetDatabase, seedFixture, sell } from "@/tests/support/fixture";
import { db } from "../db";
import type { OrderInput } from "./input";
import { placeOrderIn } from "./place";
import { listOrders, orderDetail, orderLedgerTrail, storeInbox } from "./queries";

// The Orders pages' reads and actions, scoped. The server actions run with a stubbed session (the permission
// gate's authorize() returns `session.user`), so their own checks and the data layer's are what is tested.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/server/permissions", async () => {
  const { canAccess, dataScope } = await import("@/lib/auth/roles");
  class AccessDenied extends Error {
    constructor(readonly status: 401 | 403, message: string) {
      super(message);
    }
  }
  return {
    AccessDenied,
    authorize: async (section: Parameters<typeof canAccess>[1]) => {
      const user = session.user;
      if (!user) throw new AccessDenied(401, "Sign in first.");
      if (!canAccess(user.role, section)) throw new AccessDenied(403, `Your role (${user.role}) cannot use ${section}.`);
      return { user, scope: dataScope(user) };
    },
  };
});
const actions = await import("@/app/(console)/orders/actions");

// Fixture: WH, DC and the store ST. The warehouse and the DC are moved to Beijing here, so a Shanghai order for
// B1 (ST holds 5 available) ships from the store and anything ST lacks (A1) ships from the DC (code before WH).
let ids: Awaited<ReturnType<typeof seedFixture>>;
let HQ_USER: SessionUser;
let STORE_USER: SessionUser;
const HQ: DataScope = { kind: "network" };
let STORE: DataScope;
let n = 0;

beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
  await db().location.updateMany({ where: { code: { in: ["WH", "DC"] } }, data: { latitude: 39.9, longitude: 116.4 } });
  STORE = { kind: "location", locationId: ids.locations.st.id };
  HQ_USER = { id: 1, email: "hq@test.dev", name: "HQ", role: "HQ_ADMIN", locationId: null, brandId: null };
  STORE_USER = { id: 3, email: "store@test.dev", name: "Store", role: "STORE_MANAGER", locationId: ids.locations.st.id, brandId: null };
  session.user = HQ_USER;
});

const input = (over: Partial<OrderInput> = {}): OrderInput => ({
  orderNo: `O-${++n}`, destination: { city: "Shanghai", province: "Shanghai", lat: 31.2, lng: 121.4 },
  fulfilment: "SHIP", allowBackorder: false, lines: [{ sku: "B1", quantity: 2 }], ...over,
});
const place = (over: Partial<OrderInput> = {}) => db().$transaction((tx) => placeOrderIn(tx, ids.channel, input(over), "hq@test.dev"));

/** Orders of every kind a store can be involved in, or not. */
async function scenario() {
  const fromStore = await place({ lines: [{ sku: "B1", quantity: 2 }] });
  const elsewhere = await place({ lines: [{ sku: "A1", quantity: 5 }] });
  const soldByStore = await place({ lines: [{ sku: "A1", quantity: 4 }], sellingStore: "ST" });
  const pickup = await place({ fulfilment: "PICKUP", pickupStore: "ST", lines: [{ sku: "B1", quantity: 1 }] });
  const now = new Date();
  await sell({ channelId: ids.channel.id, skuId: ids.skus.b1.id, locationId: ids.locations.st.id, quantity: 1, daysAgo: 3, now });
  await sell({ channelId: ids.channel.id, skuId: ids.skus.b1.id, locationId: ids.locations.wh.id, quantity: 1, daysAgo: 3, now });
  const history = await db().order.findMany({ where: { externalRef: null }, orderBy: { id: "asc" }, include: { lines: true } });
  const historyAtStore = history.find((o) => o.lines[0].fulfillLocationId === ids.locations.st.id)!;
  const historyAtWh = history.find((o) => o.lines[0].fulfillLocationId === ids.locations.wh.id)!;
  return { fromStore, elsewhere, soldByStore, pickup, historyAtStore: String(historyAtStore.id), historyAtWh: String(historyAtWh.id) };
}

describe("order list", () => {
  it("shows HQ every order and a store only those it sold or fulfils", async () => {
    const o = await scenario();
    expect(o.fromStore.shipments.map((s) => s.location)).toEqual(["ST"]);
    expect(o.elsewhere.shipments.map((s) => s.location)).toEqual(["DC"]);
    const all = await listOrders(HQ, { page: 1 });
    expect(all.total).toBe(6);
    const mine = await listOrders(STORE, { page: 1 });
    expect(mine.rows.map((r) => r.id).sort()).toEqual([o.fromStore.id, o.soldByStore.id, o.pickup.id, o.historyAtStore].sort());
    expect(mine.total).toBe(4);
    const sold = mine.rows.find((r) => r.id === o.soldByStore.id)!;
    expect(sold).toMatchObject({ selling: "ST", shipFrom: ["DC"], units: 4, status: "RESERVED" });
    expect(await listOrders({ kind: "brand", brandId: ids.brands.a.id }, { page: 1 })).toMatchObject({ rows: [], total: 0 });
  });

  it("filters by channel, status, ship-from, order number and placed day, in SQL", async () => {
    const o = await scenario();
    await db().order.update({ where: { id: BigInt(o.historyAtStore) }, data: { status: "DELIVERED" } });
    const ids_ = async (scope: DataScope, q: Parameters<typeof listOrders>[1], w?: Parameters<typeof listOrders>[2]) =>
      (await listOrders(scope, q, w)).rows.map((r) => r.id).sort();
    expect(await ids_(HQ, { page: 1, shipFrom: "DC" })).toEqual([o.elsewhere.id, o.soldByStore.id].sort());
    expect(await ids_(STORE, { page: 1, shipFrom: "DC" })).toEqual([o.soldByStore.id]);
    expect(await ids_(HQ, { page: 1, status: "DELIVERED" })).toEqual([o.historyAtStore, o.historyAtWh].sort());
    expect(await ids_(HQ, { page: 1, q: o.pickup.orderNo! })).toEqual([o.pickup.id]);
    expect(await ids_(HQ, { page: 1, q: `#${o.historyAtWh}` })).toEqual([o.historyAtWh]);
    expect(await ids_(HQ, { page: 1, channel: "WEB" })).toHaveLength(6);
    expect(await ids_(HQ, { page: 1, channel: "NOPE" })).toEqual([]);
    const today = new Date(Date.now() - 3_600_000);
    expect(await ids_(HQ, { page: 1 }, { since: today })).toEqual([o.fromStore.id, o.elsewhere.id, o.soldByStore.id, o.pickup.id].sort());
    expect(await ids_(HQ, { page: 1 }, { before: today })).toEqual([o.historyAtStore, o.historyAtWh].sort());
  });

  it("pages newest first with a next-page flag", async () => {
    for (let i = 0; i < 3; i++) await place();
    const page1 = await listOrders(HQ, { page: 1 });
    expect(page1.rows.map((r) => r.orderNo)).toEqual([`O-${n}`, `O-${n - 1}`, `O-${n - 2}`]);
    expect(page1.hasNext).toBe(false);
    expect((await listOrders(HQ, { page: 2 })).rows).toEqual([]);
  });
});

describe("store inbox", () => {
  it("lists the store's shipments to ship, prepare and hand over", async () => {
    const o = await scenario();
    const inbox = await storeInbox(STORE);
    expect(inbox.rows.map((r) => [r.orderId, r.fulfilment, r.status, r.units])).toEqual([
      [o.fromStore.id, "SHIP", "RESERVED", 2],
      [o.pickup.id, "PICKUP", "RESERVED", 1],
    ]);
    expect(await storeInbox(HQ)).toEqual({ rows: [], total: 0 });
  });
});

describe("order page", () => {
  it("is absent for a store outside the order, present for HQ", async () => {
    const o = await scenario();
    expect(await orderDetail(STORE, BigInt(o.elsewhere.id))).toBeNull();
    expect(await orderDetail(STORE, BigInt(o.historyAtWh))).toBeNull();
    expect(await orderDetail({ kind: "brand", brandId: ids.brands.b.id }, BigInt(o.fromStore.id))).toBeNull();
    expect(await orderDetail(HQ, BigInt(o.elsewhere.id))).toMatchObject({ fulfilling: ["DC"], selling: null });
    expect(await orderDetail(HQ, 999_999n)).toBeNull();
    const history = await orderDetail(STORE, BigInt(o.historyAtStore));
    expect(history).toMatchObject({ shipments: [], historyLines: [{ sku: "B1", location: "ST", quantity: 1 }], fulfilling: ["ST"], routing: null });
  });

  it("shows attribution, the routing decision, the events and the ledger trail (a store sees its own entries)", async () => {
    const o = await scenario();
    const page = (await orderDetail(STORE, BigInt(o.soldByStore.id)))!;
    expect(page).toMatchObject({ selling: { code: "ST" }, fulfilling: ["DC"], units: 4, status: "RESERVED" });
    expect(page.routing?.strategy).toBe("DEFAULT");
    expect(page.routing?.explanation?.winnerReason).toBeTruthy();
    expect(page.events.map((e) => [e.action, e.actor])).toEqual([["PLACED", "hq@test.dev"]]);
    const hqTrail = await orderLedgerTrail(HQ, page);
    expect(hqTrail.map((r) => [r.type, r.location, r.sku, r.reservedAfter - r.reservedBefore])).toEqual([["RESERVE", "DC", "A1", 4]]);
    expect(await orderLedgerTrail(STORE, page)).toEqual([]);
    const own = (await orderDetail(STORE, BigInt(o.fromStore.id)))!;
    expect((await orderLedgerTrail(STORE, own)).map((r) => [r.type, r.location])).toEqual([["RESERVE", "ST"]]);
  });
});

describe("order actions", () => {
  it("place an order through intake once per form key, HQ only", async () => {
    const key = randomUUID();
    const request = { key, channelId: ids.channel.id, order: input() };
    const first = await actions.placeOrderAction(request);
    const again = await actions.placeOrderAction(request);
    expect(first).toMatchObject({ ok: true, data: { placed: true, replayed: false } });
    expect(again).toMatchObject({ ok: true, data: { placed: true, replayed: true } });
    if (!first.ok || !first.data.placed || !again.ok || !again.data.placed) throw new Error("not placed");
    expect(again.data.orderId).toBe(first.data.orderId);
    expect(await db().order.count({ where: { externalRef: request.order.orderNo } })).toBe(1);

    session.user = STORE_USER;
    expect(await actions.placeOrderAction({ ...request, key: randomUUID(), order: input() })).toMatchObject({ ok: false });
    session.user = { ...STORE_USER, role: "BRAND_PARTNER", locationId: null, brandId: ids.brands.a.id };
    expect(await actions.placeOrderAction({ ...request, key: randomUUID(), order: input() })).toMatchObject({ ok: false, error: expect.stringContaining("cannot use orders") });
  });

  it("answer refusals as data the form can put on its fields", async () => {
    const short = await actions.placeOrderAction({ key: randomUUID(), channelId: ids.channel.id, order: input({ lines: [{ sku: "A1", quantity: 500 }] }) });
    expect(short).toEqual({
      ok: true,
      data: { placed: false, refusal: { code: "out_of_stock", message: expect.any(String), fields: [{ field: "sku:A1", value: 500, message: "100 available of 500 requested" }] } },
    });
    const unknown = await actions.placeOrderAction({ key: randomUUID(), channelId: ids.channel.id, order: input({ lines: [{ sku: "NOPE", quantity: 1 }] }) });
    expect(unknown).toMatchObject({ ok: true, data: { placed: false, refusal: { code: "unknown_code", fields: [{ field: "lines[0].sku", value: "NOPE" }] } } });
    const first = input();
    await actions.placeOrderAction({ key: randomUUID(), channelId: ids.channel.id, order: first });
    const duplicate = await actions.placeOrderAction({ key: randomUUID(), channelId: ids.channel.id, order: first });
    expect(duplicate).toMatchObject({ ok: true, data: { placed: false, refusal: { code: "duplicate_order" } } });
  });

  it("offer pickup stores that hold everything, nearest first", async () => {
    const r = await actions.pickupStoresAction({ channelId: ids.channel.id, lat: 31.2, lng: 121.4, lines: [{ sku: "B1", quantity: 2 }] });
    expect(r).toEqual({ ok: true, data: { stores: [{ code: "ST", name: expect.any(String), city: "Shanghai", km: 0 }] } });
    expect(await actions.pickupStoresAction({ channelId: ids.channel.id, lat: 31.2, lng: 121.4, lines: [{ sku: "A1", quantity: 1 }] })).toEqual({ ok: true, data: { stores: [] } });
    expect(await actions.pickupStoresAction({ channelId: ids.channel.id, lat: 31.2, lng: 121.4, lines: [{ sku: "ZZ", quantity: 1 }] })).toEqual({ ok: true, data: { unknown: [{ index: 0, code: "ZZ" }] } });
  });

  it("let a store act on its own shipments only, and only HQ cancel", async () => {
    const o = await scenario();
    const dcShipment = o.elsewhere.shipments[0].id;
    const storeShipment = o.fromStore.shipments[0].id;
    session.user = STORE_USER;
    expect(await actions.shipAction({ shipmentId: dcShipment })).toEqual({ ok: false, error: "not_found" });
    expect(await actions.rejectAction({ shipmentId: dcShipment, reason: "no" })).toMatchObject({ ok: false });
    expect(await actions.cancelOrderAction({ orderId: o.fromStore.id, reason: "no" })).toMatchObject({ ok: false });
    expect(await db().orderShipment.findUniqueOrThrow({ where: { id: BigInt(dcShipment) } })).toMatchObject({ status: "RESERVED" });

    // The store rejects its own part: the lines go to the next location (DC), and the store sees where.
    expect(await actions.rejectAction({ shipmentId: storeShipment, reason: "window display" })).toEqual({ ok: true, data: { changed: true, reroutedTo: ["DC"], backOrdered: 0, cancelled: false } });
    const rerouted = (await orderDetail(HQ, BigInt(o.fromStore.id)))!;
    expect(rerouted.shipments.map((s) => [s.location.code, s.status])).toEqual([["ST", "REJECTED"], ["DC", "RESERVED"]]);
    expect(rerouted.events.at(-1)).toMatchObject({ action: "REJECTED", actor: "store@test.dev", location: "ST", reason: "window display", reroutedTo: ["DC"] });
    expect((await orderLedgerTrail(HQ, rerouted)).map((r) => [r.type, r.location])).toEqual([["RESERVE", "ST"], ["RELEASE", "ST"], ["RESERVE", "DC"]]);
    // It still sees the order (its rejected shipment), but no longer ships it.
    expect(await orderDetail(STORE, BigInt(o.fromStore.id))).not.toBeNull();

    // Pickup at the store: ready, then picked up; on hand drops.
    const pickupShipment = o.pickup.shipments[0].id;
    expect(await actions.pickedUpAction({ shipmentId: pickupShipment })).toMatchObject({ ok: false });
    expect(await actions.readyAction({ shipmentId: pickupShipment })).toEqual({ ok: true, data: { changed: true } });
    expect(await actions.pickedUpAction({ shipmentId: pickupShipment })).toEqual({ ok: true, data: { changed: true } });
    expect((await db().stockLevel.findUniqueOrThrow({ where: { locationId_skuId: { locationId: ids.locations.st.id, skuId: ids.skus.b1.id } } })).onHand).toBe(6);

    session.user = HQ_USER;
    expect(await actions.shipAction({ shipmentId: dcShipment })).toEqual({ ok: true, data: { changed: true } });
    expect(await actions.cancelOrderAction({ orderId: o.soldByStore.id, reason: "customer changed mind" })).toEqual({ ok: true, data: { changed: true } });
    expect((await orderDetail(HQ, BigInt(o.soldByStore.id)))!.status).toBe("CANCELLED");
  });
});
