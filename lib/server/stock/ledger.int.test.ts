import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { db } from "../db";
import { adjustStock } from "./adjustments";
import { verifyLedger } from "./ledger-verify";

let ids: Awaited<ReturnType<typeof seedFixture>>;
beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
});

/** Tampering as a database superuser would: with the append-only trigger switched off for one statement. */
async function tamper(sql: string) {
  await db().$transaction([
    db().$executeRawUnsafe("ALTER TABLE stock_ledger DISABLE TRIGGER stock_ledger_no_update_delete"),
    db().$executeRawUnsafe(sql),
    db().$executeRawUnsafe("ALTER TABLE stock_ledger ENABLE TRIGGER stock_ledger_no_update_delete"),
  ]);
}

describe("ledger", () => {
  it("records every movement with actor, reason, reference and before/after", async () => {
    const { wh } = ids.locations;
    const r = await adjustStock({
      type: "RECEIVE", actor: "hq@yipan.dev", reason: "PO 4711 received", reference: "PO-4711",
      lines: [{ locationId: wh.id, skuId: ids.skus.a2.id, mode: "delta", quantity: 12 }],
    });
    expect(r.ok).toBe(true);
    const entry = await db().stockLedger.findFirstOrThrow({ where: { type: "RECEIVE" } });
    expect(entry).toMatchObject({
      locationId: wh.id, skuId: ids.skus.a2.id, seq: 2n, actor: "hq@yipan.dev", reason: "PO 4711 received",
      reference: "PO-4711", onHandBefore: 50, onHandAfter: 62, reservedBefore: 0, reservedAfter: 0,
    });
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await expect(db().$executeRawUnsafe("UPDATE stock_ledger SET actor = 'mallory'")).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("DELETE FROM stock_ledger")).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("TRUNCATE stock_ledger")).rejects.toThrow(/append-only/);
    expect(await db().stockLedger.count()).toBe(8); // 9 stock levels, one of them empty (no movement)
  });

  it("verifies, including awkward text, as the database and TypeScript hash it alike", async () => {
    await adjustStock({
      type: "ADJUST", actor: "王经理 \"store\"", reason: "damaged | wet\nbox \\ 破损", reference: "a|b",
      lines: [{ locationId: ids.locations.st.id, skuId: ids.skus.b1.id, mode: "delta", quantity: -2 }],
    });
    const report = await verifyLedger();
    expect(report).toMatchObject({ ok: true, stockLevels: 9, entries: 9, problems: [] });
  });

  it("detects an entry whose content was changed", async () => {
    await tamper(`UPDATE stock_ledger SET reason = 'nothing to see' WHERE seq = 1 AND sku_id = ${ids.skus.a1.id} AND location_id = ${ids.locations.wh.id}`);
    const report = await verifyLedger();
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ locationId: ids.locations.wh.id, skuId: ids.skus.a1.id, problem: "hash does not match the entry's content" }),
    );
  });

  it("detects a lost entry", async () => {
    const { dc } = ids.locations;
    await adjustStock({ type: "COUNT", actor: "t", reason: "cycle count", lines: [{ locationId: dc.id, skuId: ids.skus.a1.id, mode: "set", quantity: 18 }] });
    await tamper(`DELETE FROM stock_ledger WHERE location_id = ${dc.id} AND sku_id = ${ids.skus.a1.id} AND seq = 2`);
    const report = await verifyLedger();
    expect(report.problems.map((p) => p.problem)).toEqual(
      expect.arrayContaining(["replaying the ledger does not give the current stock", "stock level is at entry 2, ledger has 1"]),
    );
  });
});

describe("adjustStock", () => {
  it("refuses the whole batch when one line would go below reserved, naming the line", async () => {
    const { wh, st } = ids.locations;
    const r = await adjustStock({
      type: "COUNT", actor: "t", reason: "count",
      lines: [
        { locationId: wh.id, skuId: ids.skus.b1.id, mode: "set", quantity: 900 },
        { locationId: st.id, skuId: ids.skus.a1.id, mode: "set", quantity: 1 }, // 3 reserved there
      ],
    });
    expect(r).toMatchObject({ ok: false, problems: [{ line: 2, field: "quantity", value: "1", message: "would leave 1 on hand, below the 3 reserved for orders" }] });
    const b1 = await db().stockLevel.findUniqueOrThrow({ where: { locationId_skuId: { locationId: wh.id, skuId: ids.skus.b1.id } } });
    expect(b1.onHand).toBe(1000);
    expect(await db().stockLedger.count()).toBe(8);
  });

  it("creates a stock level for a new location × SKU pair, with its lot", async () => {
    const sku = await db().sku.create({
      data: { code: "NEW", name: "New", brandId: ids.brands.b.id, category: "Shoes", style: "N", color: "Red", size: "40", priceCents: 1, costCents: 1 },
    });
    const r = await adjustStock({
      type: "RECEIVE", actor: "t", reason: "first delivery", lotExpiresOn: "2027-06-30",
      lines: [{ locationId: ids.locations.st.id, skuId: sku.id, mode: "delta", quantity: 5 }],
    });
    expect(r).toEqual({ ok: true, applied: [{ locationId: ids.locations.st.id, skuId: sku.id, onHandBefore: 0, onHandAfter: 5 }] });
    const lot = await db().stockLot.findFirstOrThrow({ where: { skuId: sku.id } });
    expect(lot).toMatchObject({ receivedQty: 5, remaining: 5 });
    expect(lot.expiresOn?.toISOString().slice(0, 10)).toBe("2027-06-30");
    expect((await verifyLedger()).ok).toBe(true);
  });
});
