// Available-to-sell per channel and SKU (PRODUCT.md "Available-to-sell"), from the locks active at `now`. Nothing
// here waits for a job to activate or release a lock: the window alone decides, so the number is right at any time.

import { type ChannelLock, type LockUsage, type SkuRef, isActive, lockRemaining, needsSnapshot } from "./locks";
import { type ScopeIndex, coveringGroups, indexByScope } from "./scope-index";

export type PoolSku = SkuRef & { poolAtp: number };

export type AllocationInput = {
  locks: Iterable<ChannelLock>;
  now: Date;
  usage?: LockUsage;
  /** Units of each SKU's pool a channel never sells, by channel id; 0 when absent. */
  margins?: ReadonlyMap<number, number>;
};

/** The active locks indexed by scope, with what is needed to price them. Build once per request, reuse per SKU. */
export type PreparedLocks = {
  now: Date;
  index: ScopeIndex<ChannelLock>;
  usage?: LockUsage;
  margins?: ReadonlyMap<number, number>;
};

export function prepareLocks({ locks, now, usage, margins }: AllocationInput): PreparedLocks {
  const active: ChannelLock[] = [];
  for (const lock of locks) if (isActive(lock, now)) active.push(lock);
  return { now, index: indexByScope(active), usage, margins };
}

export function marginOf(prepared: PreparedLocks, channelId: number): number {
  return Math.max(0, prepared.margins?.get(channelId) ?? 0);
}

/**
 * ATS = max(0, min(capRemaining, poolATP − fencedByOthers − margin)). The margin keeps the pool from being sold
 * below it; it does not shrink a cap that binds well above it.
 */
export function atsFromParts(poolAtp: number, fencedByOthers: number, capRemaining: number, margin: number): number {
  return Math.max(0, Math.min(capRemaining, poolAtp - fencedByOthers - margin));
}

/** One channel's ATS. Its own ring-fences do not reduce it; other channels' caps do not concern it. */
export function atsFor(prepared: PreparedLocks, channelId: number, sku: PoolSku): number {
  let fenced = 0;
  let cap = Infinity;
  for (const group of coveringGroups(prepared.index, sku)) {
    for (const lock of group) {
      const own = lock.channelId === channelId;
      if (own && lock.kind === "CAP") cap = Math.min(cap, remaining(prepared, lock, sku));
      else if (!own && lock.kind === "RING_FENCE") fenced += remaining(prepared, lock, sku);
    }
  }
  return atsFromParts(sku.poolAtp, fenced, cap, marginOf(prepared, channelId));
}

/** ATS of several channels for one SKU with one pass over its locks: the feed's hot path. */
export function atsForChannels(prepared: PreparedLocks, sku: PoolSku, channelIds: Iterable<number>): Map<number, number> {
  let fencedTotal = 0;
  const fencedBy = new Map<number, number>();
  const capOf = new Map<number, number>();
  for (const group of coveringGroups(prepared.index, sku)) {
    for (const lock of group) {
      const units = remaining(prepared, lock, sku);
      if (lock.kind === "RING_FENCE") {
        fencedTotal += units;
        fencedBy.set(lock.channelId, (fencedBy.get(lock.channelId) ?? 0) + units);
      } else {
        capOf.set(lock.channelId, Math.min(capOf.get(lock.channelId) ?? Infinity, units));
      }
    }
  }
  const out = new Map<number, number>();
  for (const c of channelIds) {
    const fencedByOthers = fencedTotal - (fencedBy.get(c) ?? 0);
    out.set(c, atsFromParts(sku.poolAtp, fencedByOthers, capOf.get(c) ?? Infinity, marginOf(prepared, c)));
  }
  return out;
}

export type LockShare = { lockId: number; channelId: number; remaining: number };

export type AtsExplanation = {
  skuId: number;
  channelId: number;
  poolAtp: number;
  /** Other channels' active ring-fences on this SKU: units the channel may not sell. */
  fencedByOthers: { total: number; locks: LockShare[] };
  /** The channel's own active ring-fences: kept for it, shown for context, not subtracted. */
  ownFences: LockShare[];
  /** The tightest of the channel's active caps (lowest lock id on a tie); null when no cap applies. */
  cap: { remaining: number; lockId: number } | null;
  margin: number;
  ats: number;
};

/** The pieces of atsFor, so the console can say why a channel may sell what it may. Same number as atsFor. */
export function explainAts(prepared: PreparedLocks, channelId: number, sku: PoolSku): AtsExplanation {
  const others: LockShare[] = [];
  const ownFences: LockShare[] = [];
  let cap: AtsExplanation["cap"] = null;
  for (const group of coveringGroups(prepared.index, sku)) {
    for (const lock of group) {
      const share = { lockId: lock.id, channelId: lock.channelId, remaining: remaining(prepared, lock, sku) };
      const own = lock.channelId === channelId;
      if (lock.kind === "RING_FENCE") (own ? ownFences : others).push(share);
      else if (own && tighter(share, cap)) cap = { remaining: share.remaining, lockId: lock.id };
    }
  }
  const byId = (a: LockShare, b: LockShare) => a.lockId - b.lockId;
  const total = others.reduce((sum, s) => sum + s.remaining, 0);
  const margin = marginOf(prepared, channelId);
  return {
    skuId: sku.skuId,
    channelId,
    poolAtp: sku.poolAtp,
    fencedByOthers: { total, locks: others.sort(byId) },
    ownFences: ownFences.sort(byId),
    cap,
    margin,
    ats: atsFromParts(sku.poolAtp, total, cap?.remaining ?? Infinity, margin),
  };
}

export type SnapshotNeed = { lockId: number; skuId: number; poolAtp: number };

/**
 * Active PERCENT locks × covered SKUs that have no activation snapshot yet, with the pool ATP to store. Until the
 * caller stores it, ATS measures the percentage against the current pool, which is what the snapshot will hold.
 */
export function snapshotsNeeded(prepared: PreparedLocks, skus: Iterable<PoolSku>): SnapshotNeed[] {
  const out: SnapshotNeed[] = [];
  for (const sku of skus) {
    for (const group of coveringGroups(prepared.index, sku)) {
      for (const lock of group) {
        if (!needsSnapshot(lock, sku.skuId, prepared.usage)) continue;
        out.push({ lockId: lock.id, skuId: sku.skuId, poolAtp: sku.poolAtp });
      }
    }
  }
  return out;
}

function tighter(share: LockShare, cap: AtsExplanation["cap"]): boolean {
  if (!cap) return true;
  return share.remaining < cap.remaining || (share.remaining === cap.remaining && share.lockId < cap.lockId);
}

function remaining(prepared: PreparedLocks, lock: ChannelLock, sku: PoolSku): number {
  return lockRemaining(lock, sku.skuId, sku.poolAtp, prepared.usage);
}
