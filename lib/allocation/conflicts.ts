// Overlapping ring-fences that together keep more than the pool has (PRODUCT.md: refused "with a clear error naming
// the conflicting locks"). Returned as data so the caller names the SKUs and locks in the user's language.

import type { PoolSku } from "./ats";
import { type ChannelLock, type LockUsage, lockBase, lockRemaining, lockState } from "./locks";
import { covering, indexByScope } from "./scope-index";

export type LockConflict = {
  skuId: number;
  poolAtp: number;
  /** Σ of the named locks' amounts on this SKU, above poolAtp. */
  fenced: number;
  /** Ascending; every one of them is active at `from`. */
  lockIds: number[];
  /** The first instant (never before `now`) at which all of them are active together. */
  from: Date;
};

export type ConflictOptions = {
  now: Date;
  usage?: LockUsage;
  /** Report only conflicts that include this lock (the one being created or edited), not older over-commitments. */
  involving?: number;
};

type Span = { id: number; start: number; end: number; units: number };

/**
 * Every SKU in `skus` × every instant from `now` on where ring-fences overlap: Σ amounts must stay ≤ pool ATP. Active
 * locks count what remains of them, scheduled ones their full base. The sum only rises where a window starts, so
 * the window start points (clamped to `now`) are the only instants to check.
 */
export function findConflicts(locks: Iterable<ChannelLock>, skus: Iterable<PoolSku>, options: ConflictOptions): LockConflict[] {
  const { now, usage, involving } = options;
  const live = [...locks].filter((l) => {
    const state = lockState(l, now);
    return l.kind === "RING_FENCE" && (state === "active" || state === "scheduled");
  });
  const index = indexByScope(live);
  const out: LockConflict[] = [];
  for (const sku of skus) {
    const spans: Span[] = [];
    for (const lock of covering(index, sku)) {
      const active = lockState(lock, now) === "active";
      const units = active ? lockRemaining(lock, sku.skuId, sku.poolAtp, usage) : lockBase(lock, sku.skuId, sku.poolAtp, usage);
      // A fence with nothing left cannot push the sum over, and naming it would only confuse.
      if (units > 0) {
        spans.push({ id: lock.id, start: Math.max(lock.startsAt.getTime(), now.getTime()), end: lock.endsAt.getTime(), units });
      }
    }
    if (involving !== undefined && !spans.some((s) => s.id === involving)) continue;
    out.push(...conflictsOnSku(sku, spans, involving));
  }
  return out;
}

function conflictsOnSku(sku: PoolSku, spans: Span[], involving: number | undefined): LockConflict[] {
  const found: LockConflict[] = [];
  const starts = [...new Set(spans.map((s) => s.start))].sort((a, b) => a - b);
  for (const t of starts) {
    const together = spans.filter((s) => s.start <= t && t < s.end);
    const fenced = together.reduce((sum, s) => sum + s.units, 0);
    if (fenced <= sku.poolAtp) continue;
    const lockIds = together.map((s) => s.id).sort((a, b) => a - b);
    if (involving !== undefined && !lockIds.includes(involving)) continue;
    found.push({ skuId: sku.skuId, poolAtp: sku.poolAtp, fenced, lockIds, from: new Date(t) });
  }
  // One report per distinct group: drop a group another report already names in full (kept: the earliest).
  return found.filter((c, i) => !found.some((d, j) => j !== i && covers(d.lockIds, c.lockIds, j < i)));
}

/** `a` names every lock of `b` and more, or the same locks and `a` came first. */
function covers(a: number[], b: number[], aFirst: boolean): boolean {
  return b.every((id) => a.includes(id)) && (a.length > b.length || aFirst);
}
