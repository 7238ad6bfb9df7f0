// Whole-file checks and batching for CSV imports.
import type { Problem } from "./problems";
import type { RawRow } from "./schema";

/**
 * Rows naming a (location, SKU) pair an earlier row already named. Two lines for one stock level make the
 * result depend on their order (a count, then a receipt?), so the file must say it once.
 */
export function findDuplicates(rows: Pick<RawRow, "row" | "location_code" | "sku_code">[]): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  for (const r of rows) {
    const location = r.location_code.trim();
    const sku = r.sku_code.trim();
    if (!location || !sku) continue; // reported as missing instead
    const key = `${location}\u0000${sku}`;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.row);
    else problems.push({ row: r.row, field: "sku_code", value: sku, code: "duplicate", vars: { first: seen, location } });
  }
  return problems;
}

/** Consecutive slices of at most `size` items; concatenated they give `items` back. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("chunk size must be a positive integer");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
