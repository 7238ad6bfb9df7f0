import { beforeAll, describe, expect, it } from "vitest";
import type { DataScope } from "@/lib/auth/roles";
import { db } from "@/lib/server/db";
import { declareMovement } from "@/lib/server/stock/movement";
import { resetDatabase, seedFixture, sell } from "@/tests/support/fixture";
import { exportReplenishment, getReplenishment, resolveReplenishmentLocation } from "./data";
import { DEFAULT_REPLENISHMENT_QUERY, type ReplenishmentQuery } from "./query";

// The fixture of tests/support/fixture.ts: store ST (lead time 3, review 7, z 1.65) holds
//   A1 3 on hand / 3 reserved / safety 1 (+ 4 in transit, set below), A2 4 / 1 / 5, B1 7 / 0 / 2.
// Sales at ST: A2 2 units a day for the 28 days before as-of (plus one sale older than the window and one after
// as-of, both ignored); B1 10 units once, half a day ago; A1 none. The warehouse sells 50 A2 a day: never ST's demand.
const AS_OF = new Date("2026-03-01T12:00:00.000Z");
const HQ: DataScope = { kind: "network" };
let fx: Awaited<ReturnType<typeof seedFixture>>;
let store: DataScope;

const q = (change: Partial<ReplenishmentQuery> = {}): ReplenishmentQuery => ({ ...DEFAULT_REPLENISHMENT_QUERY, ...change });

