// Sales velocity per (location, SKU) from recent daily sales (PRODUCT.md "Transfers and replenishment").
//
// Weighting: an exponentially weighted mean of the daily units sold over the last `windowDays` days (default 28),
// the weight of the day `i` days ago being 2^(−i / halfLifeDays) (default half-life 7 days). A surge last week counts
// twice as much as the same surge the week before, and a day with no sales counts as 0 (it is not skipped, so a SKU
// that stopped selling slows down instead of keeping its old rate). The weights sum to ≈ 9.9 "effective days" with
// the defaults, so one unusual day moves the rate by about a tenth of its size.

export const VELOCITY_WINDOW_DAYS = 28;
export const VELOCITY_HALF_LIFE_DAYS = 7;

export type VelocityOptions = { windowDays?: number; halfLifeDays?: number };

export type VelocityStats = {
  /** Weighted mean units sold per day. */
  perDay: number;
  /** Weighted standard deviation of the daily units, for safety stock (lib/replenishment). */
  stdDev: number;
};

const MS_PER_DAY = 86_400_000;
const weightCache = new Map<string, Float64Array>();

/** The weight of each day, index = days ago; cached, since every (location, SKU) uses the same few windows. */
export function dayWeights(options: VelocityOptions = {}): Float64Array {
  const window = options.windowDays ?? VELOCITY_WINDOW_DAYS;
  const halfLife = options.halfLifeDays ?? VELOCITY_HALF_LIFE_DAYS;
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`windowDays must be a positive integer, got ${window}`);
  if (!(halfLife > 0)) throw new RangeError(`halfLifeDays must be positive, got ${halfLife}`);
  const key = `${window}:${halfLife}`;
  let w = weightCache.get(key);
  if (!w) {
    w = new Float64Array(window);
    for (let i = 0; i < window; i++) w[i] = Math.pow(2, -i / halfLife);
    weightCache.set(key, w);
  }
  return w;
}

/**
 * Units per day from `daily[i]` = units sold `i` days ago (index 0 = the most recent day). Days beyond the window
 * are ignored; a series shorter than the window (a SKU listed 5 days ago) is weighted over the days it has.
 * Negative entries (net returns) count as 0: returns are not demand.
 */
export function velocity(daily: ArrayLike<number>, options?: VelocityOptions): number {
  return velocityStats(daily, options).perDay;
}

export function velocityStats(daily: ArrayLike<number>, options?: VelocityOptions): VelocityStats {
  const w = dayWeights(options);
  const n = Math.min(daily.length, w.length);
  if (n === 0) return { perDay: 0, stdDev: 0 };
  let sw = 0;
  let sx = 0;
  for (let i = 0; i < n; i++) {
    sw += w[i];
    sx += w[i] * units(daily[i]);
  }
  const mean = sx / sw;
  let sv = 0;
  for (let i = 0; i < n; i++) {
    const d = units(daily[i]) - mean;
    sv += w[i] * d * d;
  }
  return { perDay: mean, stdDev: Math.sqrt(sv / sw) };
}

function units(x: number): number {
  return Number.isFinite(x) && x > 0 ? x : 0;
}

/**
 * Buckets sales into the daily series `velocity` reads: day `i` holds the sales made in [asOf − (i+1)·24 h,
 * asOf − i·24 h). Days are counted back from `asOf` rather than by calendar date, so no time zone is involved.
 * Sales at or after `asOf` and older than the window are ignored.
 */
export function dailySales(
  sales: Iterable<{ at: Date; quantity: number }>,
  asOf: Date,
  windowDays = VELOCITY_WINDOW_DAYS,
): number[] {
  const out = new Array<number>(windowDays).fill(0);
  const end = asOf.getTime();
  for (const s of sales) {
    const age = end - s.at.getTime();
    if (age <= 0) continue;
    const day = Math.floor((age - 1) / MS_PER_DAY);
    if (day < windowDays) out[day] += s.quantity;
  }
  return out;
}
