import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { Prisma } from "../generated/prisma/client";
import { stockScopeSql } from "../stock-sql";

// SQL pieces shared by the inventory queries. Only fixed text and bound parameters: user input never
// becomes SQL text.

export const and = (parts: Prisma.Sql[]): Prisma.Sql => (parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`);

/** A lot still holding units; indexed by the partial indexes of the inventory_indexes migration. */
export const OPEN_LOT = Prisma.sql`remaining > 0`;

/** The oldest open lot of stock level `sl`, as a LATERAL subquery yielding `oldest_received_at`. */
export const OLDEST_LOT_LATERAL = Prisma.sql`LEFT JOIN LATERAL (
    SELECT lt.received_at AS oldest_received_at FROM stock_lot lt
    WHERE lt.location_id = sl.location_id AND lt.sku_id = sl.sku_id AND lt.remaining > 0
    ORDER BY lt.received_at, lt.id LIMIT 1
  ) oldest ON TRUE`;

/** Timestamps go in as ISO text cast to timestamptz, so the session time zone cannot shift them. */
export const ts = (d: Date): Prisma.Sql => Prisma.sql`${d.toISOString()}::timestamptz`;

/** Whether the caller may see SKU `k` at all: their brand's, or stocked at their location, or any for HQ. */
export function skuVisibleSql(scope: DataScope): Prisma.Sql {
  switch (scope.kind) {
    case "network":
      return Prisma.sql`TRUE`;
    case "brand":
      return stockScopeSql(scope);
    case "location":
      return Prisma.sql`EXISTS (SELECT 1 FROM stock_level sl WHERE sl.sku_id = k.id AND ${stockScopeSql(scope)})`;
  }
}

/** LIKE pattern matching `text` anywhere, with the user's own % _ \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
