import "server-only";
import { type ChannelLock, type LockScope, type LockUsage, lockSkuMap } from "@/lib/allocation";
import { type ChannelLock as LockRow, Prisma } from "../generated/prisma/client";
import type { Tx } from "../tx";

/** The columns toDomainLock reads, under Prisma's names: what a raw SELECT of them gives (LOCK_COLUMNS). */
export type LockFields = Pick<LockRow, "id" | "channelId" | "kind" | "scopeKind" | "scopeSkuId" | "scopeBrandId" | "scopeCategory" | "unit" | "amount" | "startsAt" | "endsAt" | "cancelledAt">;
export const LOCK_COLUMNS = Prisma.sql`l.id, l.channel_id AS "channelId", l.kind::text AS kind, l.scope_kind::text AS "scopeKind",
  l.scope_sku_id AS "scopeSkuId", l.scope_brand_id AS "scopeBrandId", l.scope_category AS "scopeCategory", l.unit::text AS unit,
  l.amount, l.starts_at AS "startsAt", l.ends_at AS "endsAt", l.cancelled_at AS "cancelledAt"`;

/** A stored lock as lib/allocation sees it. */
export function toDomainLock(row: LockFields): ChannelLock {
  return {
    id: row.id,
    channelId: row.channelId,
    kind: row.kind,
    scope: scopeOf(row),
    amount: { unit: row.unit, value: row.amount },
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    cancelledAt: row.cancelledAt,
  };
}

export function scopeOf(row: Pick<LockRow, "scopeKind" | "scopeSkuId" | "scopeBrandId" | "scopeCategory">): LockScope {
  switch (row.scopeKind) {
    case "SKU":
      return { kind: "SKU", skuId: row.scopeSkuId! };
    case "BRAND":
      return { kind: "BRAND", brandId: row.scopeBrandId! };
    case "CATEGORY":
      return { kind: "CATEGORY", category: row.scopeCategory! };
    case "ALL":
      return { kind: "ALL" };
  }
}

/**
 * Locks that count at `now`: active, not cancelled, of an active channel (an inactive channel sells nothing,
 * so its fences would only block the others). `upcoming` also returns scheduled ones (conflict checks).
 */
export async function loadLocks(tx: Tx, now: Date, opts: { upcoming?: boolean } = {}): Promise<LockRow[]> {
  return tx.channelLock.findMany({
    where: {
      cancelledAt: null,
      endsAt: { gt: now },
      ...(opts.upcoming ? {} : { startsAt: { lte: now } }),
      channel: { active: true },
    },
    orderBy: { id: "asc" },
  });
}

/** Activation snapshots and consumption of `lockIds` for `skuIds` (all SKUs when omitted). */
export async function loadUsage(tx: Tx, lockIds: number[], skuIds?: number[]): Promise<LockUsage> {
  if (lockIds.length === 0) return {};
  const rows = await tx.channelLockSku.findMany({
    where: { lockId: { in: lockIds }, ...(skuIds ? { skuId: { in: skuIds } } : {}) },
  });
  return {
    snapshots: lockSkuMap(
      rows.filter((r) => r.poolAtActivation !== null).map((r) => ({ lockId: r.lockId, skuId: r.skuId, units: r.poolAtActivation! })),
    ),
    consumed: lockSkuMap(rows.map((r) => ({ lockId: r.lockId, skuId: r.skuId, units: r.consumed }))),
  };
}
