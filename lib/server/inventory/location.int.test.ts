import { beforeAll, describe, expect, it } from "vitest";
import type { DataScope } from "@/lib/auth/roles";
import { resetDatabase } from "@/tests/support/fixture";
import { NOW, seedInventoryFixture } from "@/tests/support/inventory-fixture";
import { getLocationDetail } from "./location";

let ids: Awaited<ReturnType<typeof seedInventoryFixture>>;
const HQ: DataScope = { kind: "network" };
const buckets = (d: Awaited<ReturnType<typeof getLocationDetail>>) => d!.ageProfile.map((b) => [b.key, b.units]);

beforeAll(async () => {
  await resetDatabase();
  ids = await seedInventoryFixture();
});

describe("location page data", () => {
  it("is null for an unknown code", async () => {
    expect(await getLocationDetail(HQ, "NOPE", NOW)).toBeNull();
  });

  it("sums a location's stock and ages its lots for HQ", async () => {
    const d = (await getLocationDetail(HQ, "WH", NOW))!;
    expect(d.location).toMatchObject({ code: "WH", name: "Jiaxing WAREHOUSE", type: "WAREHOUSE", region: "EAST", exclusiveBrand: null });
    expect(d.summary).toEqual({ skus: 4, onHand: 1192, reserved: 12, atp: 1175, inTransit: 0, stockOuts: 0, belowSafety: 0 });
    // A1: 100 u 120 d + 30 u 10 d; A2: 50 u 5 d; B1: 1000 u 5 d; A3: 12 u 2 d.
    expect(buckets(d)).toEqual([["0-30", 1092], ["31-60", 0], ["61-90", 0], ["90+", 100]]);
  });

  it("lists stock-outs and below-safety lines, best sellers first", async () => {
    const st = (await getLocationDetail(HQ, "ST", NOW))!;
    expect(st.summary).toMatchObject({ skus: 3, stockOuts: 1, belowSafety: 1 });
    expect(st.stockOuts).toEqual([
      { skuId: ids.skus.a1.id, code: "A1", name: "Item A1", brand: "Alpha", onHand: 3, reserved: 3, safetyStock: 1, inTransit: 0, atp: 0, shortfall: 1, sold: 4 },
    ]);
    expect(st.belowSafety.map((r) => [r.code, r.shortfall, r.sold])).toEqual([["A2", 2, 9]]);
    expect(buckets(st)).toEqual([["0-30", 7], ["31-60", 0], ["61-90", 0], ["90+", 7]]);
    const dc = (await getLocationDetail(HQ, "DC", NOW))!;
    expect(dc.stockOuts.map((r) => [r.code, r.sold])).toEqual([["A2", 0]]);
    expect(buckets(dc)).toEqual([["0-30", 500], ["31-60", 20], ["61-90", 0], ["90+", 0]]);
  });

  describe("brand partner (brand A)", () => {
    const partner = () => ({ kind: "brand", brandId: ids.brands.a.id }) as DataScope;
    it("sees only their brand's stock, alerts and lots at any location", async () => {
      const wh = (await getLocationDetail(partner(), "WH", NOW))!;
      expect(wh.summary).toEqual({ skus: 3, onHand: 192, reserved: 12, atp: 175, inTransit: 0, stockOuts: 0, belowSafety: 0 });
      expect(buckets(wh)).toEqual([["0-30", 92], ["31-60", 0], ["61-90", 0], ["90+", 100]]);
      const st = (await getLocationDetail(partner(), "ST", NOW))!;
      expect(buckets(st)).toEqual([["0-30", 7], ["31-60", 0], ["61-90", 0], ["90+", 0]]); // B1's 7 aged units are not theirs
      const dc = (await getLocationDetail(partner(), "DC", NOW))!;
      expect(dc.summary.onHand).toBe(20); // not B1's 500
      expect([...dc.stockOuts, ...dc.belowSafety].every((r) => r.brand === "Alpha")).toBe(true);
    });
  });

  describe("store manager", () => {
    const store = () => ({ kind: "location", locationId: ids.locations.st.id }) as DataScope;
    it("opens their own store", async () => {
      expect((await getLocationDetail(store(), "ST", NOW))?.summary.skus).toBe(3);
    });
    it("gets nothing for another location (the page answers 404)", async () => {
      expect(await getLocationDetail(store(), "WH", NOW)).toBeNull();
    });
  });
});
