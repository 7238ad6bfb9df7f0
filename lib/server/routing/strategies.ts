import "server-only";
import type { Strategy } from "@/lib/routing";
import { db } from "../db";
import { isUniqueViolation } from "../db-errors";
import { Prisma } from "../generated/prisma/client";
import { parseRules } from "../orders/strategy-rules";

// Routing strategies: one draft being edited and one active version each; activating retires the active one.
// Versions are never edited once active, so an order's strategy_version_id always says which rules routed it.

export type StrategyOutcome<T = { id: number }> = { ok: true; data: T } | { ok: false; field?: string; message: string };

export async function listStrategies() {
  const rows = await db().routingStrategy.findMany({
    orderBy: [{ isDefault: "desc" }, { code: "asc" }],
    include: {
      versions: { where: { status: { in: ["ACTIVE", "DRAFT"] } } },
      channels: { select: { id: true, code: true, name: true } },
    },
  });
  return rows.map((s) => ({
    id: s.id, code: s.code, name: s.name, isDefault: s.isDefault, channels: s.channels,
    active: s.versions.find((v) => v.status === "ACTIVE") ?? null,
    draft: s.versions.find((v) => v.status === "DRAFT") ?? null,
  }));
}

/** A strategy with every version, newest first: the history of who changed what. */
export async function getStrategy(id: number) {
  return db().routingStrategy.findUnique({
    where: { id },
    include: { versions: { orderBy: { version: "desc" } }, channels: { select: { id: true, code: true, name: true } } },
  });
}

export function rulesOf(version: { rules: Prisma.JsonValue }): Strategy {
  return parseRules(version.rules);
}

/** A new strategy whose first draft copies the default's active rules. */
export async function createStrategy(input: { code: string; name: string }, actor: string): Promise<StrategyOutcome> {
  try {
    return await db().$transaction(async (tx) => {
      const base = await tx.routingStrategyVersion.findFirst({ where: { status: "ACTIVE", strategy: { isDefault: true } } });
      const strategy = await tx.routingStrategy.create({ data: { code: input.code, name: input.name } });
      await tx.routingStrategyVersion.create({
        data: { strategyId: strategy.id, version: 1, status: "DRAFT", rules: (base?.rules ?? DEFAULT_RULES) as Prisma.InputJsonValue, createdBy: actor, note: "created" },
      });
      return { ok: true as const, data: { id: strategy.id } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "code", message: `a strategy with code ${input.code} exists` };
    throw error;
  }
}

const DEFAULT_RULES = { maxSplits: 1, filters: [{ kind: "capability" }, { kind: "capacity" }], rankers: [{ kind: "complete" }, { kind: "nearest", measure: "weighted" }, { kind: "lowestCost" }] };

/** Saves the draft (creating it from the rules given if there is none). `rules` must already be validated. */
export async function saveDraft(strategyId: number, rules: Strategy, note: string | null, actor: string): Promise<StrategyOutcome<{ version: number }>> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM routing_strategy WHERE id = ${strategyId} FOR UPDATE`;
    const strategy = await tx.routingStrategy.findUnique({ where: { id: strategyId } });
    if (!strategy) return { ok: false, message: `no strategy with id ${strategyId}` };
    const draft = await tx.routingStrategyVersion.findFirst({ where: { strategyId, status: "DRAFT" } });
    if (draft) {
      await tx.routingStrategyVersion.update({ where: { id: draft.id }, data: { rules: rules as unknown as Prisma.InputJsonValue, note, createdBy: actor, createdAt: new Date() } });
      return { ok: true, data: { version: draft.version } };
    }
    const last = await tx.routingStrategyVersion.aggregate({ where: { strategyId }, _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    await tx.routingStrategyVersion.create({ data: { strategyId, version, status: "DRAFT", rules: rules as unknown as Prisma.InputJsonValue, note, createdBy: actor } });
    return { ok: true, data: { version } };
  });
}

/** The draft goes live; the version it replaces is retired (kept, with who activated what and when). */
export async function activateDraft(strategyId: number, actor: string): Promise<StrategyOutcome<{ version: number }>> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM routing_strategy WHERE id = ${strategyId} FOR UPDATE`;
    const draft = await tx.routingStrategyVersion.findFirst({ where: { strategyId, status: "DRAFT" } });
    if (!draft) return { ok: false, message: "there is no draft to activate" };
    parseRules(draft.rules); // a stored draft that no longer validates must not go live
    await tx.routingStrategyVersion.updateMany({ where: { strategyId, status: "ACTIVE" }, data: { status: "RETIRED" } });
    await tx.routingStrategyVersion.update({ where: { id: draft.id }, data: { status: "ACTIVE", activatedBy: actor, activatedAt: new Date() } });
    return { ok: true, data: { version: draft.version } };
  });
}

export async function discardDraft(strategyId: number): Promise<boolean> {
  const { count } = await db().routingStrategyVersion.deleteMany({ where: { strategyId, status: "DRAFT" } });
  return count > 0;
}

/** The channel routes with this strategy from its next order; null = the default strategy. */
export async function assignStrategy(channelId: number, strategyId: number | null): Promise<StrategyOutcome> {
  if (strategyId !== null) {
    const active = await db().routingStrategyVersion.findFirst({ where: { strategyId, status: "ACTIVE" } });
    if (!active) return { ok: false, field: "strategyId", message: "activate a version of this strategy before a channel uses it" };
  }
  const { count } = await db().channel.updateMany({ where: { id: channelId }, data: { routingStrategyId: strategyId } });
  return count === 1 ? { ok: true, data: { id: channelId } } : { ok: false, field: "channelId", message: `no channel with id ${channelId}` };
}
