import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { listTransfers, regionFlows, storeTransferInbox, transferDetail, transferLedger, transfersAwaiting } from "./queries";
import { approveTransfer, proposeTransfers, receiveTransfer, shipTransfer } from "./workflow";

// Fixture: WH (EAST), DC (NORTH), ST (EAST); brand A owns A1, A2, brand B owns B1.
let ids: Awaited<ReturnType<typeof seedFixture>>;
beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
});

const HQ = { kind: "network" as const };
const all = { page: 1 };

describe("transfer queries", () => {
  it("scope the list, the detail, the inbox and the ledger to a store, a brand or the network", async () => {
    const { wh, dc, st } = ids.locations;
    const { a1, b1 } = ids.skus;
    const [outOfStore, intoStore, elsewhere] = await proposeTransfers(
      [
        { skuId: b1.id, fromLocationId: st.id, toLocationId: dc.id, quantity: 3, origin: "MANUAL" },
        { skuId: a1.id, fromLocationId: wh.id, toLocationId: st.id, quantity: 4, origin: "SUGGESTED", reason: { reason: { codes: ["DESTINATION_STOCKED_OUT"] } } },
        { skuId: b1.id, fromLocationId: wh.id, toLocationId: dc.id, quantity: 9, origin: "MANUAL" },
      ],
      "hq@test",
    );
    const store = { kind: "location" as const, locationId: st.id };
    const otherStore = { kind: "location" as const, locationId: dc.id };
    const brandA = { kind: "brand" as const, brandId: ids.brands.a.id };

    expect((await listTransfers(HQ, all)).rows.map((r) => r.id)).toEqual([elsewhere, intoStore, outOfStore].map(String));
    expect((await listTransfers(store, all)).rows.map((r) => r.id)).toEqual([intoStore, outOfStore].map(String));
    expect((await listTransfers(brandA, all)).rows.map((r) => r.id)).toEqual([String(intoStore)]);
    expect((await listTransfers(store, all)).total).toBe(2);

    expect(await transferDetail(store, elsewhere)).toBeNull();
    expect(await transferDetail(brandA, outOfStore)).toBeNull();
    expect(await transferDetail(store, 999_999n)).toBeNull();
    expect(await transferDetail(brandA, intoStore)).toMatchObject({ id: String(intoStore), sku: "A1", from: "WH", to: "ST", origin: "SUGGESTED", events: [{ action: "PROPOSED", actor: "hq@test" }] });
    expect(await transferDetail(otherStore, outOfStore)).toMatchObject({ from: "ST", to: "DC", fromRegion: "EAST", toRegion: "NORTH" });

    // The store's inbox: decide what leaves it; nothing of what arrives until it ships.
    expect((await storeTransferInbox(store))!.approve.map((r) => r.id)).toEqual([String(outOfStore)]);
    expect(await storeTransferInbox(HQ)).toBeNull();
    expect(await transfersAwaiting(store)).toBe(1);
    expect(await transfersAwaiting(brandA)).toBe(0);

    // Ship WH → ST: the store now has it to receive; the ledger shows each party only its own end.
    const hq = { actor: "hq@test", scope: HQ };
    await approveTransfer(intoStore, hq);
    await shipTransfer(intoStore, hq);
    expect((await storeTransferInbox(store))!.receive.map((r) => r.id)).toEqual([String(intoStore)]);
    expect(await transfersAwaiting(store)).toBe(2);
    await receiveTransfer(intoStore, 3, "one box crushed", { actor: "store@test", scope: store });
    expect(await transferDetail(store, intoStore)).toMatchObject({ status: "RECEIVED", receivedQty: 3, discrepancyNote: "one box crushed", events: [{}, {}, {}, { action: "RECEIVED", received: 3, short: 1, note: "one box crushed" }] });
    expect((await transferLedger(HQ, { id: String(intoStore) })).map((l) => [l.type, l.location])).toEqual([["TRANSFER_OUT", "WH"], ["TRANSFER_OUT", "ST"], ["TRANSFER_IN", "ST"]]);
    expect((await transferLedger(store, { id: String(intoStore) })).map((l) => [l.type, l.location, l.inTransitBefore, l.inTransitAfter, l.onHandAfter - l.onHandBefore])).toEqual([
      ["TRANSFER_OUT", "ST", 0, 4, 0], ["TRANSFER_IN", "ST", 4, 0, 3],
    ]);
  });

  it("filters in SQL and sums open units between regions", async () => {
    const { wh, dc, st } = ids.locations;
    const { a1, b1 } = ids.skus;
    await proposeTransfers(
      [
        { skuId: b1.id, fromLocationId: st.id, toLocationId: dc.id, quantity: 3, origin: "MANUAL" },
        { skuId: a1.id, fromLocationId: wh.id, toLocationId: st.id, quantity: 4, origin: "SUGGESTED" },
        { skuId: b1.id, fromLocationId: wh.id, toLocationId: dc.id, quantity: 9, origin: "MANUAL" },
      ],
      "hq@test",
    );
    expect((await listTransfers(HQ, { page: 1, from: "WH" })).rows.map((r) => r.to)).toEqual(["DC", "ST"]);
    expect((await listTransfers(HQ, { page: 1, to: "DC", sku: "b1" })).total).toBe(2);
    expect((await listTransfers(HQ, { page: 1, origin: "SUGGESTED" })).rows.map((r) => r.sku)).toEqual(["A1"]);
    expect((await listTransfers(HQ, { page: 1, status: "APPROVED" })).total).toBe(0);
    expect((await listTransfers(HQ, { page: 2 })).rows).toEqual([]);

    expect(await regionFlows(HQ)).toEqual([
      { fromRegion: "EAST", toRegion: "EAST", units: 4, transfers: 1 },
      { fromRegion: "EAST", toRegion: "NORTH", units: 12, transfers: 2 },
    ]);
    expect(await regionFlows({ kind: "brand", brandId: ids.brands.a.id })).toEqual([{ fromRegion: "EAST", toRegion: "EAST", units: 4, transfers: 1 }]);
  });
});
