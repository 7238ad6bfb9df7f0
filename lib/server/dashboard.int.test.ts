import { beforeAll, describe, expect, it } from "vitest";
import { isBelowSafety, isStockOut, locationAtp } from "@/lib/inventory/stock";
import { resetDatabase, seedFixture, sell } from "@/tests/support/fixture";
import type { DataScope } from "@/lib/auth/roles";
import { getDashboard } from "./dashboard";
import { db } from "./db";

const now = new Date("2026-11-20T12:00:00Z");
let ids: Awaited<ReturnType<typeof seedFixture>>;

beforeAll(async () => {
  await resetDatabase();
  ids = await seedFixture();
  const { wh, dc, st } = ids.locations;
  const { a1, a2, b1 } = ids.skus;
  const channelId = ids.channel.id;
  await sell({ channelId, skuId: a1.id, locationId: wh.id, quantity: 28, daysAgo: 10, now });
  await sell({ channelId, skuId: a2.id, locationId: st.id, quantity: 28, daysAgo: 3, now });
  await sell({ channelId, skuId: b1.id, locationId: dc.id, quantity: 56, daysAgo: 5, now });
  await sell({ channelId, skuId: a2.id, locationId: wh.id, quantity: 100, daysAgo: 40, now }); // outside 28 days
});

describe("dashboard totals (numbers worked out by hand from the fixture)", () => {
  it("covers the whole network for HQ", async () => {
    const d = await getDashboard({ kind: "network" }, now);
    expect(d.totals).toEqual({ onHand: 1684, reserved: 114, atp: 1555, stockOuts: 2, belowSafety: 1 });
    expect(d.byType.map((g) => [g.key, g.onHand, g.reserved, g.atp])).toEqual([
      ["WAREHOUSE", 1150, 10, 1135],
      ["DC", 520, 100, 415],
      ["STORE", 14, 4, 5],
    ]);
    expect(d.byRegion.map((g) => [g.key, g.onHand])).toEqual([["EAST", 1164], ["NORTH", 520]]);
  });

  it("counts only the partner's brand, in totals and breakdowns", async () => {
    const d = await getDashboard({ kind: "brand", brandId: ids.brands.a.id }, now);
    expect(d.totals).toEqual({ onHand: 177, reserved: 14, atp: 150, stockOuts: 2, belowSafety: 1 });
    expect(d.byRegion.map((g) => [g.key, g.onHand])).toEqual([["EAST", 157], ["NORTH", 20]]);
    expect(d.byType.reduce((s, g) => s + g.onHand, 0)).toBe(177);
  });

  it("covers only the store for its manager", async () => {
    const d = await getDashboard({ kind: "location", locationId: ids.locations.st.id }, now);
    expect(d.totals).toEqual({ onHand: 14, reserved: 4, atp: 5, stockOuts: 1, belowSafety: 1 });
    expect(d.byType.map((g) => g.key)).toEqual(["STORE"]);
  });
});

describe("SKUs at risk", () => {
  it("ranks selling SKUs by days of cover, ignoring sales older than 28 days", async () => {
    const d = await getDashboard({ kind: "network" }, now);
    expect(d.atRisk.map((r) => [r.code, r.poolAtp, r.perDay, r.daysOfCover])).toEqual([
      ["A2", 50, 1, 50],
      ["A1", 100, 1, 100],
      ["B1", 1405, 2, 702.5],
    ]);
  });
  it("never lists another brand's SKU to a brand partner", async () => {
    const d = await getDashboard({ kind: "brand", brandId: ids.brands.a.id }, now);
    expect(d.atRisk.map((r) => r.code)).toEqual(["A2", "A1"]);
    expect(d.atRisk.every((r) => r.brand === "Alpha")).toBe(true);
  });
  it("uses the store's own sales and stock for its manager", async () => {
    const d = await getDashboard({ kind: "location", locationId: ids.locations.st.id }, now);
    expect(d.atRisk.map((r) => [r.code, r.poolAtp, r.perDay, r.daysOfCover, r.stockOutLocations])).toEqual([["A2", 0, 1, 0, 0]]);
  });
});

describe("SQL formulas agree with lib/inventory", () => {
  it.each<[string, (row: { locationId: number; brandId: number }) => boolean, () => DataScope]>([
    ["network", () => true, () => ({ kind: "network" })],
    ["brand B", (r) => r.brandId === ids.brands.b.id, () => ({ kind: "brand", brandId: ids.brands.b.id })],
    ["store", (r) => r.locationId === ids.locations.st.id, () => ({ kind: "location", locationId: ids.locations.st.id })],
  ])("for %s", async (_name, inScope, scope) => {
    const rows = (await db().stockLevel.findMany({ include: { sku: true } }))
      .map((r) => ({ ...r, brandId: r.sku.brandId }))
      .filter(inScope);
    const d = await getDashboard(scope(), now);
    expect(d.totals).toEqual({
      onHand: rows.reduce((s, r) => s + r.onHand, 0),
      reserved: rows.reduce((s, r) => s + r.reserved, 0),
      atp: rows.reduce((s, r) => s + locationAtp(r), 0),
      stockOuts: rows.filter(isStockOut).length,
      belowSafety: rows.filter(isBelowSafety).length,
    });
  });
});

describe("inventory age", () => {
  it("buckets remaining lot units by days since receipt, per scope", async () => {
    const { wh } = ids.locations;
    // The fixture's lots were received just now; date WH/B1's 1000 units back 100 days, WH/A1's 100 units 45 days.
    await db().$executeRaw`UPDATE stock_lot SET received_at = ${new Date(now.getTime() - 100 * 86_400_000)}
      WHERE location_id = ${wh.id} AND sku_id = ${ids.skus.b1.id}`;
    await db().$executeRaw`UPDATE stock_lot SET received_at = ${new Date(now.getTime() - 45 * 86_400_000)}
      WHERE location_id = ${wh.id} AND sku_id = ${ids.skus.a1.id}`;
    const units = async (scope: DataScope) => (await getDashboard(scope, now)).age.map((b) => [b.key, b.units]);
    expect(await units({ kind: "network" })).toEqual([["0-30", 584], ["31-60", 100], ["61-90", 0], ["90+", 1000]]);
    expect(await units({ kind: "brand", brandId: ids.brands.a.id })).toEqual([["0-30", 77], ["31-60", 100], ["61-90", 0], ["90+", 0]]);
    expect(await units({ kind: "location", locationId: ids.locations.st.id })).toEqual([["0-30", 14], ["31-60", 0], ["61-90", 0], ["90+", 0]]);
  });
});
