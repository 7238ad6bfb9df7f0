import "server-only";
import type { PoolSku } from "@/lib/allocation";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { foldSoon, SKU_POOL_FIGURES } from "../rollups";
import { ATP_SQL } from "../stock-sql";
import type { Tx } from "../tx";

// Past this many SKUs the rollup is cheaper than their stock levels (≤ 200 rows each).
const DIRECT_LIMIT = 200;

type Row = { skuId: number; code: string; brandId: number; category: string; poolAtp: number };
export type PoolSkuRow = PoolSku & { code: string };

/**
 * Pool ATP (Σ location ATP over the network) with what lock scopes match on. A few SKUs read their ≤ 200 stock
 * levels directly; all SKUs (or a page of them) read the per-SKU rollup, so a full feed never scans 2M rows.
 */
export async function poolOf(skuIds: number[], tx: Tx = db()): Promise<PoolSkuRow[]> {
  if (skuIds.length === 0) return [];
  if (skuIds.length > DIRECT_LIMIT) return poolPage({ where: Prisma.sql`k.id = ANY(${skuIds}::int[])` }, tx);
  const rows = await tx.$queryRaw<Row[]>`
    SELECT k.id AS "skuId", k.code, k.brand_id AS "brandId", k.category,
           COALESCE((SELECT SUM(${ATP_SQL}) FROM stock_level sl WHERE sl.sku_id = k.id), 0)::int AS "poolAtp"
    FROM sku k WHERE k.id = ANY(${skuIds}::int[])
    ORDER BY k.id`;
  return rows;
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
