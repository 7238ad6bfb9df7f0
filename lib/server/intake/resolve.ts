import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { planLines, stockKey, type PreviewLine, type StockSnapshot } from "@/lib/intake/preview";
import type { Problem } from "@/lib/intake/problems";
import type { IntakeRow, IntakeType } from "@/lib/intake/schema";
import type { Tx } from "../tx";

export type Coded = { id: number; code: string; name: string };

/** Locations and SKUs by code, within the caller's scope: a code outside it is as unknown as a typo. */
export async function resolveCodes(client: Tx, scope: DataScope, locationCodes: string[], skuCodes: string[]) {
  const locCodes = [...new Set(locationCodes)];
  const skuList = [...new Set(skuCodes)];
  const onlyLocation = scope.kind === "location" ? scope.locationId : null;
  const onlyBrand = scope.kind === "brand" ? scope.brandId : null;
  const [locations, skus] = await Promise.all([
    client.$queryRaw<Coded[]>`SELECT id, code, name FROM location
      WHERE code = ANY(${locCodes}::text[]) AND (${onlyLocation}::int IS NULL OR id = ${onlyLocation}::int)`,
    client.$queryRaw<Coded[]>`SELECT id, code, name FROM sku
      WHERE code = ANY(${skuList}::text[]) AND (${onlyBrand}::int IS NULL OR brand_id = ${onlyBrand}::int)`,
  ]);
  return { locations: new Map(locations.map((l) => [l.code, l])), skus: new Map(skus.map((s) => [s.code, s])) };
}

/** Today's on hand and reserved for the given pairs (pairs without a stock level are simply absent). */
export async function readStock(client: Tx, pairs: { locationId: number; skuId: number }[]) {
  const l = pairs.map((p) => p.locationId);
  const k = pairs.map((p) => p.skuId);
  const rows = await client.$queryRaw<{ location_id: number; sku_id: number; on_hand: number; reserved: number }[]>`
    SELECT s.location_id, s.sku_id, s.on_hand, s.reserved
    FROM stock_level s JOIN unnest(${l}::int[], ${k}::int[]) AS u(l, k) ON s.location_id = u.l AND s.sku_id = u.k`;
  return new Map(rows.map((r) => [`${r.location_id}:${r.sku_id}`, { onHand: r.on_hand, reserved: r.reserved }]));
}

export type ResolvedRow = IntakeRow & { locationId: number; skuId: number };

/**
 * Rows that passed the format checks, against the database: unknown codes, and what each row would do to
 * today's stock (before → after), refusing rows that would leave less than is reserved.
 */
export async function checkAgainstStock(client: Tx, scope: DataScope, type: IntakeType, rows: IntakeRow[], field: { location: string; sku: string }) {
  const { locations, skus } = await resolveCodes(client, scope, rows.map((r) => r.location), rows.map((r) => r.sku));
  const problems: Problem[] = [];
  const resolved: ResolvedRow[] = [];
  for (const r of rows) {
    const location = locations.get(r.location);
    const sku = skus.get(r.sku);
    if (!location) problems.push({ row: r.row, field: field.location, value: r.location, code: "unknownLocation" });
    if (!sku) problems.push({ row: r.row, field: field.sku, value: r.sku, code: "unknownSku" });
    if (location && sku) resolved.push({ ...r, locationId: location.id, skuId: sku.id });
  }
  const byIds = await readStock(client, resolved);
  const stock = new Map<string, StockSnapshot>();
  for (const r of resolved) {
    const s = byIds.get(`${r.locationId}:${r.skuId}`);
    if (s) stock.set(stockKey(r.location, r.sku), s);
  }
  const plan = planLines(type, resolved, stock);
  const lines: PreviewLine[] = plan.lines;
  problems.push(...plan.problems);
  return { resolved, lines, problems, locations, skus };
}
