// Coverage in days: how long a location's ATP lasts at its velocity. lib/inventory's daysOfCover is the formula
// (ATP ÷ units per day, Infinity when nothing sells); this adds the ATP of a stock level.

import { type StockQuantities, daysOfCover, locationAtp } from "../inventory/stock";

export function coverDays(level: StockQuantities, perDay: number): number {
  return daysOfCover(locationAtp(level), perDay);
}
