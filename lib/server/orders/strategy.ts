import "server-only";
import type { Strategy } from "@/lib/routing";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "../tx";
import { parseRules } from "./strategy-rules";

export type ActiveStrategy = { strategyId: number; versionId: number; code: string; rules: Strategy };
type Row = { strategy_id: number; version_id: number; code: string; rules: unknown };

/**
 * The active version of the channel's strategy, or of the default strategy when the channel has none, as one JSON
 * value (null when there is none): a scalar subquery, so order intake reads it in the round trip it needs anyway.
 */
export function activeStrategySql(channelId: number): Prisma.Sql {
  return Prisma.sql`(
    SELECT json_build_object('strategy_id', s.id, 'version_id', v.id, 'code', s.code, 'rules', v.rules)
    FROM routing_strategy s JOIN routing_strategy_version v ON v.strategy_id = s.id AND v.status = 'ACTIVE'
    WHERE s.id = (SELECT routing_strategy_id FROM channel WHERE id = ${channelId}) OR s.is_default
    ORDER BY s.is_default ASC
    LIMIT 1)`;
}

export function toActiveStrategy(row: Row | null): ActiveStrategy {
  if (!row) throw new Error("no active routing strategy (the default strategy has no active version)");
  return { strategyId: row.strategy_id, versionId: row.version_id, code: row.code, rules: parseRules(row.rules) };
}

export async function activeStrategyFor(channelId: number, tx: Tx = db()): Promise<ActiveStrategy> {
  const [{ strategy }] = await tx.$queryRaw<{ strategy: Row | null }[]>`SELECT ${activeStrategySql(channelId)} AS strategy`;
  return toActiveStrategy(strategy);
}
