// A lock's history stores the lock as it was before and after each change (JSON rows). This reads them back into
// the facts people care about and lists what an edit changed. Pure; the page names SKUs and brands and formats.

export type ScopeFacts = { kind: string; skuId: number | null; brandId: number | null; category: string | null };

export type LockFacts = {
  name: string;
  kind: string;
  scope: ScopeFacts;
  amount: { unit: string; value: number };
  startsAt: string;
  endsAt: string;
  timeZone: string;
};

export const HISTORY_FIELDS = ["name", "kind", "scope", "amount", "startsAt", "endsAt", "timeZone"] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export type HistoryChange = { [F in HistoryField]: { field: F; before: LockFacts[F]; after: LockFacts[F] } }[HistoryField];

const str = (v: unknown) => (typeof v === "string" ? v : "");
const num = (v: unknown) => (typeof v === "number" ? v : null);

/** The facts of a stored snapshot, or null when there is none (a creation has no "before"). */
export function lockFacts(snapshot: unknown): LockFacts | null {
  if (!snapshot || typeof snapshot !== "object") return null;
  const s = snapshot as Record<string, unknown>;
  return {
    name: str(s.name),
    kind: str(s.kind),
    scope: { kind: str(s.scopeKind), skuId: num(s.scopeSkuId), brandId: num(s.scopeBrandId), category: typeof s.scopeCategory === "string" ? s.scopeCategory : null },
    amount: { unit: str(s.unit), value: num(s.amount) ?? 0 },
    startsAt: str(s.startsAt),
    endsAt: str(s.endsAt),
    timeZone: str(s.timeZone),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed between two snapshots, in HISTORY_FIELDS order; empty when either is missing. */
export function lockChanges(before: unknown, after: unknown): HistoryChange[] {
  const a = lockFacts(before);
  const b = lockFacts(after);
  if (!a || !b) return [];
  const out: HistoryChange[] = [];
  for (const field of HISTORY_FIELDS) {
    if (!same(a[field], b[field])) out.push({ field, before: a[field], after: b[field] } as HistoryChange);
  }
  return out;
}

/** SKU ids named by the snapshots' scopes, to look their codes up once. */
export function scopeSkuIds(snapshots: unknown[]): number[] {
  const ids = new Set<number>();
  for (const s of snapshots) {
    const id = lockFacts(s)?.scope.skuId;
    if (id) ids.add(id);
  }
  return [...ids];
}
