import "server-only";
import { Prisma } from "./generated/prisma/client";
import type { DataScope } from "@/lib/auth/roles";

// SQL twins of lib/inventory/stock.ts, over a stock_level row aliased `sl`.
export const ATP_SQL = Prisma.sql`GREATEST(0, sl.on_hand - sl.reserved - sl.safety_stock)`;
export const STOCK_OUT_SQL = Prisma.sql`(sl.on_hand - sl.reserved <= 0)`;
export const BELOW_SAFETY_SQL = Prisma.sql`(sl.on_hand - sl.reserved > 0 AND sl.on_hand - sl.reserved < sl.safety_stock)`;

/** A WHERE condition restricting stock_level `sl` to the caller's scope (sku aliased `k` must be joined for brands). */
export function stockScopeSql(scope: DataScope): Prisma.Sql {
  switch (scope.kind) {
    case "network":
      return Prisma.sql`TRUE`;
    case "brand":
      return Prisma.sql`k.brand_id = ${scope.brandId}`;
    case "location":
      return Prisma.sql`sl.location_id = ${scope.locationId}`;
  }
}
