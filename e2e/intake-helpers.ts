import type { Page } from "@playwright/test";
import { query } from "./helpers";

export type StockRow = { location: string; sku: string; on_hand: number; reserved: number };

/**
 * Stock levels to work on, picked from the seeded database: the first `limit` at or after position `from` (in
 * key order) with at least `reservedAtLeast` reserved. Each test starts at its own position, so tests running
 * in parallel never touch the same rows.
 */
export async function stockRows(opts: { from: number; limit: number; reservedAtLeast?: number }): Promise<StockRow[]> {
  return query<StockRow>(
    `SELECT location, sku, on_hand, reserved FROM (
       SELECT l.code AS location, k.code AS sku, sl.on_hand, sl.reserved,
              row_number() OVER (ORDER BY sl.location_id, sl.sku_id) AS pos
       FROM stock_level sl JOIN location l ON l.id = sl.location_id JOIN sku k ON k.id = sl.sku_id
     ) s WHERE pos > $1 AND reserved >= $3 ORDER BY pos LIMIT $2`,
    [opts.from, opts.limit, opts.reservedAtLeast ?? 0],
  );
}

export async function onHand(location: string, sku: string): Promise<number> {
  const [row] = await query<{ on_hand: number }>(
    `SELECT sl.on_hand FROM stock_level sl JOIN location l ON l.id = sl.location_id JOIN sku k ON k.id = sl.sku_id
     WHERE l.code = $1 AND k.code = $2`,
    [location, sku],
  );
  return row?.on_hand ?? 0;
}

/** Ledger entries of one stock level (tests run in parallel, so the whole ledger keeps moving). */
export async function ledgerCount(location: string, sku: string): Promise<number> {
  const [row] = await query<{ n: string }>(
    `SELECT COUNT(*) AS n FROM stock_ledger e JOIN location l ON l.id = e.location_id JOIN sku k ON k.id = e.sku_id
     WHERE l.code = $1 AND k.code = $2`,
    [location, sku],
  );
  return Number(row.n);
}

export function csv(lines: (string | number)[][]): string {
  return lines.map((l) => l.join(",")).join("\n") + "\n";
}

/** Chooses a CSV "file" in the import form without touching the disk. */
export async function uploadCsv(page: Page, name: string, text: string) {
  await page.getByTestId("csv-file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

/** Slows the page's server action calls down, so that progress states stay on screen long enough to see. */
export async function slowActions(page: Page, ms: number) {
  await page.route("**/inventory/intake**", async (route) => {
    if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
}

/** Reads "1,234" as 1234. */
export const num = (text: string) => Number(text.replace(/[^\d-]/g, ""));
