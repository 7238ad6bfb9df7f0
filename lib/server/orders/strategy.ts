import "server-only";
import type { Strategy } from "@/lib/routing";
import { db } from "../db";
import type { Tx } from "../tx";
import { parseRules } from "./strategy-rules";

export type ActiveStrategy = { strategyId: number; versionId: number; code: string; rules: Strategy };

/** The active version of the channel's strategy, or of the default strategy when the channel has none. */
export async function activeStrategyFor(channelId: number, tx: Tx = db()): Promise<ActiveStrategy> {
  const rows = await tx.$queryRaw<{ strategy_id: number; version_id: number; code: string; rules: unknown }[]>`
    SELECT s.id AS strategy_id, v.id AS version_id, s.code, v.rules
    FROM routing_strategy s JOIN routing_strategy_version v ON v.strategy_id = s.id AND v.status = 'ACTIVE'
    WHERE s.id = (SELECT routing_strategy_id FROM channel WHERE id = ${channelId}) OR s.is_default
    ORDER BY s.is_default ASC
    LIMIT 1`;
  if (rows.length === 0) throw new Error("no active routing strategy (the default strategy has no active version)");
  const [row] = rows;
  return { strategyId: row.strategy_id, versionId: row.version_id, code: row.code, rules: parseRules(row.rules) };
}
