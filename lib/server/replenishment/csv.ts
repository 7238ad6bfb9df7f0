// The replenishment CSV: one line per SKU of the current filter, in the table's order (pure).
import { csvLine } from "@/lib/inventory/csv";
import type { ReplenishmentLine } from "./rows";

export const REPLENISHMENT_CSV_COLUMNS = [
  "location_code", "sku_code", "sku_name", "brand", "category", "on_hand", "reserved", "in_transit", "on_order",
  "safety_stock_level", "demand_per_day", "demand_std_dev", "lead_time_days", "review_days", "safety_stock_demand",
  "reorder_point", "target_level", "position", "quantity_to_order", "pack_size", "cover_days", "codes",
] as const;

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function replenishmentCsvRow(locationCode: string, l: ReplenishmentLine): string {
  return csvLine([
    locationCode, l.skuCode, l.skuName, l.brandName, l.category, l.onHand, l.reserved, l.inTransit, l.onOrder,
    l.safetyStockLevel, round(l.demandPerDay, 3), round(l.demandStdDev, 3), l.leadTimeDays, l.reviewDays, round(l.safetyStock, 2),
    l.reorderPoint, l.targetLevel, l.position, l.quantity, l.packSize, l.coverDays === null ? null : round(l.coverDays, 1), l.codes.join(" "),
  ]);
}
