import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { db } from "./db";
import { foldRollups } from "./rollups";
import { adjustStock } from "./stock/adjustments";
import { declareMovement } from "./stock/movement";
import { release, reserve, ship } from "./stock/reservations";

// The dashboard reads rollups + pending changes. Whatever happens to stock, that sum must equal a direct
// aggregation of the base tables, before and after folding.

type Row = Record<string, string | number>;
const query = (sql: string) => db().$queryRawUnsafe<Row[]>(sql);

async function direct() {
  return {
    location: await query(`
      SELECT sl.location_id, k.brand_id, SUM(on_hand)::int AS on_hand, SUM(reserved)::int AS reserved,
             SUM(GREATEST(0, on_hand - reserved - safety_stock))::int AS atp,
             COUNT(*) FILTER (WHERE on_hand - reserved <= 0)::int AS stock_outs,
             COUNT(*) FILTER (WHERE on_hand - reserved > 0 AND on_hand - reserved < safety_stock)::int AS below_safety
      FROM stock_level sl JOIN sku k ON k.id = sl.sku_id GROUP BY 1, 2 ORDER BY 1, 2`),
    sku: await query(`
      SELECT sku_id, SUM(GREATEST(0, on_hand - reserved - safety_stock))::int AS atp,
             COUNT(*) FILTER (WHERE on_hand - reserved <= 0)::int AS stock_outs
      FROM stock_level GROUP BY 1 ORDER BY 1`),
    lots: await query(`
      SELECT k.brand_id, to_char((received_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, SUM(remaining)::int AS units
      FROM stock_lot lo JOIN sku k ON k.id = lo.sku_id WHERE remaining > 0 GROUP BY 1, 2 ORDER BY 1, 2`),
  };
}

async function rolledUp() {
  return {
    location: await query(`
      SELECT location_id, brand_id, SUM(on_hand)::int AS on_hand, SUM(reserved)::int AS reserved, SUM(atp)::int AS atp,
             SUM(stock_outs)::int AS stock_outs, SUM(below_safety)::int AS below_safety
      FROM (SELECT location_id, brand_id, on_hand, reserved, atp, stock_outs, below_safety FROM stock_rollup_location
            UNION ALL
            SELECT p.location_id, k.brand_id, p.on_hand, p.reserved, p.atp, p.stock_outs, p.below_safety
            FROM stock_rollup_pending p JOIN sku k ON k.id = p.sku_id) f
      GROUP BY 1, 2 ORDER BY 1, 2`),
    sku: await query(`
      SELECT sku_id, SUM(atp)::int AS atp, SUM(stock_outs)::int AS stock_outs
      FROM (SELECT sku_id, atp, stock_outs FROM stock_rollup_sku UNION ALL SELECT sku_id, atp, stock_outs FROM stock_rollup_pending) f
      GROUP BY 1 ORDER BY 1`),
    lots: await query(`
      SELECT brand_id, to_char(received_on, 'YYYY-MM-DD') AS day, SUM(units)::int AS units
      FROM (SELECT brand_id, received_on, units FROM lot_rollup_day
            UNION ALL SELECT k.brand_id, p.received_on, p.units FROM lot_rollup_pending p JOIN sku k ON k.id = p.sku_id) f
      GROUP BY 1, 2 HAVING SUM(units) <> 0 ORDER BY 1, 2`),
  };
}

async function expectAgreement() {
  expect(await rolledUp()).toEqual(await direct());
  await foldRollups();
  expect(await query("SELECT id FROM stock_rollup_pending UNION ALL SELECT id FROM lot_rollup_pending")).toEqual([]);
  expect(await rolledUp()).toEqual(await direct());
}

let ids: Awaited<ReturnType<typeof seedFixture>>;
beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
});

