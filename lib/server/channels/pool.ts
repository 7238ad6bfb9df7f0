import "server-only";
import type { PoolSku } from "@/lib/allocation";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { foldSoon, SKU_POOL_FIGURES } from "../rollups";
import { ATP_SQL } from "../stock-sql";
import type { Tx } from "../tx";

type Row = { skuId: number; code: string; brandId: number; category: string; poolAtp: number };
export type PoolSkuRow = PoolSku & { code: string };

// Up to this many SKUs, their stock levels are summed directly (≤ 200 rows each through the sku index: ≈ 1 ms for
// one); past it the rollup wins — a key look-up per SKU and one pass over the changes not folded yet.
const DIRECT_SKUS = 10;

/** Pool ATP per SKU (exact either way), as a subquery (sku_id, atp) for larger statements. */
export const poolAtpOf = (skuIds: number[]) =>
  skuIds.length <= DIRECT_SKUS
    ? Prisma.sql`
  SELECT k.id AS sku_id, COALESCE((SELECT SUM(${ATP_SQL}) FROM stock_level sl WHERE sl.sku_id = k.id), 0) AS atp
  FROM sku k WHERE k.id = ANY(${skuIds}::int[])`
    : Prisma.sql`
  SELECT k.id AS sku_id, COALESCE(r.atp, 0) + COALESCE(p.atp, 0) AS atp
  FROM sku k
  LEFT JOIN stock_rollup_sku r ON r.sku_id = k.id
  LEFT JOIN (SELECT sku_id, SUM(atp) AS atp FROM stock_rollup_pending WHERE sku_id = ANY(${skuIds}::int[]) GROUP BY sku_id) p ON p.sku_id = k.id
  WHERE k.id = ANY(${skuIds}::int[])`;

/** Pool ATP (Σ location ATP over the network) of some SKUs, with what lock scopes match on. */
export async function poolOf(skuIds: number[], tx: Tx = db()): Promise<PoolSkuRow[]> {
  if (skuIds.length === 0) return [];
  foldSoon();
  return tx.$queryRaw<Row[]>`
    SELECT k.id AS "skuId", k.code, k.brand_id AS "brandId", k.category, pool.atp::int AS "poolAtp"
    FROM (${poolAtpOf(skuIds)}) pool JOIN sku k ON k.id = pool.sku_id
    ORDER BY k.id`;
}

/** SKUs in id order after `afterId` (a page of the catalogue, or all of it), with their pool ATP. */
export async function poolPage(opts: { afterId?: number; limit?: number; where?: Prisma.Sql }, tx: Tx = db()): Promise<PoolSkuRow[]> {
  foldSoon();
  const where = opts.where ?? Prisma.sql`TRUE`;
  const limit = opts.limit ? Prisma.sql`LIMIT ${opts.limit}` : Prisma.empty;
  return tx.$queryRaw<Row[]>`
    WITH page AS (
      SELECT k.id, k.code, k.brand_id, k.category FROM sku k
      WHERE k.id > ${opts.afterId ?? 0} AND ${where}
      ORDER BY k.id ${limit}
    ), pool AS (
      SELECT f.sku_id, SUM(f.atp) AS atp FROM (${SKU_POOL_FIGURES}) f
      WHERE f.sku_id >= (SELECT MIN(id) FROM page) AND f.sku_id <= (SELECT MAX(id) FROM page)
      GROUP BY f.sku_id
    )
    SELECT p.id AS "skuId", p.code, p.brand_id AS "brandId", p.category, COALESCE(pool.atp, 0)::int AS "poolAtp"
    FROM page p LEFT JOIN pool ON pool.sku_id = p.id
    ORDER BY p.id`;
}
