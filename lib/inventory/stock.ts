// Inventory math for one stock level (location × SKU), as in PRODUCT.md. The SQL in lib/server/stock-sql.ts
// implements the same formulas for aggregates; an integration test holds the two together.

export type StockQuantities = { onHand: number; reserved: number; safetyStock: number };

/** Units physically present and not promised to an order. */
export function unreserved(s: StockQuantities): number {
  return s.onHand - s.reserved;
}

/** Location ATP = max(0, onHand − reserved − safetyStock). */
export function locationAtp(s: StockQuantities): number {
  return Math.max(0, s.onHand - s.reserved - s.safetyStock);
}

/** Pool ATP = Σ location ATP over the locations that may serve the pool. */
export function poolAtp(levels: Iterable<StockQuantities>): number {
  let total = 0;
  for (const s of levels) total += locationAtp(s);
  return total;
}

/** Nothing left to sell at this location, not even from safety stock. */
export function isStockOut(s: StockQuantities): boolean {
  return unreserved(s) <= 0;
}

/** Some unreserved stock, but less than the safety level. Exclusive with a stock-out. */
export function isBelowSafety(s: StockQuantities): boolean {
  const free = unreserved(s);
  return free > 0 && free < s.safetyStock;
}

/** Days the ATP lasts at a daily sales rate; Infinity when nothing sells. */
export function daysOfCover(atp: number, perDay: number): number {
  if (perDay <= 0) return Infinity;
  return Math.max(0, atp) / perDay;
}