describe("replenishment data (hand-made sales at one store)", () => {
  beforeAll(async () => {
    await resetDatabase();
    fx = await seedFixture();
    store = { kind: "location", locationId: fx.locations.st.id };
    const { st, wh } = fx.locations;
    const base = { channelId: fx.channel.id, now: AS_OF };
    for (let i = 0; i < 28; i++) {
      await sell({ ...base, skuId: fx.skus.a2.id, locationId: st.id, quantity: 2, daysAgo: i + 0.5 });
      await sell({ ...base, skuId: fx.skus.a2.id, locationId: wh.id, quantity: 50, daysAgo: i + 0.5 });
    }
    await sell({ ...base, skuId: fx.skus.a2.id, locationId: st.id, quantity: 99, daysAgo: 28.5 });
    await sell({ ...base, skuId: fx.skus.a2.id, locationId: st.id, quantity: 99, daysAgo: -0.1 });
    await sell({ ...base, skuId: fx.skus.b1.id, locationId: st.id, quantity: 10, daysAgo: 0.5 });
    await db().$transaction(async (tx) => {
      await declareMovement(tx, { type: "TRANSFER_IN", actor: "test" });
      await tx.stockLevel.update({ where: { locationId_skuId: { locationId: st.id, skuId: fx.skus.a1.id } }, data: { inTransit: 4 } });
    });
  });

  it("works out a steady seller by hand: d = 2/day, σ = 0", async () => {
    const view = await getReplenishment(HQ, q({ location: "ST" }), AS_OF);
    const a2 = view!.rows.find((r) => r.skuCode === "A2")!;
    // position = 4 + 0 (in transit) + 0 (on order) − 1 = 3; ROP = ⌈2 × 3 + 0⌉ + 5 = 11; target = ⌈2 × 10⌉ + 5 = 25.
    expect(a2).toMatchObject({ onHand: 4, reserved: 1, inTransit: 0, onOrder: 0, safetyStockLevel: 5, leadTimeDays: 3, reviewDays: 7, position: 3, reorderPoint: 11, targetLevel: 25, quantity: 22 });
    expect(a2.demandPerDay).toBeCloseTo(2, 9);
    expect(a2.demandStdDev).toBeCloseTo(0, 9);
    expect(a2.coverDays).toBeCloseTo(1.5, 9);
  });

  it("works out a single sale with the weighted mean and deviation, and counts in-transit goods as incoming", async () => {
    const view = (await getReplenishment(HQ, q({ location: "ST" }), AS_OF))!;
    const w = Array.from({ length: 28 }, (_, i) => 2 ** (-i / 7));
    const sw = w.reduce((s, x) => s + x, 0);
    const mean = (10 * w[0]) / sw;
    const sigma = Math.sqrt((w[0] * (10 - mean) ** 2 + w.slice(1).reduce((s, x) => s + x * mean ** 2, 0)) / sw);
    const b1 = view.rows.find((r) => r.skuCode === "B1")!;
    expect(b1.demandPerDay).toBeCloseTo(mean, 9);
    expect(b1.demandStdDev).toBeCloseTo(sigma, 9);
    const rop = Math.ceil(mean * 3 + 1.65 * sigma * Math.sqrt(3)) + 2;
    const target = Math.ceil(mean * 10 + 1.65 * sigma * Math.sqrt(3)) + 2;
    expect(b1).toMatchObject({ position: 7, reorderPoint: rop, targetLevel: target, quantity: 7 < rop ? target - 7 : 0 });
    // By hand: Σw ≈ 9.944, d = 10 / Σw ≈ 1.006, σ ≈ 3.007, safety = 1.65 × σ × √3 ≈ 8.59: ⌈3.02 + 8.59⌉ + 2 = 14.
    expect(rop).toBe(14);
    expect(target).toBe(Math.ceil(10.056 + 8.595) + 2);
    // A1: no sales; position = 3 + 4 in transit − 3 reserved = 4 ≥ ROP = the stock level's safety stock 1.
    const a1 = view.rows.find((r) => r.skuCode === "A1")!;
    expect(a1).toMatchObject({ position: 4, demandPerDay: 0, reorderPoint: 1, targetLevel: 1, quantity: 0, coverDays: null });
    // Default order: quantity to order, largest first; then the lines with nothing to order.
    expect(view.rows.map((r) => r.skuCode)).toEqual(["A2", "B1", "A1"]);
    expect(view.summary).toEqual({ skus: 3, needing: 2, units: 22 + (target - 7) });
    expect(view.top.map((r) => r.skuCode)).toEqual(["A2", "B1"]);
  });

  it("gives a store manager their store only: another location is refused, everywhere", async () => {
    expect((await resolveReplenishmentLocation(store, undefined))?.code).toBe("ST");
    expect(await resolveReplenishmentLocation(store, "WH")).toBeNull();
    expect(await resolveReplenishmentLocation(store, "NOPE")).toBeNull();
    expect(await getReplenishment(store, q({ location: "WH" }), AS_OF)).toBeNull();
    expect(await exportReplenishment(store, q({ location: "DC" }), AS_OF)).toBeNull();
    const own = (await getReplenishment(store, q(), AS_OF))!;
    expect(own.location.code).toBe("ST");
    expect(own.rows.every((r) => r.locationId === fx.locations.st.id)).toBe(true);
    // The same numbers HQ sees for the store.
    const hq = (await getReplenishment(HQ, q({ location: "ST" }), AS_OF))!;
    expect(own.rows).toEqual(hq.rows);
    const file = (await exportReplenishment(store, q(), AS_OF))!;
    expect(file.location.code).toBe("ST");
    expect(file.lines.map((l) => l.skuCode)).toEqual(["A2", "B1", "A1"]);
  });

  it("uses the warehouse's own sales and policy, defaults HQ to the first warehouse", async () => {
    const view = (await getReplenishment(HQ, q(), AS_OF))!;
    expect(view.location.code).toBe("WH");
    expect(view.policy.leadTimeDays).toBe(21);
    const a2 = view.rows.find((r) => r.skuCode === "A2")!;
    // d = 50, σ = 0: ROP = 50 × 21 = 1050, target = 50 × 35 = 1750; position 50 → 1700.
    expect(a2).toMatchObject({ position: 50, reorderPoint: 1050, targetLevel: 1750, quantity: 1700 });
    expect(await getReplenishment(HQ, q({ location: "NOPE" }), AS_OF)).toBeNull();
  });

  it("filters, sorts and pages on the server", async () => {
    const codes = async (change: Partial<ReplenishmentQuery>, pageSize?: number) => (await getReplenishment(HQ, q({ location: "ST", ...change }), AS_OF, pageSize))!.rows.map((r) => r.skuCode);
    expect(await codes({ needs: true })).toEqual(["A2", "B1"]);
    expect(await codes({ brand: "B" })).toEqual(["B1"]);
    expect(await codes({ q: "item a" })).toEqual(["A2", "A1"]);
    expect(await codes({ category: "Bags" })).toEqual([]);
    expect(await codes({ sort: "sku", dir: "asc" })).toEqual(["A1", "A2", "B1"]);
    // Cover: A2 1.5 days, B1 7 / 1.01 ≈ 6.9 days; A1 sells nothing, so it has no cover and comes last.
    expect(await codes({ sort: "cover", dir: "asc" })).toEqual(["A2", "B1", "A1"]);
    expect(await codes({ sort: "cover", dir: "desc" })).toEqual(["B1", "A2", "A1"]);
    const page2 = (await getReplenishment(HQ, q({ location: "ST", sort: "sku", dir: "asc", page: 2 }), AS_OF, 2))!;
    expect(page2.rows.map((r) => r.skuCode)).toEqual(["B1"]);
    expect(page2).toMatchObject({ total: 3, hasNext: false, page: 2 });
  });
});
