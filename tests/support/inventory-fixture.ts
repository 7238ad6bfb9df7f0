// The integration fixture (tests/support/fixture.ts) plus what the inventory pages read: dated lots, a
// receipt with an expiry, an active reservation, a SKU the store does not carry, and recent sales.
import { db } from "@/lib/server/db";
import { declareMovement } from "@/lib/server/stock/movement";
import { reserve } from "@/lib/server/stock/reservations";
import { seedFixture, sell } from "./fixture";

export const NOW = new Date("2026-11-20T12:00:00Z");
const DAY = 86_400_000;
export const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

/** Dates the (one) opening lot of a stock level `days` before NOW. */
async function dateOpeningLot(locationId: number, skuId: number, days: number) {
  await db().$executeRaw`UPDATE stock_lot SET received_at = ${daysAgo(days).toISOString()}::timestamptz
    WHERE location_id = ${locationId} AND sku_id = ${skuId}`;
}

/** A receipt through the ledger trigger, which opens a lot dated `receivedAt`. */
export async function receive(opts: { locationId: number; skuId: number; quantity: number; receivedAt: Date; expiresOn?: string; reference?: string }) {
  await db().$transaction(async (tx) => {
    await declareMovement(tx, {
      type: "RECEIVE", actor: "receiver@test.dev", reason: "inbound delivery", reference: opts.reference ?? null,
      lotReceivedAt: opts.receivedAt, lotExpiresOn: opts.expiresOn ?? null,
    });
    await tx.$executeRaw`INSERT INTO stock_level (location_id, sku_id) VALUES (${opts.locationId}, ${opts.skuId}) ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`UPDATE stock_level SET on_hand = on_hand + ${opts.quantity}
      WHERE location_id = ${opts.locationId} AND sku_id = ${opts.skuId}`;
  });
}

/**
 * seedFixture, then (NOW = 2026-11-20 12:00 UTC):
 *   lots: WH/A1 100 u received 120 d ago, ST/B1 7 u 100 d, DC/A1 20 u 45 d, every other opening lot 5 d;
 *         WH/A1 +30 u received 10 d ago, expiring 2027-06-30 (reference PO-7)  → WH/A1 on hand 130
 *   A3 "Shanghai tote A3" (brand A, category Bags): stocked at WH only, 12 u received 2 d ago (the store does not carry it)
 *   reservation ORDER-1 (active): WH/A1 2 u, DC/B1 5 u → WH/A1 reserved 12, DC/B1 reserved 105
 *   sales shipped from ST in the last 28 days: A1 4 u, A2 9 u
 */
export async function seedInventoryFixture() {
  const ids = await seedFixture();
  const { wh, dc, st } = ids.locations;
  const { a1, a2, b1 } = ids.skus;
  for (const [loc, sku, days] of [
    [wh, a1, 120], [st, b1, 100], [dc, a1, 45], [wh, a2, 5], [st, a1, 5], [st, a2, 5], [wh, b1, 5], [dc, b1, 5],
  ] as const) {
    await dateOpeningLot(loc.id, sku.id, days);
  }
  await receive({ locationId: wh.id, skuId: a1.id, quantity: 30, receivedAt: daysAgo(10), expiresOn: "2027-06-30", reference: "PO-7" });
  const a3 = await db().sku.create({
    data: { code: "A3", name: "Shanghai tote A3", brandId: ids.brands.a.id, category: "Bags", style: "A3", color: "Red", size: "OS", priceCents: 19900, costCents: 8000 },
  });
  await receive({ locationId: wh.id, skuId: a3.id, quantity: 12, receivedAt: daysAgo(2) });
  const reservation = await reserve({
    idempotencyKey: "inventory-fixture-1", actor: "router@test.dev", reference: "ORDER-1",
    lines: [{ locationId: wh.id, skuId: a1.id, quantity: 2 }, { locationId: dc.id, skuId: b1.id, quantity: 5 }],
  });
  if (!reservation.ok) throw new Error(`fixture reservation failed: ${JSON.stringify(reservation)}`);
  await sell({ channelId: ids.channel.id, skuId: a1.id, locationId: st.id, quantity: 4, daysAgo: 3, now: NOW });
  await sell({ channelId: ids.channel.id, skuId: a2.id, locationId: st.id, quantity: 9, daysAgo: 6, now: NOW });
  return { ...ids, skus: { ...ids.skus, a3 } };
}

/**
 * `count` more SKUs (brand `brandId`, category "Bulk", codes BULK00001…) stocked at one location with on hand
 * `onHand(i)`, written set-wise, for paging and the capped total.
 */
export async function addBulkSkus(count: number, brandId: number, locationId: number, onHand: (i: number) => number) {
  const quantities = Array.from({ length: count }, (_, i) => onHand(i + 1));
  await db().$transaction(async (tx) => {
    await declareMovement(tx, { type: "OPENING", actor: "test-fixture" });
    await tx.$executeRaw`INSERT INTO sku (code, name, brand_id, category, style, color, size, price_cents, cost_cents)
      SELECT 'BULK' || lpad(i::text, 5, '0'), 'Bulk item ' || i, ${brandId}, 'Bulk', 'BULK', 'Grey', 'OS', 1000, 500
      FROM generate_series(1, ${count}::int) AS i`;
    await tx.$executeRaw`INSERT INTO stock_level (location_id, sku_id, on_hand)
      SELECT ${locationId}, k.id, q.on_hand
      FROM unnest(${quantities}::int[]) WITH ORDINALITY AS q(on_hand, i)
      JOIN sku k ON k.code = 'BULK' || lpad(q.i::text, 5, '0')
      ORDER BY q.i`;
  }, { timeout: 120_000 });
}
