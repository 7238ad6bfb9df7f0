import "server-only";
import { isActive, scopeCovers } from "@/lib/allocation";
import type { SqlTx } from "../tx";
import { LOCK_COLUMNS, type LockFields, toDomainLock } from "./lock-rows";

/**
 * Records what a channel's order takes under the channel's own active locks covering each SKU, in the order's
 * transaction: a ring-fence's remaining falls (others' ATS is unchanged, the pool fell too) and a cap's room
 * shrinks. `sign` -1 gives units back when an order is cancelled; `placedAt` then limits that to the locks that
 * were already active when the order took them.
 */
export async function consumeLocks(
  tx: SqlTx,
  channelId: number,
  lines: { skuId: number; quantity: number }[],
  now: Date,
  sign: 1 | -1 = 1,
  placedAt: Date = now,
) {
  const startedBy = placedAt < now ? placedAt : now;
  const locks = (await tx.$queryRaw<LockFields[]>`
    SELECT ${LOCK_COLUMNS} FROM channel_lock l
    WHERE l.channel_id = ${channelId} AND l.cancelled_at IS NULL AND l.starts_at <= ${startedBy} AND l.ends_at > ${now}`)
    .map(toDomainLock)
    .filter((l) => isActive(l, now));
  if (locks.length === 0) return;
  const skus = await tx.$queryRaw<{ id: number; brandId: number; category: string }[]>`
    SELECT id, brand_id AS "brandId", category FROM sku WHERE id = ANY(${lines.map((l) => l.skuId)}::int[])`;
  const ref = new Map(skus.map((s) => [s.id, { skuId: s.id, brandId: s.brandId, category: s.category }]));
  const units = new Map<string, { lockId: number; skuId: number; units: number }>();
  for (const line of lines) {
    const sku = ref.get(line.skuId);
    if (!sku) continue;
    for (const lock of locks) {
      if (!scopeCovers(lock.scope, sku)) continue;
      const key = `${lock.id}:${line.skuId}`;
      const row = units.get(key) ?? { lockId: lock.id, skuId: line.skuId, units: 0 };
      row.units += line.quantity;
      units.set(key, row);
    }
  }
  // Sorted, so concurrent orders take the (lock, SKU) rows in one order and cannot deadlock.
  const rows = [...units.values()].sort((a, b) => a.lockId - b.lockId || a.skuId - b.skuId);
  if (rows.length === 0) return;
  const [l, k, u] = [rows.map((r) => r.lockId), rows.map((r) => r.skuId), rows.map((r) => r.units)];
  if (sign === 1) {
    await tx.$executeRaw`
      INSERT INTO channel_lock_sku AS c (lock_id, sku_id, consumed)
      SELECT * FROM unnest(${l}::int[], ${k}::int[], ${u}::int[])
      ON CONFLICT (lock_id, sku_id) DO UPDATE SET consumed = c.consumed + EXCLUDED.consumed`;
  } else {
    await tx.$executeRaw`
      UPDATE channel_lock_sku c SET consumed = GREATEST(0, c.consumed - x.u)
      FROM unnest(${l}::int[], ${k}::int[], ${u}::int[]) AS x(l, k, u)
      WHERE c.lock_id = x.l AND c.sku_id = x.k`;
  }
}
