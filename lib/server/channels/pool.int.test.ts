import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { db } from "../db";
import { foldRollups } from "../rollups";
import { declareMovement } from "../stock/movement";
import { poolOf } from "./pool";

// poolOf sums a few SKUs' stock levels directly and reads the rollup (+ pending changes) for more: both exact.
beforeEach(async () => {
  await resetDatabase();
  await seedFixture();
});

describe("poolOf", () => {
  it("gives the same pool ATP through the rollup (many SKUs) as summing stock levels (a few), folded or not", async () => {
    const brand = await db().brand.findFirstOrThrow();
    const locations = await db().location.findMany({ orderBy: { id: "asc" } });
    const skus = await Promise.all(Array.from({ length: 14 }, (_, i) => db().sku.create({
      data: { code: `P${i}`, name: `P${i}`, brandId: brand.id, category: "Shoes", style: "P", color: "B", size: "1", priceCents: 1, costCents: 1 },
    })));
    await db().$transaction(async (tx) => {
      await declareMovement(tx, { type: "RECEIVE", actor: "t" });
      await tx.stockLevel.createMany({
        data: skus.flatMap((s, i) => locations.map((l, j) => ({ locationId: l.id, skuId: s.id, onHand: 10 + i + j, reserved: j, safetyStock: i % 3 }))),
      });
    });
    const ids = skus.map((s) => s.id).sort((a, b) => a - b); // poolOf answers in id order
    const direct = async () => Promise.all(ids.map(async (id) => (await poolOf([id]))[0].poolAtp));
    const pending = (await poolOf(ids)).map((p) => p.poolAtp);
    expect(pending).toEqual(await direct());
    await foldRollups();
    expect((await poolOf(ids)).map((p) => p.poolAtp)).toEqual(await direct());
    expect(pending.every((n) => n > 0)).toBe(true);
  });
});
