import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { db } from "../db";
import { verifyLedger } from "../stock/ledger-verify";
import {
  approveTransfer, cancelTransfer, closeTransfer, forceTransfer, proposeTransfers, receiveTransfer, rejectTransfer, shipTransfer,
} from "./workflow";

// Fixture: B1 at WH 1000 on hand (free 1000), DC 500/100 reserved, ST 7 on hand (safety 2). A1 at ST: 3/3 reserved.
let ids: Awaited<ReturnType<typeof seedFixture>>;
beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
});

const HQ = { actor: "hq@test", scope: { kind: "network" as const } };
const store = (locationId: number, actor = "store@test") => ({ actor, scope: { kind: "location" as const, locationId } });
const level = (locationId: number, skuId: number) =>
  db().stockLevel.findUniqueOrThrow({ where: { locationId_skuId: { locationId, skuId } }, select: { onHand: true, reserved: true, inTransit: true } });

describe("transfer workflow", () => {
  it("goes proposed → approved by the source store → in transit → partly received with the shortfall explained → closed", async () => {
    const { dc, st } = ids.locations;
    const b1 = ids.skus.b1.id;
    const [id] = await proposeTransfers([{ skuId: b1, fromLocationId: dc.id, toLocationId: st.id, quantity: 20, origin: "MANUAL" }], "hq@test");

    expect(await approveTransfer(id, store(st.id))).toMatchObject({ ok: false, code: "not_allowed" }); // the destination cannot
    expect(await approveTransfer(id, store(dc.id, "dc@test"))).toMatchObject({ ok: true, changed: true });
    expect(await approveTransfer(id, store(dc.id, "dc@test"))).toMatchObject({ ok: true, changed: false });

    expect(await shipTransfer(id, store(dc.id, "dc@test"))).toMatchObject({ ok: true, changed: true });
    expect(await shipTransfer(id, store(dc.id, "dc@test"))).toMatchObject({ ok: true, changed: false }); // a retry moves nothing
    expect(await level(dc.id, b1)).toEqual({ onHand: 480, reserved: 100, inTransit: 0 });
    expect(await level(st.id, b1)).toEqual({ onHand: 7, reserved: 0, inTransit: 20 });

    expect(await receiveTransfer(id, 18, null, store(st.id))).toMatchObject({ ok: false, message: "2 units short: say what happened (damaged, missing, miscounted)." });
    expect(await receiveTransfer(id, 18, "2 pairs water-damaged", store(st.id))).toMatchObject({ ok: true, changed: true, transfer: { receivedQty: 18, discrepancyNote: "2 pairs water-damaged" } });
    expect(await level(st.id, b1)).toEqual({ onHand: 25, reserved: 0, inTransit: 0 });
    expect(await closeTransfer(id, store(st.id))).toMatchObject({ ok: true, transfer: { status: "CLOSED" } });

    const events = await db().transferEvent.findMany({ where: { transferId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ["PROPOSED", "hq@test"], ["APPROVED", "dc@test"], ["SHIPPED", "dc@test"], ["RECEIVED", "store@test"], ["CLOSED", "store@test"],
    ]);
    const ledger = await db().stockLedger.findMany({ where: { reference: `transfer:${id}` }, orderBy: { id: "asc" } });
    expect(ledger.map((e) => [e.type, e.locationId, e.onHandBefore, e.onHandAfter, e.inTransitBefore, e.inTransitAfter])).toEqual([
      ["TRANSFER_OUT", dc.id, 500, 480, 0, 0],
      ["TRANSFER_OUT", st.id, 7, 7, 0, 20],
      ["TRANSFER_IN", st.id, 7, 25, 20, 0],
    ]);
    expect(await verifyLedger()).toMatchObject({ ok: true, problems: [] });
  });

  it("lets HQ force a transfer the store rejected, keeping both reasons", async () => {
    const { wh, st } = ids.locations;
    const [id] = await proposeTransfers([{ skuId: ids.skus.b1.id, fromLocationId: st.id, toLocationId: wh.id, quantity: 2, origin: "SUGGESTED", reason: { codes: ["SOURCE_OVERSTOCKED"] } }], "engine");
    expect(await rejectTransfer(id, "best seller in the window", store(st.id))).toMatchObject({ ok: true, transfer: { status: "REJECTED" } });
    expect(await forceTransfer(id, "online orders waiting", store(st.id))).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await forceTransfer(id, "online orders waiting", HQ)).toMatchObject({
      ok: true, transfer: { status: "APPROVED", forcedBy: "hq@test", forceReason: "online orders waiting", rejectReason: "best seller in the window" },
    });
  });

  it("never ships reserved or safety stock", async () => {
    const { dc, st } = ids.locations;
    // ST holds 7 B1 with safety 2: 5 are free.
    const [id] = await proposeTransfers([{ skuId: ids.skus.b1.id, fromLocationId: st.id, toLocationId: dc.id, quantity: 6, origin: "MANUAL" }], "hq@test");
    await forceTransfer(id, "test", HQ);
    expect(await shipTransfer(id, HQ)).toMatchObject({ ok: false, code: "short", message: "The source has 5 units free to send, not 6; reserved and safety stock stay." });
    expect(await level(st.id, ids.skus.b1.id)).toEqual({ onHand: 7, reserved: 0, inTransit: 0 });
    expect(await cancelTransfer(id, "too many", HQ)).toMatchObject({ ok: true, transfer: { status: "CANCELLED" } });
  });

  it("keeps a store manager out of other stores' transfers and a brand partner read-only", async () => {
    const { wh, dc, st } = ids.locations;
    const [id] = await proposeTransfers([{ skuId: ids.skus.b1.id, fromLocationId: wh.id, toLocationId: dc.id, quantity: 5, origin: "MANUAL" }], "hq@test");
    expect(await approveTransfer(id, store(st.id))).toMatchObject({ ok: false, code: "not_found" });
    expect(await approveTransfer(id, { actor: "partner@test", scope: { kind: "brand", brandId: ids.brands.b.id } })).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await approveTransfer(id, { actor: "partner@test", scope: { kind: "brand", brandId: ids.brands.a.id } })).toMatchObject({ ok: false, code: "not_found" });
  });
});
