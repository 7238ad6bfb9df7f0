// Channel lock periods (锁库), as in PRODUCT.md: a ring-fence keeps units for one channel, a cap limits what one
// channel may sell. Pure: the caller supplies the clock, pool ATP snapshots and consumption.

export type LockKind = "RING_FENCE" | "CAP";

export type LockScope =
  | { kind: "SKU"; skuId: number }
  | { kind: "BRAND"; brandId: number }
  | { kind: "CATEGORY"; category: string }
  | { kind: "ALL" };

/** Applies per SKU in scope: a brand-wide 20 % fence keeps 20 % of each of the brand's SKUs. */
export type LockAmount = { unit: "UNITS"; value: number } | { unit: "PERCENT"; value: number };

export type ChannelLock = {
  id: number;
  channelId: number;
  kind: LockKind;
  scope: LockScope;
  amount: LockAmount;
  /** Window [startsAt, endsAt). */
  startsAt: Date;
  endsAt: Date;
  cancelledAt?: Date | null;
};

export type LockState = "scheduled" | "active" | "ended" | "cancelled";

/** How the functions see a SKU: enough to decide which scopes cover it. */
export type SkuRef = { skuId: number; brandId: number; category: string };

/** Per lock id, then per SKU id. Used for pool ATP snapshots and for units consumed. */
export type LockSkuMap = ReadonlyMap<number, ReadonlyMap<number, number>>;

export type LockUsage = {
  /** Pool ATP per SKU taken when the lock became active; only PERCENT locks need one. */
  snapshots?: LockSkuMap;
  /** Units of the lock's channel sold per SKU since the lock's start. */
  consumed?: LockSkuMap;
};

/**
 * State at `now`, from the lock's own fields only, so it is the same for every reader and needs no job to flip it.
 * A cancelled lock stays cancelled whatever the clock says: cancelling a scheduled lock must not let it start later.
 */
export function lockState(lock: ChannelLock, now: Date): LockState {
  if (lock.cancelledAt) return "cancelled";
  const t = now.getTime();
  if (t < lock.startsAt.getTime()) return "scheduled";
  if (t < lock.endsAt.getTime()) return "active";
  return "ended";
}

export function isActive(lock: ChannelLock, now: Date): boolean {
  return lockState(lock, now) === "active";
}

export function scopeCovers(scope: LockScope, sku: SkuRef): boolean {
  switch (scope.kind) {
    case "SKU":
      return scope.skuId === sku.skuId;
    case "BRAND":
      return scope.brandId === sku.brandId;
    case "CATEGORY":
      return scope.category === sku.category;
    case "ALL":
      return true;
  }
}

/**
 * The lock's amount for one SKU before consumption. Percentages are taken to 0.01 % and computed in integers:
 * 29 % of 100 is 29, where floating point (0.29 × 100 = 28.999…) would floor to 28.
 */
export function baseAmount(amount: LockAmount, poolAtpAtActivation: number): number {
  if (amount.unit === "UNITS") return Math.max(0, Math.floor(amount.value));
  const basisPoints = Math.round(Math.min(100, Math.max(0, amount.value)) * 100);
  return Math.floor((basisPoints * Math.max(0, poolAtpAtActivation)) / 10_000);
}

/** Base minus what the channel sold since the start; never negative, and a negative "sold" (returns) never grows it. */
export function remainingAmount(base: number, consumed: number): number {
  return Math.max(0, base - Math.max(0, consumed));
}

function lookup(map: LockSkuMap | undefined, lockId: number, skuId: number): number | undefined {
  return map?.get(lockId)?.get(skuId);
}

/** The pool ATP a PERCENT lock is measured against: its snapshot, or the current pool ATP until one is taken. */
export function activationPool(lock: ChannelLock, skuId: number, currentPoolAtp: number, usage?: LockUsage): number {
  return lookup(usage?.snapshots, lock.id, skuId) ?? currentPoolAtp;
}

export function lockBase(lock: ChannelLock, skuId: number, currentPoolAtp: number, usage?: LockUsage): number {
  return baseAmount(lock.amount, activationPool(lock, skuId, currentPoolAtp, usage));
}

export function lockRemaining(lock: ChannelLock, skuId: number, currentPoolAtp: number, usage?: LockUsage): number {
  return remainingAmount(lockBase(lock, skuId, currentPoolAtp, usage), lookup(usage?.consumed, lock.id, skuId) ?? 0);
}

export function needsSnapshot(lock: ChannelLock, skuId: number, usage?: LockUsage): boolean {
  return lock.amount.unit === "PERCENT" && lookup(usage?.snapshots, lock.id, skuId) === undefined;
}

/** Builds a LockSkuMap from flat rows, e.g. a grouped query over orders or a snapshot table. Later rows add up. */
export function lockSkuMap(rows: Iterable<{ lockId: number; skuId: number; units: number }>): LockSkuMap {
  const out = new Map<number, Map<number, number>>();
  for (const { lockId, skuId, units } of rows) {
    let bySku = out.get(lockId);
    if (!bySku) out.set(lockId, (bySku = new Map()));
    bySku.set(skuId, (bySku.get(skuId) ?? 0) + units);
  }
  return out;
}

export type LockProblem = "EMPTY_WINDOW" | "UNITS_NOT_WHOLE" | "PERCENT_OUT_OF_RANGE";

/** What makes a lock unacceptable on its own, before any conflict check. Empty when it is well formed. */
export function lockProblems(lock: Pick<ChannelLock, "amount" | "startsAt" | "endsAt">): LockProblem[] {
  const problems: LockProblem[] = [];
  if (!(lock.endsAt.getTime() > lock.startsAt.getTime())) problems.push("EMPTY_WINDOW");
  const { unit, value } = lock.amount;
  if (unit === "UNITS" && !(Number.isInteger(value) && value >= 0)) problems.push("UNITS_NOT_WHOLE");
  if (unit === "PERCENT" && !(value >= 0 && value <= 100)) problems.push("PERCENT_OUT_OF_RANGE");
  return problems;
}
