import "server-only";
import {
  type AtsExplanation,
  type ChannelLock,
  type LockScope,
  type LockUsage,
  type PreparedLocks,
  atsFor,
  atsForChannels,
  explainAts,
  lockSkuMap,
  prepareLocks,
  snapshotsNeeded,
} from "@/lib/allocation";
import { db } from "../db";
import { foldSoon } from "../rollups";
import { Prisma } from "../generated/prisma/client";
import type { SqlTx, Tx } from "../tx";
import { loadLocks, loadUsage, toDomainLock } from "./lock-rows";
import { type PoolSkuRow, poolAtpOf, poolOf, poolPage } from "./pool";

// The one definition of "available to sell" outside lib/allocation: load the pool, the locks active now and
// their usage, then ask lib/allocation. Order intake, the feed and the console all come through here.

// Up to this many SKUs, one round trip loads everything.
const FEW = 50;

export type ChannelAts = { skuId: number; code: string; poolAtp: number; ats: number };

/** Margins of every active channel; an inactive channel's ATS is 0 (it sells nothing). */
async function channelState(tx: Tx) {
  const channels = await tx.channel.findMany({ select: { id: true, active: true, safetyMargin: true } });
  return {
    active: new Set(channels.filter((c) => c.active).map((c) => c.id)),
    margins: new Map(channels.map((c) => [c.id, c.safetyMargin])),
  };
}

/** Rewrites the lock list before evaluation: the lock editor's preview adds or replaces an unsaved lock. */
export type LockOverride = (locks: ChannelLock[]) => ChannelLock[];

async function prepare(tx: Tx, skus: PoolSkuRow[], now: Date, allSkus: boolean, override?: LockOverride) {
  const [rows, channels] = await Promise.all([loadLocks(tx, now), channelState(tx)]);
  const usage = await loadUsage(tx, rows.map((l) => l.id), allSkus ? undefined : skus.map((s) => s.skuId));
  return finish(tx, skus, now, { locks: rows.map(toDomainLock), usage, ...channels }, override);
}

type Loaded = { locks: ChannelLock[]; usage: LockUsage; active: Set<number>; margins: Map<number, number> };

async function finish(tx: SqlTx, skus: PoolSkuRow[], now: Date, loaded: Loaded, override?: LockOverride) {
  const locks = (override ? override(loaded.locks) : loaded.locks).filter((l) => loaded.active.has(l.channelId));
  const prepared = prepareLocks({ locks, now, usage: loaded.usage, margins: loaded.margins });
  if (!override) await storeSnapshots(tx, prepared, skus);
  return { prepared, active: loaded.active };
}

type FewRow = {
  skus: PoolSkuRow[];
  locks: (Omit<ChannelLock, "startsAt" | "endsAt" | "cancelledAt" | "scope"> & { startsAt: string; endsAt: string; scope: LockScope })[] | null;
  usage: { lockId: number; skuId: number; pool: number | null; consumed: number }[] | null;
  channels: { id: number; active: boolean; margin: number }[];
};

/**
 * The same inputs for a handful of SKUs in one round trip (order intake, one SKU's ATS): pool, the locks active
 * at `now` and their usage for these SKUs, and the channels.
 */
async function prepareFew(tx: SqlTx, skuIds: number[], now: Date) {
  foldSoon();
  const [row] = await tx.$queryRaw<FewRow[]>`
    WITH active AS (
      SELECT l.* FROM channel_lock l
      WHERE l.cancelled_at IS NULL AND l.starts_at <= ${now} AND l.ends_at > ${now}
    )
    SELECT
      (SELECT COALESCE(json_agg(json_build_object('skuId', k.id, 'code', k.code, 'brandId', k.brand_id, 'category', k.category, 'poolAtp', pool.atp)
         ORDER BY k.id), '[]') FROM (${poolAtpOf(skuIds)}) pool JOIN sku k ON k.id = pool.sku_id) AS skus,
      (SELECT json_agg(json_build_object('id', a.id, 'channelId', a.channel_id, 'kind', a.kind, 'startsAt', a.starts_at, 'endsAt', a.ends_at,
         'amount', json_build_object('unit', a.unit, 'value', a.amount),
         'scope', json_build_object('kind', a.scope_kind, 'skuId', a.scope_sku_id, 'brandId', a.scope_brand_id, 'category', a.scope_category)))
       FROM active a) AS locks,
      (SELECT json_agg(json_build_object('lockId', u.lock_id, 'skuId', u.sku_id, 'pool', u.pool_at_activation, 'consumed', u.consumed))
       FROM channel_lock_sku u JOIN active a ON a.id = u.lock_id WHERE u.sku_id = ANY(${skuIds}::int[])) AS usage,
      (SELECT json_agg(json_build_object('id', c.id, 'active', c.active, 'margin', c.safety_margin)) FROM channel c) AS channels`;
  const usageRows = row.usage ?? [];
  const loaded: Loaded = {
    locks: (row.locks ?? []).map((l) => ({ ...l, startsAt: new Date(l.startsAt), endsAt: new Date(l.endsAt), cancelledAt: null })),
    usage: {
      snapshots: lockSkuMap(usageRows.filter((u) => u.pool !== null).map((u) => ({ lockId: u.lockId, skuId: u.skuId, units: u.pool! }))),
      consumed: lockSkuMap(usageRows.map((u) => ({ lockId: u.lockId, skuId: u.skuId, units: u.consumed }))),
    },
    active: new Set((row.channels ?? []).filter((c) => c.active).map((c) => c.id)),
    margins: new Map((row.channels ?? []).map((c) => [c.id, c.margin])),
  };
  return { skus: row.skus, ...(await finish(tx, row.skus, now, loaded)) };
}

