// What an import would do to each stock level, from the rows and today's stock: before → after, and the
// rows that would leave less on hand than is reserved for orders (refused, as adjustStock would).
import type { Problem } from "./problems";
import { targetOnHand, type IntakeRow, type IntakeType } from "./schema";

export type StockSnapshot = { onHand: number; reserved: number };

export type PreviewLine = {
  row: number;
  location: string;
  sku: string;
  quantity: number;
  onHandBefore: number;
  onHandAfter: number;
  reserved: number;
  /** No stock level exists yet for this location and SKU. */
  isNew: boolean;
};

export type PreviewTotals = {
  rows: number;
  /** Units added and removed (absolute), and the net change of on hand. */
  unitsIn: number;
  unitsOut: number;
  net: number;
  unchanged: number;
  newStockLevels: number;
};

export const stockKey = (location: string, sku: string) => `${location}\u0000${sku}`;

export function planLines(
  type: IntakeType,
  rows: readonly IntakeRow[],
  stock: ReadonlyMap<string, StockSnapshot>,
): { lines: PreviewLine[]; problems: Problem[] } {
  const lines: PreviewLine[] = [];
  const problems: Problem[] = [];
  for (const r of rows) {
    const current = stock.get(stockKey(r.location, r.sku));
    const before = current?.onHand ?? 0;
    const reserved = current?.reserved ?? 0;
    const after = targetOnHand(type, before, r.quantity);
    lines.push({ row: r.row, location: r.location, sku: r.sku, quantity: r.quantity, onHandBefore: before, onHandAfter: after, reserved, isNew: !current });
    if (after < reserved || after < 0) {
      problems.push({ row: r.row, field: "quantity", value: String(r.quantity), code: "belowReserved", vars: { after, reserved, before } });
    }
  }
  return { lines, problems };
}

export function previewTotals(lines: readonly PreviewLine[]): PreviewTotals {
  const t: PreviewTotals = { rows: lines.length, unitsIn: 0, unitsOut: 0, net: 0, unchanged: 0, newStockLevels: 0 };
  for (const l of lines) {
    const change = l.onHandAfter - l.onHandBefore;
    if (change > 0) t.unitsIn += change;
    else if (change < 0) t.unitsOut -= change;
    else t.unchanged++;
    if (l.isNew) t.newStockLevels++;
  }
  t.net = t.unitsIn - t.unitsOut;
  return t;
}
