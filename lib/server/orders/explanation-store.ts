import type { Explanation, FilterReason } from "@/lib/routing";

// How an order keeps the explanation of its routing: written with every order (a batch writes hundreds), read
// whole by the order page. The stored form keeps what the page shows and drops what only bulks it up: locations
// holding none of the order are counted, not listed (most of the network); the others are grouped by reason as
// [id, code] pairs; the best STORED_PLANS plans are kept (the winner and its runners-up).

const STORED_PLANS = 3;

export type StoredExplanation = Omit<Explanation, "filtered" | "topPlans"> & {
  left: Partial<Record<FilterReason, [number, string][]>>;
  noStock: number;
  topPlans: Explanation["topPlans"];
};

export function storedExplanation(explanation: Explanation | null): StoredExplanation | null {
  if (!explanation) return null;
  const { filtered, topPlans, ...rest } = explanation;
  const left: StoredExplanation["left"] = {};
  let noStock = 0;
  for (const f of filtered) {
    if (f.reason === "noStock") noStock++;
    else (left[f.reason] ??= []).push([f.locationId, f.code]);
  }
  return { ...rest, left, noStock, topPlans: topPlans.slice(0, STORED_PLANS) };
}

/** The explanation as lib/routing shaped it, from what an order stored (this form, or the earlier one with the list). */
export function readExplanation(stored: unknown): Explanation | null {
  if (!stored || typeof stored !== "object") return null;
  const s = stored as Partial<StoredExplanation> & { filtered?: Explanation["filtered"] };
  if (Array.isArray(s.filtered) || !s.left) return s as Explanation;
  const { left, ...rest } = s as StoredExplanation;
  const filtered = Object.entries(left)
    .flatMap(([reason, pairs]) => (pairs ?? []).map(([locationId, code]) => ({ locationId, code, reason: reason as FilterReason })))
    .sort((a, b) => a.locationId - b.locationId);
  return { ...rest, filtered };
}
