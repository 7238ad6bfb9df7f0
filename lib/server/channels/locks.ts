import "server-only";
import {
  type ChannelLock,
  type LockAmount,
  type LockKind,
  type LockScope,
  findConflicts,
  lockProblems,
  lockState,
} from "@/lib/allocation";
import { db } from "../db";
import { Prisma, type ChannelLock as LockRow } from "../generated/prisma/client";
import type { Tx } from "../tx";
import { type AtsSelection, atsByChannel } from "./availability";
import { loadLocks, loadUsage, toDomainLock } from "./lock-rows";
import { poolOf, poolPage } from "./pool";

export type LockInput = {
  channelId: number;
  name: string;
  kind: LockKind;
  scope: LockScope;
  amount: LockAmount;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
};

export type ConflictView = {
  sku: string;
  poolAtp: number;
  fenced: number;
  from: Date;
  locks: { id: number | null; name: string; channel: string }[];
};

export type LockRefusal =
  | { reason: "not_found" | "not_editable" | "stale" }
  | { reason: "invalid"; field: string; message: string }
  | { reason: "conflict"; conflicts: ConflictView[]; more: number };

export type LockOutcome = { ok: true; lock: LockRow } | { ok: false; refusal: LockRefusal };

// Conflict checks and writes are serialized, so two editors cannot each pass the check and together overcommit.
const LOCK_WRITES = Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('yipan.channel_locks'))`;
const NEW_LOCK_ID = -1;
const CONFLICTS_SHOWN = 20;

function rowData(input: LockInput) {
  const { scope, amount } = input;
  return {
    channelId: input.channelId,
    name: input.name,
    kind: input.kind,
    scopeKind: scope.kind,
    scopeSkuId: scope.kind === "SKU" ? scope.skuId : null,
    scopeBrandId: scope.kind === "BRAND" ? scope.brandId : null,
    scopeCategory: scope.kind === "CATEGORY" ? scope.category : null,
    unit: amount.unit,
    amount: amount.value,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
  };
}

/** The lock as history records it (dates as ISO strings). */
function snapshot(row: LockRow) {
  return JSON.parse(JSON.stringify(row)) as Prisma.InputJsonValue;
}

/** References that must exist: the channel, and the SKU, brand or category in scope. */
async function checkReferences(tx: Tx, input: LockInput): Promise<LockRefusal | null> {
  const invalid = (field: string, message: string): LockRefusal => ({ reason: "invalid", field, message });
  if (!(await tx.channel.findUnique({ where: { id: input.channelId } }))) return invalid("channelId", `no channel with id ${input.channelId}`);
  const { scope } = input;
  if (scope.kind === "SKU" && !(await tx.sku.findUnique({ where: { id: scope.skuId } }))) return invalid("scope", `no SKU with id ${scope.skuId}`);
  if (scope.kind === "BRAND" && !(await tx.brand.findUnique({ where: { id: scope.brandId } })))
    return invalid("scope", `no brand with id ${scope.brandId}`);
  if (scope.kind === "CATEGORY" && !(await tx.sku.findFirst({ where: { category: scope.category } })))
    return invalid("scope", `no SKU in category "${scope.category}"`);
  for (const problem of lockProblems(input)) {
    if (problem === "EMPTY_WINDOW") return invalid("endsAt", "the end must be after the start");
    if (problem === "UNITS_NOT_WHOLE") return invalid("amount", "units must be a whole number");
    return invalid("amount", "a percentage must be between 0 and 100");
  }
  return null;
}

/** SKUs the scope covers, with pool ATP (the conflict check needs each one). */
function skusInScope(tx: Tx, scope: LockScope) {
  switch (scope.kind) {
    case "SKU":
      return poolOf([scope.skuId], tx);
    case "BRAND":
      return poolPage({ where: Prisma.sql`k.brand_id = ${scope.brandId}` }, tx);
    case "CATEGORY":
      return poolPage({ where: Prisma.sql`k.category = ${scope.category}` }, tx);
    case "ALL":
      return poolPage({}, tx);
  }
}

/** Ring-fences overlapping the candidate that together exceed some SKU's pool, named for people. */
async function conflictsOf(tx: Tx, candidate: ChannelLock, candidateName: string, now: Date): Promise<LockRefusal | null> {
  if (candidate.kind !== "RING_FENCE") return null;
  const rows = (await loadLocks(tx, now, { upcoming: true })).filter((r) => r.id !== candidate.id);
  const skus = await skusInScope(tx, candidate.scope);
  const usage = await loadUsage(tx, rows.map((r) => r.id), candidate.scope.kind === "SKU" ? [candidate.scope.skuId] : undefined);
  const conflicts = findConflicts([...rows.map(toDomainLock), candidate], skus, { now, usage, involving: candidate.id });
  if (conflicts.length === 0) return null;

  const channels = new Map((await tx.channel.findMany({ select: { id: true, code: true } })).map((c) => [c.id, c.code]));
  const named = new Map<number, ConflictView["locks"][number]>(
    rows.map((r) => [r.id, { id: r.id, name: r.name, channel: channels.get(r.channelId) ?? "?" }]),
  );
  named.set(candidate.id, { id: candidate.id === NEW_LOCK_ID ? null : candidate.id, name: candidateName, channel: channels.get(candidate.channelId) ?? "?" });
  const code = new Map(skus.map((s) => [s.skuId, s.code]));
  return {
    reason: "conflict",
    more: Math.max(0, conflicts.length - CONFLICTS_SHOWN),
    conflicts: conflicts.slice(0, CONFLICTS_SHOWN).map((c) => ({
      sku: code.get(c.skuId) ?? String(c.skuId),
      poolAtp: c.poolAtp,
      fenced: c.fenced,
      from: c.from,
      // Existing locks first, the one being saved last.
      locks: c.lockIds.map((id) => named.get(id)!).sort((a, b) => Number(a.id === null) - Number(b.id === null)),
    })),
  };
}

async function guarded<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw(LOCK_WRITES);
    return work(tx);
  });
}

/** Creates a lock; refused (nothing written) when a reference is missing or ring-fences would overcommit. */
export async function createLock(input: LockInput, actor: string, now = new Date()): Promise<LockOutcome> {
  return guarded(async (tx) => {
    const refused = await checkReferences(tx, input);
    if (refused) return { ok: false, refusal: refused };
    const candidate: ChannelLock = { id: NEW_LOCK_ID, ...domainOf(input) };
    const conflict = await conflictsOf(tx, candidate, input.name, now);
    if (conflict) return { ok: false, refusal: conflict };
    const lock = await tx.channelLock.create({ data: { ...rowData(input), createdBy: actor } });
    await tx.channelLockEvent.create({ data: { lockId: lock.id, action: "CREATED", actor, after: snapshot(lock) } });
    return { ok: true, lock };
  });
}

/** Edits a scheduled or active lock, if nobody changed it since `version` was read. */
export async function updateLock(id: number, version: number, input: LockInput, actor: string, now = new Date()): Promise<LockOutcome> {
  return guarded(async (tx) => {
    const before = await tx.channelLock.findUnique({ where: { id } });
    if (!before) return { ok: false, refusal: { reason: "not_found" } };
    const state = lockState(toDomainLock(before), now);
    if (state === "ended" || state === "cancelled") return { ok: false, refusal: { reason: "not_editable" } };
    if (before.version !== version) return { ok: false, refusal: { reason: "stale" } };
    if (input.channelId !== before.channelId) return { ok: false, refusal: { reason: "invalid", field: "channelId", message: "a lock cannot move to another channel; cancel it and create a new one" } };
    const refused = await checkReferences(tx, input);
    if (refused) return { ok: false, refusal: refused };
    const conflict = await conflictsOf(tx, { id, ...domainOf(input) }, input.name, now);
    if (conflict) return { ok: false, refusal: conflict };
    const lock = await tx.channelLock.update({ where: { id }, data: { ...rowData(input), version: { increment: 1 } } });
    await tx.channelLockEvent.create({ data: { lockId: id, action: "EDITED", actor, before: snapshot(before), after: snapshot(lock) } });
    return { ok: true, lock };
  });
}

/** Cancels a scheduled or active lock: its units return to the pool at once. */
export async function cancelLock(id: number, actor: string, now = new Date()): Promise<LockOutcome> {
  return guarded(async (tx) => {
    const before = await tx.channelLock.findUnique({ where: { id } });
    if (!before) return { ok: false, refusal: { reason: "not_found" } };
    const state = lockState(toDomainLock(before), now);
    if (state === "ended" || state === "cancelled") return { ok: false, refusal: { reason: "not_editable" } };
    const lock = await tx.channelLock.update({ where: { id }, data: { cancelledAt: now, version: { increment: 1 } } });
    await tx.channelLockEvent.create({ data: { lockId: id, action: "CANCELLED", actor, before: snapshot(before), after: snapshot(lock) } });
    return { ok: true, lock };
  });
}

function domainOf(input: LockInput): Omit<ChannelLock, "id"> {
  return { channelId: input.channelId, kind: input.kind, scope: input.scope, amount: input.amount, startsAt: input.startsAt, endsAt: input.endsAt };
}

/**
 * Each channel's ATS over `selection` without and with the unsaved lock (replacing `editingId` when editing),
 * evaluated at the lock's start or now, whichever is later, against today's pool.
 */
export async function previewLock(input: LockInput, selection: AtsSelection, editingId?: number, now = new Date()) {
  const at = new Date(Math.max(now.getTime(), input.startsAt.getTime()));
  const candidate: ChannelLock = { id: editingId ?? NEW_LOCK_ID, ...domainOf(input) };
  const [before, after] = await Promise.all([
    atsByChannel(selection, at, (locks) => locks), // an override also keeps the preview from storing snapshots
    atsByChannel(selection, at, (locks) => [...locks.filter((l) => l.id !== editingId), candidate]),
  ]);
  return { at, poolAtp: before.poolAtp, skus: before.skus, before: before.byChannel, after: after.byChannel };
}

export type LockListItem = LockRow & { channel: { code: string; name: string }; state: ReturnType<typeof lockState> };

/** Locks whose window meets [from, to), for the timeline and the list; newest start first. */
export async function listLocks(range: { from: Date; to: Date }, now = new Date()): Promise<LockListItem[]> {
  const rows = await db().channelLock.findMany({
    where: { startsAt: { lt: range.to }, endsAt: { gt: range.from } },
    include: { channel: { select: { code: true, name: true } } },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
  });
  return rows.map((r) => ({ ...r, state: lockState(toDomainLock(r), now) }));
}

export async function getLock(id: number, now = new Date()) {
  const row = await db().channelLock.findUnique({
    where: { id },
    include: { channel: { select: { code: true, name: true } }, events: { orderBy: { id: "desc" } } },
  });
  if (!row) return null;
  const consumed = await db().channelLockSku.aggregate({ where: { lockId: id }, _sum: { consumed: true } });
  return { ...row, state: lockState(toDomainLock(row), now), consumed: consumed._sum.consumed ?? 0 };
}
