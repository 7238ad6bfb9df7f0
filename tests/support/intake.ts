// Helpers for the stock-intake integration tests (kept apart from fixture.ts, which others own).
import type { SessionUser } from "@/lib/auth/roles";
import type { RawRow } from "@/lib/intake/schema";
import { db } from "@/lib/server/db";
import { declareMovement } from "@/lib/server/stock/movement";

export const hqUser: SessionUser = { id: 1, email: "hq@test.dev", name: "HQ", role: "HQ_ADMIN", locationId: null, brandId: null };

export function rawRow(row: number, location: string, sku: string, quantity: number | string, extra: Partial<RawRow> = {}): RawRow {
  return { row, location_code: location, sku_code: sku, quantity: String(quantity), reference: "", received_at: "", expires_on: "", ...extra };
}

/**
 * A wider network on top of the fixture: `locations` × `skus` new pairs (codes BL-nn, BS-nnnnn), every other
 * one with opening stock, so an import touches both existing and new stock levels.
 */
export async function seedBulkNetwork(locations: number, skus: number) {
  const prisma = db();
  const brand = await prisma.brand.create({ data: { code: "BULK", name: "Bulk" } });
  await prisma.location.createMany({
    data: Array.from({ length: locations }, (_, i) => ({
      code: `BL-${String(i).padStart(2, "0")}`, name: `Bulk ${i}`, type: "STORE" as const, region: "EAST", city: "Suzhou",
      province: "Jiangsu", latitude: 31.3, longitude: 120.6, dailyCapacity: 100, shipBaseCents: 500, shipPerKmCents: 1, shipPerUnitCents: 50,
    })),
  });
  await prisma.sku.createMany({
    data: Array.from({ length: skus }, (_, i) => ({
      code: `BS-${String(i).padStart(5, "0")}`, name: `Bulk item ${i}`, brandId: brand.id, category: "Shoes", style: `S${i}`,
      color: "Black", size: "42", priceCents: 10000, costCents: 5000,
    })),
  });
  const locs = await prisma.location.findMany({ where: { code: { startsWith: "BL-" } }, orderBy: { code: "asc" } });
  const items = await prisma.sku.findMany({ where: { brandId: brand.id }, orderBy: { code: "asc" } });
  const pairs = locs.flatMap((l) => items.map((s) => ({ location: l, sku: s })));
  await prisma.$transaction(async (tx) => {
    await declareMovement(tx, { type: "OPENING", actor: "test-fixture" });
    await tx.stockLevel.createMany({
      data: pairs.filter((_, i) => i % 2 === 0).map((p, i) => ({ locationId: p.location.id, skuId: p.sku.id, onHand: 20 + (i % 7), reserved: i % 3 })),
    });
  }, { timeout: 60_000 });
  return { brand, pairs };
}

/** Everything that an import may change, to prove that a refused one changed nothing. */
export async function stockState() {
  const [levels, ledger, lots] = await Promise.all([
    db().$queryRaw<{ n: bigint; on_hand: bigint; seq: bigint }[]>`SELECT COUNT(*) AS n, COALESCE(SUM(on_hand), 0) AS on_hand, COALESCE(SUM(ledger_seq), 0) AS seq FROM stock_level`,
    db().stockLedger.count(),
    db().stockLot.count(),
  ]);
  return { levels: Number(levels[0].n), onHand: Number(levels[0].on_hand), seq: Number(levels[0].seq), ledger, lots };
}