/**
 * Percent locks are measured against the pool when they became active. The first evaluation after activation
 * (an order, the feed, the console) stores that pool; until then the current pool is the same number.
 */
async function storeSnapshots(tx: SqlTx, prepared: PreparedLocks, skus: PoolSkuRow[]) {
  const needs = snapshotsNeeded(prepared, skus);
  if (needs.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO channel_lock_sku (lock_id, sku_id, pool_at_activation)
    SELECT * FROM unnest(${needs.map((n) => n.lockId)}::int[], ${needs.map((n) => n.skuId)}::int[], ${needs.map((n) => n.poolAtp)}::int[])
    ON CONFLICT (lock_id, sku_id) DO UPDATE SET pool_at_activation = COALESCE(channel_lock_sku.pool_at_activation, EXCLUDED.pool_at_activation)`;
}

/** ATS of one channel for some SKUs (by id). */
export async function channelAts(channelId: number, skuIds: number[], now = new Date(), tx: Tx = db()): Promise<ChannelAts[]> {
  const { skus, prepared, active } =
    skuIds.length <= FEW ? await prepareFew(tx, skuIds, now) : await poolOf(skuIds, tx).then(async (skus) => ({ skus, ...(await prepare(tx, skus, now, false)) }));
  return skus.map((s) => ({ skuId: s.skuId, code: s.code, poolAtp: s.poolAtp, ats: active.has(channelId) ? atsFor(prepared, channelId, s) : 0 }));
}

/**
 * Order intake's view: ATS per SKU, and how many of the channel's own locks are active (their use is recorded).
 * One round trip whatever the number of SKUs (a 500-order batch names ≈ 800), in plain SQL.
 */
export async function channelAtsWithLocks(channelId: number, skuIds: number[], now: Date, tx: SqlTx) {
  const { skus, prepared, active } = await prepareFew(tx, skuIds, now);
  const { sku, brand, category, all } = prepared.index;
  const groups = [...sku.values(), ...brand.values(), ...category.values(), all];
  const ownLocks = groups.reduce((n, group) => n + group.filter((l) => l.channelId === channelId).length, 0);
  return { bySku: new Map(skus.map((s) => [s.skuId, active.has(channelId) ? atsFor(prepared, channelId, s) : 0])), ownLocks };
}

/** ATS of one channel for a page of the catalogue in id order (the feed's snapshot). */
export async function channelAtsPage(
  channelId: number,
  page: { afterId?: number; limit?: number; where?: Prisma.Sql },
  now = new Date(),
  tx: Tx = db(),
): Promise<ChannelAts[]> {
  const skus = await poolPage(page, tx);
  const { prepared, active } = await prepare(tx, skus, now, !page.limit);
  return skus.map((s) => ({ skuId: s.skuId, code: s.code, poolAtp: s.poolAtp, ats: active.has(channelId) ? atsFor(prepared, channelId, s) : 0 }));
}

export type AtsSelection = { skuId: number } | { brandId: number };

/**
 * Every active channel's ATS summed over one SKU or a brand's SKUs: the channels page chart. `override` rewrites the
 * stored locks when given (the lock editor's preview of an unsaved lock).
 */
export async function atsByChannel(
  selection: AtsSelection,
  now = new Date(),
  override?: LockOverride,
  tx: Tx = db(),
): Promise<{ poolAtp: number; skus: number; byChannel: Map<number, number> }> {
  const skus =
    "skuId" in selection ? await poolOf([selection.skuId], tx) : await poolPage({ where: Prisma.sql`k.brand_id = ${selection.brandId}` }, tx);
  const ready = await prepare(tx, skus, now, !("skuId" in selection), override);
  const prepared = ready.prepared;
  const byChannel = new Map<number, number>([...ready.active].map((id) => [id, 0]));
  let poolAtp = 0;
  for (const s of skus) {
    poolAtp += s.poolAtp;
    for (const [id, ats] of atsForChannels(prepared, s, ready.active)) byChannel.set(id, byChannel.get(id)! + ats);
  }
  return { poolAtp, skus: skus.length, byChannel };
}

/** Why a channel may sell what it may of one SKU. */
export async function explainChannelAts(channelId: number, skuId: number, now = new Date(), tx: Tx = db()): Promise<AtsExplanation | null> {
  const [sku] = await poolOf([skuId], tx);
  if (!sku) return null;
  const { prepared } = await prepare(tx, [sku], now, false);
  return explainAts(prepared, channelId, sku);
}
