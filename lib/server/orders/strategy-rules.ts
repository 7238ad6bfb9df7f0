import { z } from "zod";
import type { Strategy } from "@/lib/routing";

// The rules of a strategy version as stored (JSON) and as the editor sends them: validated here, read by lib/routing.
const locationIds = z.array(z.number().int().positive()).max(500);

export const filterSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("locationType"), types: z.array(z.enum(["WAREHOUSE", "DC", "STORE"])).min(1, "pick at least one location type") }),
  z.object({ kind: z.literal("sameRegion") }),
  z.object({ kind: z.literal("sameProvince") }),
  z.object({ kind: z.literal("capability") }),
  z.object({ kind: z.literal("capacity") }),
  z.object({ kind: z.literal("minAtpMargin"), units: z.number("must be a number").int("must be a whole number").min(0, "cannot be negative").max(1_000_000, "at most 1,000,000") }),
  z.object({ kind: z.literal("exclude"), locationIds }),
]);

export const rankerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("nearest"), measure: z.enum(["weighted", "max"]) }),
  z.object({ kind: z.literal("complete") }),
  z.object({ kind: z.literal("designated"), locationIds: locationIds.min(1, "list at least one location") }),
  z.object({ kind: z.literal("lowestCost") }),
]);

export const strategyRules = z
  .object({
    maxSplits: z.number().int("must be a whole number").min(0, "cannot be negative").max(4, "at most 4 splits (5 shipments)"),
    filters: z.array(filterSchema).max(20),
    rankers: z.array(rankerSchema).min(1, "a strategy needs at least one rule that ranks").max(10),
    pickupOptions: z.number().int().min(1).max(10).optional(),
  })
  .refine((r) => new Set(r.rankers.map((k) => k.kind)).size === r.rankers.length, { message: "each rule may appear once", path: ["rankers"] });

export function parseRules(json: unknown): Strategy {
  return strategyRules.parse(json);
}
