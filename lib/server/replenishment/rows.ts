// Turning one location's stock levels and daily sales into replenishment lines, then sorting and paging them. Pure (no
// database): lib/server/replenishment/data.ts feeds it, the unit tests call it directly.
//
// "On order" is 0 for every line: Yipan has no purchase orders yet. Goods already on their way to the location
// (stock_level.in_transit, e.g. a transfer shipped to it) count as incoming, so position = on hand + in transit − reserved.
import { DEFAULT_REPLENISHMENT_CONFIG, replenish, type ReplenishmentConfig, type ReplenishmentRow } from "@/lib/replenishment";
import type { LocationType } from "@/lib/routing/types";
import { velocityStats, VELOCITY_WINDOW_DAYS } from "@/lib/transfers/velocity";
import type { ReplenishmentQuery, ReplenishmentSort, SortDir } from "./query";

/** No purchase orders exist yet: nothing is on order from a supplier. */
export const ON_ORDER = 0;

export type StockInput = {
  skuId: number;
  skuCode: string;
  skuName: string;
  brandCode: string;
  brandName: string;
  category: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  /** The stock level's safety stock (units never offered for sale). */
  safetyStock: number;
};

export type ReplenishmentLine = Omit<StockInput, "safetyStock"> &
  ReplenishmentRow & {
    onOrder: number;
    /** The stock level's safety stock (the row's `floor`); `safetyStock` is the computed demand buffer. */
    safetyStockLevel: number;
    demandStdDev: number;
  };

/**
 * One line per stock level. `daily` maps a SKU to its units sold per day, index 0 = the 24 hours before as-of (the
 * series lib/transfers/velocity.ts reads); SKUs without sales in the window have no entry.
 */
export function buildLines(
  locationId: number,
  locationType: LocationType,
  stock: readonly StockInput[],
  daily: ReadonlyMap<number, ArrayLike<number>>,
  config: ReplenishmentConfig = DEFAULT_REPLENISHMENT_CONFIG,
): ReplenishmentLine[] {
  return stock.map((s) => {
    const series = daily.get(s.skuId);
    const stats = series ? velocityStats(series) : { perDay: 0, stdDev: 0 };
    const row = replenish(
      {
        skuId: s.skuId,
        locationId,
        locationType,
        onHand: s.onHand,
        reserved: s.reserved,
        inTransit: s.inTransit,
        onOrder: ON_ORDER,
        safetyStock: s.safetyStock,
        demandPerDay: stats.perDay,
        demandStdDev: stats.stdDev,
      },
      config,
    );
    const { safetyStock, ...rest } = s;
    return { ...rest, ...row, onOrder: ON_ORDER, safetyStockLevel: safetyStock, demandStdDev: stats.stdDev };
  });
}

/** Sums sales rows `(skuId, day, units)` into per-SKU daily series of the velocity window. */
export function dailySeries(rows: Iterable<{ skuId: number; day: number; units: number }>, windowDays = VELOCITY_WINDOW_DAYS): Map<number, Float64Array> {
  const out = new Map<number, Float64Array>();
  for (const r of rows) {
    if (r.day < 0 || r.day >= windowDays) continue;
    let series = out.get(r.skuId);
    if (!series) out.set(r.skuId, (series = new Float64Array(windowDays)));
    series[r.day] += r.units;
  }
  return out;
}

const VALUE: Record<Exclude<ReplenishmentSort, "sku">, (l: ReplenishmentLine) => number | null> = {
  quantity: (l) => l.quantity,
  onHand: (l) => l.onHand,
  demand: (l) => l.demandPerDay,
  position: (l) => l.position,
  reorderPoint: (l) => l.reorderPoint,
  target: (l) => l.targetLevel,
  cover: (l) => l.coverDays,
};

/**
 * The order of the table and the CSV. Ties fall back to the shortest cover (for the quantity sort) and then the SKU
 * code, so the order is total and the same in both. Lines without demand have no cover and come last either way.
 */
export function compareLines(sort: ReplenishmentSort, dir: SortDir): (a: ReplenishmentLine, b: ReplenishmentLine) => number {
  const sign = dir === "asc" ? 1 : -1;
  const byCode = (a: ReplenishmentLine, b: ReplenishmentLine) => (a.skuCode < b.skuCode ? -1 : a.skuCode > b.skuCode ? 1 : 0);
  if (sort === "sku") return (a, b) => sign * byCode(a, b);
  const value = VALUE[sort];
  const cover = (a: ReplenishmentLine, b: ReplenishmentLine) => nullsLast(a.coverDays, b.coverDays, 1);
  return (a, b) => {
    const primary = nullsLast(value(a), value(b), sign);
    if (primary !== 0) return primary;
    if (sort === "quantity") {
      const c = cover(a, b);
      if (c !== 0) return c;
    }
    return byCode(a, b);
  };
}

function nullsLast(a: number | null, b: number | null, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * (a - b);
}

export type LinesSummary = { skus: number; needing: number; units: number };

export type LinesPage = {
  rows: ReplenishmentLine[];
  page: number;
  pageSize: number;
  /** Lines matching the filters (all stock levels of the location when none). */
  total: number;
  hasNext: boolean;
  summary: LinesSummary;
  /** The ten largest quantities to order, for the chart. */
  top: ReplenishmentLine[];
};

/** Applies "needs order only", sorts and cuts one page; the summary and chart cover every line of the filter. */
export function pageLines(lines: ReplenishmentLine[], query: Pick<ReplenishmentQuery, "needs" | "sort" | "dir" | "page">, pageSize: number): LinesPage {
  const needing = lines.filter((l) => l.quantity > 0);
  const summary: LinesSummary = { skus: lines.length, needing: needing.length, units: needing.reduce((s, l) => s + l.quantity, 0) };
  const top = [...needing].sort(compareLines("quantity", "desc")).slice(0, 10);
  const matching = sortLines(query.needs ? needing : lines, query);
  const start = (query.page - 1) * pageSize;
  return {
    rows: matching.slice(start, start + pageSize),
    page: query.page,
    pageSize,
    total: matching.length,
    hasNext: start + pageSize < matching.length,
    summary,
    top,
  };
}

export function sortLines(lines: ReplenishmentLine[], query: Pick<ReplenishmentQuery, "sort" | "dir">): ReplenishmentLine[] {
  return [...lines].sort(compareLines(query.sort, query.dir));
}
