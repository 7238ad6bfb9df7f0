// Inventory age (库龄) from FIFO lots: whole days since a lot was received. Pure; the SQL in
// lib/server/inventory/* takes its cut-off from agedCutoff() so the grid filter and the buckets agree.

export const DAY_MS = 86_400_000;

/** A lot is "aged" when it was received more than this many whole days ago. */
export const AGED_DAYS = 90;

export const AGE_BUCKETS = ["0-30", "31-60", "61-90", "90+"] as const;
export type AgeBucketKey = (typeof AGE_BUCKETS)[number];

/** Inclusive upper bound (whole days) of each bucket but the last. */
const UPPER: Record<Exclude<AgeBucketKey, "90+">, number> = { "0-30": 30, "31-60": 60, "61-90": AGED_DAYS };

/** Whole days elapsed since `receivedAt`; 0 for a lot dated in the future (clock skew, pre-dated receipt). */
export function ageInDays(receivedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - receivedAt.getTime()) / DAY_MS));
}

export function ageBucket(days: number): AgeBucketKey {
  if (days <= UPPER["0-30"]) return "0-30";
  if (days <= UPPER["31-60"]) return "31-60";
  if (days <= UPPER["61-90"]) return "61-90";
  return "90+";
}

export function isAged(days: number): boolean {
  return days > AGED_DAYS;
}

/** Lots received at or before this instant are aged: ageInDays > AGED_DAYS ⇔ receivedAt ≤ now − (AGED_DAYS + 1) days. */
export function agedCutoff(now: Date): Date {
  return new Date(now.getTime() - (AGED_DAYS + 1) * DAY_MS);
}

export type AgedUnits = { ageDays: number; units: number };
export type AgeProfile = { key: AgeBucketKey; units: number }[];

/** Remaining units per age bucket, always all four buckets in order (empty ones at 0). */
export function ageProfile(lots: Iterable<AgedUnits>): AgeProfile {
  const units: Record<AgeBucketKey, number> = { "0-30": 0, "31-60": 0, "61-90": 0, "90+": 0 };
  for (const lot of lots) units[ageBucket(lot.ageDays)] += lot.units;
  return AGE_BUCKETS.map((key) => ({ key, units: units[key] }));
}

/** Remaining units of lots received on one UTC calendar day (`YYYY-MM-DD`), as the lot rollup keeps them. */
export type DayUnits = { receivedOn: string; units: number };

/**
 * Buckets a day's units without looking at its lots when every instant of that day falls in one age bucket;
 * the days that straddle a bucket boundary (at most one per boundary) are returned for an exact look-up.
 */
export function settleReceiptDays(days: Iterable<DayUnits>, now: Date): { settled: AgedUnits[]; straddling: string[] } {
  const settled: AgedUnits[] = [];
  const straddling: string[] = [];
  for (const day of days) {
    const start = Date.parse(`${day.receivedOn}T00:00:00Z`);
    const oldest = ageInDays(new Date(start), now);
    // Lots of the day arrived before its end, so none is younger than this (a safe lower bound).
    const youngest = Math.max(0, Math.floor((now.getTime() - start - DAY_MS) / DAY_MS));
    if (ageBucket(oldest) === ageBucket(youngest)) settled.push({ ageDays: oldest, units: day.units });
    else straddling.push(day.receivedOn);
  }
  return { settled, straddling };
}

/** [start, end) of a UTC calendar day. */
export function utcDayRange(receivedOn: string): { start: Date; end: Date } {
  const start = new Date(`${receivedOn}T00:00:00Z`);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}
