import "server-only";
import type { DataScope } from "@/lib/auth/roles";
import { db } from "./db";

/** The name of what a scope covers (a brand's or a location's name), for headers. */
export async function scopeName(scope: DataScope): Promise<string | null> {
  if (scope.kind === "brand") return (await db().brand.findUnique({ where: { id: scope.brandId } }))?.name ?? null;
  if (scope.kind === "location")
    return (await db().location.findUnique({ where: { id: scope.locationId } }))?.name ?? null;
  return null;
}
