import { beforeAll, describe, expect, it } from "vitest";
import type { DataScope } from "@/lib/auth/roles";
import { resetDatabase } from "@/tests/support/fixture";
import { NOW, seedInventoryFixture } from "@/tests/support/inventory-fixture";
import { getSkuDetail } from "./sku";

let ids: Awaited<ReturnType<typeof seedInventoryFixture>>;
const HQ: DataScope = { kind: "network" };

beforeAll(async () => {
  await resetDatabase();
  ids = await seedInventoryFixture();
});

describe("SKU page data", () => {
  it("is null for an unknown code", async () => {
    expect(await getSkuDetail(HQ, "NOPE", NOW)).toBeNull();
  });

  it("shows HQ the SKU at every location, its lots, reservations and ledger", async () => {
    const d = (await getSkuDetail(HQ, "A1", NOW))!;
    expect(d.sku).toMatchObject({ code: "A1", name: "Item A1", brandName: "Alpha", category: "Shoes", priceCents: 59900 });
    expect(d.view).toBe("full");
    expect(d.totals).toEqual({ onHand: 153, reserved: 15, safetyStock: 11, inTransit: 0, atp: 128, locations: 3, stockOuts: 1, belowSafety: 0 });
    expect(d.poolAtp).toBe(128);
    expect(d.byLocation.map((r) => [r.code, r.onHand, r.reserved, r.atp, r.status])).toEqual([
      ["WH", 130, 12, 113, "ok"], ["DC", 20, 0, 15, "ok"], ["ST", 3, 3, 0, "out"],
    ]);
    expect(d.lots.map((l) => [l.locationCode, l.remaining, l.ageDays, l.expiresOn?.toISOString().slice(0, 10) ?? null, l.reference])).toEqual([
      ["WH", 100, 120, null, null], ["DC", 20, 45, null, null], ["WH", 30, 10, "2027-06-30", "PO-7"], ["ST", 3, 5, null, null],
    ]);
    expect(d.lotsTotal).toBe(4);
    expect(d.reservations).toEqual([
      expect.objectContaining({ reference: "ORDER-1", locationCode: "WH", quantity: 2, actor: "router@test.dev" }),
    ]);
    // Newest first: the reservation, the receipt, then the three opening entries.
    expect(d.ledger.map((e) => [e.type, e.locationCode, e.onHandBefore, e.onHandAfter, e.reservedBefore, e.reservedAfter])).toEqual([
      ["RESERVE", "WH", 130, 130, 10, 12],
      ["RECEIVE", "WH", 100, 130, 10, 10],
      ["OPENING", "ST", 0, 3, 0, 3],
      ["OPENING", "DC", 0, 20, 0, 0],
      ["OPENING", "WH", 0, 100, 0, 10],
    ]);
    expect(d.ledger[1]).toMatchObject({ actor: "receiver@test.dev", reason: "inbound delivery", reference: "PO-7" });
  });

  describe("brand partner (brand A)", () => {
    const partner = () => ({ kind: "brand", brandId: ids.brands.a.id }) as DataScope;
    it("opens their own brand's SKU", async () => {
      expect((await getSkuDetail(partner(), "A1", NOW))?.totals.onHand).toBe(153);
    });
    it("gets nothing for another brand's SKU (the page answers 404)", async () => {
      expect(await getSkuDetail(partner(), "B1", NOW)).toBeNull();
    });
  });

  describe("store manager", () => {
    const store = () => ({ kind: "location", locationId: ids.locations.st.id }) as DataScope;

    it("sees network ATP for a SKU their store carries, full figures for their store only", async () => {
      const d = (await getSkuDetail(store(), "A1", NOW))!;
      expect(d.view).toBe("network-atp");
      expect(d.ownLocationId).toBe(ids.locations.st.id);
      expect(d.poolAtp).toBe(128);
      expect(d.byLocation.map((r) => [r.code, r.atp, r.onHand, r.reserved, r.safetyStock, r.inTransit, r.status])).toEqual([
        ["WH", 113, null, null, null, null, null],
        ["DC", 15, null, null, null, null, null],
        ["ST", 0, 3, 3, 1, 0, "out"],
      ]);
      expect(d.totals).toMatchObject({ onHand: 3, reserved: 3, atp: 0, locations: 1, stockOuts: 1 });
    });

    it("sees lots, reservations and ledger entries of their store only", async () => {
      const d = (await getSkuDetail(store(), "A1", NOW))!;
      expect(d.lots.map((l) => l.locationCode)).toEqual(["ST"]);
      expect(d.reservations).toEqual([]);
      expect(d.ledger.map((e) => e.locationCode)).toEqual(["ST"]);
      const b1 = (await getSkuDetail(store(), "B1", NOW))!;
      expect(b1.reservations).toEqual([]); // ORDER-1 reserves B1 at the DC, not here
    });

    it("gets nothing for a SKU their store does not carry", async () => {
      expect(await getSkuDetail(store(), "A3", NOW)).toBeNull();
      expect((await getSkuDetail(HQ, "A3", NOW))?.byLocation.map((r) => r.code)).toEqual(["WH"]);
    });
  });
});
