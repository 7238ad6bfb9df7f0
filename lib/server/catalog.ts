import "server-only";
import { db } from "./db";

// Look-ups of the network-wide catalogue (brands, categories, SKUs by code) for HQ pages that pick or name them,
// such as the channels page and the lock editor. Callers check the permission first; nothing here is scoped.

export type BrandRef = { id: number; code: string; name: string };
export type SkuRef = { id: number; code: string; name: string; brandId: number; category: string };

export async function allBrands(): Promise<BrandRef[]> {
  return db().brand.findMany({ select: { id: true, code: true, name: true }, orderBy: { name: "asc" } });
}

export async function allCategories(): Promise<string[]> {
  const rows = await db().$queryRaw<{ category: string }[]>`SELECT DISTINCT category FROM sku ORDER BY 1`;
  return rows.map((r) => r.category);
}

export async function skuByCode(code: string): Promise<SkuRef | null> {
  return db().sku.findUnique({ where: { code }, select: { id: true, code: true, name: true, brandId: true, category: true } });
}

export async function brandById(id: number): Promise<BrandRef | null> {
  return db().brand.findUnique({ where: { id }, select: { id: true, code: true, name: true } });
}

/** SKU codes by id, for naming lock scopes. */
export async function skuCodes(ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db().sku.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, code: true } });
  return new Map(rows.map((r) => [r.id, r.code]));
}
