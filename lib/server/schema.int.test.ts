import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { db } from "./db";
import { declareMovement } from "./stock/movement";

let ids: Awaited<ReturnType<typeof seedFixture>>;
beforeAll(async () => {
  await resetDatabase();
  ids = await seedFixture();
});

// A declared movement, so that the CHECK constraints (not the ledger trigger) are what refuses.
const update = (sql: string) =>
  db().$transaction(async (tx) => {
    await declareMovement(tx, { type: "ADJUST", actor: "schema-test" });
    return tx.$executeRawUnsafe(sql);
  });

describe("stock CHECK constraints", () => {
  it("refuses reserved above on hand", async () => {
    const { wh } = ids.locations;
    await expect(
      update(`UPDATE stock_level SET reserved = on_hand + 1 WHERE location_id = ${wh.id} AND sku_id = ${ids.skus.a1.id}`),
    ).rejects.toThrow(/stock_level_reserved_le_on_hand/);
  });
  it("refuses negative on hand and negative reserved", async () => {
    await expect(update(`UPDATE stock_level SET on_hand = -1, reserved = 0`)).rejects.toThrow(/stock_level_on_hand_nonneg/);
    await expect(update(`UPDATE stock_level SET reserved = -1`)).rejects.toThrow(/stock_level_reserved_nonneg/);
  });
  it("refuses negative safety stock and in-transit", async () => {
    await expect(update(`UPDATE stock_level SET safety_stock = -1`)).rejects.toThrow(/stock_level_safety_nonneg/);
    await expect(update(`UPDATE stock_level SET in_transit = -2`)).rejects.toThrow(/stock_level_in_transit_nonneg/);
  });
  it("left the stock unchanged after the refused updates", async () => {
    const row = await db().stockLevel.findUniqueOrThrow({
      where: { locationId_skuId: { locationId: ids.locations.wh.id, skuId: ids.skus.a1.id } },
    });
    expect(row).toMatchObject({ onHand: 100, reserved: 10, safetyStock: 5, inTransit: 0 });
  });
});

describe("ledger trigger", () => {
  it("refuses a stock change that does not declare its movement", async () => {
    await expect(db().$executeRawUnsafe(`UPDATE stock_level SET on_hand = on_hand + 1`)).rejects.toThrow(
      /without a declared movement/,
    );
  });
});

describe("role binding", () => {
  it("refuses a brand partner without a brand and a store manager without a location", async () => {
    await expect(
      db().user.create({ data: { email: "x@test.dev", name: "X", role: "BRAND_PARTNER", passwordHash: "x" } }),
    ).rejects.toThrow(/app_user_role_binding/);
    await expect(
      db().user.create({ data: { email: "y@test.dev", name: "Y", role: "STORE_MANAGER", passwordHash: "x" } }),
    ).rejects.toThrow(/app_user_role_binding/);
  });
});
