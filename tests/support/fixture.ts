// A tiny, hand-checkable network for integration tests.
import bcrypt from "bcryptjs";
import { db } from "@/lib/server/db";
import { declareMovement } from "@/lib/server/stock/movement";

export async function resetDatabase() {
  await db().$transaction([
    db().$queryRaw`SELECT set_config('yipan.allow_ledger_reset', 'on', true)`,
    db().$executeRawUnsafe(
      `TRUNCATE transfer_event, transfer, order_line, customer_order, reservation_line, reservation, stock_ledger, stock_lot, stock_level,
        idempotency_record, api_key, app_user, login_throttle, sku, location, channel, brand RESTART IDENTITY CASCADE`,
    ),
    // Strategies other tests created; the default strategy (from the migration) stays.
    db().$executeRaw`DELETE FROM routing_strategy_version WHERE strategy_id IN (SELECT id FROM routing_strategy WHERE NOT is_default)`,
    db().$executeRaw`DELETE FROM routing_strategy WHERE NOT is_default`,
  ]);
}

const loc = (code: string, type: "WAREHOUSE" | "DC" | "STORE", region: string, city: string) => ({
  code, name: `${city} ${type}`, type, region, city, province: city, latitude: 31.2, longitude: 121.4,
  canShip: true, canPickup: type === "STORE", dailyCapacity: 100, shipBaseCents: 500, shipPerKmCents: 1, shipPerUnitCents: 50,
});

/**
 * Brands A and B; a warehouse (EAST), a DC (NORTH) and a store (EAST). Stock per (location, sku):
 *   A1: WH 100/10r/5s  DC 20/0/5   ST 3/3/1  (store: stock-out)
 *   A2: WH 50/0/0      DC 0/0/0    ST 4/1/5  (DC: stock-out; store: below safety)
 *   B1: WH 1000/0/0    DC 500/100/0 ST 7/0/2
 */
export async function seedFixture() {
  const prisma = db();
  const [a, b] = await Promise.all([
    prisma.brand.create({ data: { code: "A", name: "Alpha" } }),
    prisma.brand.create({ data: { code: "B", name: "Beta" } }),
  ]);
  const wh = await prisma.location.create({ data: loc("WH", "WAREHOUSE", "EAST", "Jiaxing") });
  const dc = await prisma.location.create({ data: loc("DC", "DC", "NORTH", "Langfang") });
  const st = await prisma.location.create({ data: loc("ST", "STORE", "EAST", "Shanghai") });
  const sku = (code: string, brandId: number) =>
    prisma.sku.create({
      data: { code, name: `Item ${code}`, brandId, category: "Shoes", style: code, color: "Black", size: "42", priceCents: 59900, costCents: 25000 },
    });
  const a1 = await sku("A1", a.id);
  const a2 = await sku("A2", a.id);
  const b1 = await sku("B1", b.id);
  const rows: [number, number, number, number, number][] = [
    [wh.id, a1.id, 100, 10, 5], [dc.id, a1.id, 20, 0, 5], [st.id, a1.id, 3, 3, 1],
    [wh.id, a2.id, 50, 0, 0], [dc.id, a2.id, 0, 0, 0], [st.id, a2.id, 4, 1, 5],
    [wh.id, b1.id, 1000, 0, 0], [dc.id, b1.id, 500, 100, 0], [st.id, b1.id, 7, 0, 2],
  ];
  await prisma.$transaction(async (tx) => {
    await declareMovement(tx, { type: "OPENING", actor: "test-fixture" });
    await tx.stockLevel.createMany({
      data: rows.map(([locationId, skuId, onHand, reserved, safetyStock]) => ({ locationId, skuId, onHand, reserved, safetyStock })),
    });
  });
  const channel = await prisma.channel.create({ data: { code: "WEB", name: "Webstore", type: "WEBSTORE" } });
  const passwordHash = await bcrypt.hash("right-password", 4);
  await prisma.user.createMany({
    data: [
      { email: "hq@test.dev", name: "HQ", role: "HQ_ADMIN", passwordHash },
      { email: "partner-a@test.dev", name: "Partner A", role: "BRAND_PARTNER", brandId: a.id, passwordHash },
      { email: "store@test.dev", name: "Store", role: "STORE_MANAGER", locationId: st.id, passwordHash },
    ],
  });
  return { brands: { a, b }, locations: { wh, dc, st }, skus: { a1, a2, b1 }, channel };
}

/** Records a delivered order line `daysAgo` days before `now`. */
export async function sell(opts: { channelId: number; skuId: number; locationId: number; quantity: number; daysAgo: number; now: Date }) {
  const placedAt = new Date(opts.now.getTime() - opts.daysAgo * 86_400_000);
  await db().order.create({
    data: {
      channelId: opts.channelId, status: "DELIVERED", placedAt, city: "Shanghai", province: "Shanghai",
      latitude: 31.2, longitude: 121.4, totalCents: 59900 * opts.quantity,
      lines: { create: { skuId: opts.skuId, fulfillLocationId: opts.locationId, quantity: opts.quantity, unitPriceCents: 59900, placedAt } },
    },
  });
}