describe("dashboard rollups", () => {
  it("start empty after a reset and agree with the fixture", async () => {
    expect((await rolledUp()).location.length).toBe(6);
    await expectAgreement();
  });

  it("follow reservations, releases, shipments, receipts with lot dates, counts and safety stock", async () => {
    const { wh, dc, st } = ids.locations;
    const { a1, a2, b1 } = ids.skus;
    await foldRollups();
    const r1 = await reserve({ idempotencyKey: "k1", actor: "t", lines: [{ locationId: wh.id, skuId: a1.id, quantity: 80 }] });
    const r2 = await reserve({ idempotencyKey: "k2", actor: "t", lines: [{ locationId: dc.id, skuId: b1.id, quantity: 400 }] });
    expect(r1.ok && r2.ok).toBe(true);
    await expectAgreement();
    if (!r1.ok || !r2.ok) return;
    await ship(r1.reservationId, "t"); // consumes WH/A1 lots first-in-first-out
    await release(r2.reservationId, "t");
    const older = new Date(Date.now() - 45 * 86_400_000);
    const received = await adjustStock({
      type: "RECEIVE", actor: "t", reason: "PO 7", lotReceivedAt: older,
      lines: [{ locationId: st.id, skuId: a2.id, mode: "delta", quantity: 12 }, { locationId: dc.id, skuId: a2.id, mode: "delta", quantity: 5 }],
    });
    expect(received.ok).toBe(true);
    const counted = await adjustStock({
      type: "COUNT", actor: "t", reason: "cycle count", lines: [{ locationId: wh.id, skuId: b1.id, mode: "set", quantity: 990 }],
    });
    expect(counted.ok).toBe(true);
    await db().$transaction(async (tx) => {
      await declareMovement(tx, { type: "ADJUST", actor: "t", reason: "safety stock" });
      await tx.$executeRaw`UPDATE stock_level SET safety_stock = safety_stock + 7 WHERE sku_id = ${a1.id}`;
    });
    await expectAgreement();
  });

  it("count a changed row once even when pending and folded parts interleave with a concurrent fold", async () => {
    const { wh } = ids.locations;
    const { b1 } = ids.skus;
    const work = Array.from({ length: 40 }, (_, i) =>
      i % 4 === 0 ? foldRollups() : reserve({ idempotencyKey: `c${i}`, actor: "t", lines: [{ locationId: wh.id, skuId: b1.id, quantity: 1 }] }),
    );
    await Promise.all(work);
    await expectAgreement();
  });

  it("capture a many-row statement once per changed row: some rows unchanged, an empty stock level deleted", async () => {
    const pending = async () => (await query("SELECT COUNT(*)::int AS n FROM stock_rollup_pending"))[0].n as number;
    const before = await pending();
    await db().$transaction(async (tx) => {
      await declareMovement(tx, { type: "COUNT", actor: "t", reason: "statement capture" });
      // Every level of the DC and the store: B1's safety stock changes, the others are written unchanged.
      await tx.$executeRaw`UPDATE stock_level SET safety_stock = CASE WHEN sku_id = ${ids.skus.b1.id} THEN safety_stock + 3 ELSE safety_stock END
        WHERE location_id <> ${ids.locations.wh.id}`;
      await tx.$executeRaw`DELETE FROM stock_level WHERE location_id = ${ids.locations.dc.id} AND sku_id = ${ids.skus.a2.id} AND on_hand = 0`;
    });
    expect(await query(`SELECT 1 FROM stock_level WHERE location_id = ${ids.locations.dc.id} AND sku_id = ${ids.skus.a2.id}`)).toEqual([]);
    expect((await pending()) - before).toBe(3); // B1 at the DC and the store changed, A2 at the DC deleted; nothing else
    await expectAgreement();
  });

  it("refuse to move a SKU with stock to another brand, which would misfile its rollups", async () => {
    await expect(db().sku.update({ where: { id: ids.skus.a1.id }, data: { brandId: ids.brands.b.id } })).rejects.toThrow(
      /brand cannot change/,
    );
  });
});
