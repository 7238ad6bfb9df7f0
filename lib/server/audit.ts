import "server-only";
import { z } from "zod";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { and } from "./inventory/sql";
import { MovementType } from "./generated/prisma/enums";

const day = z.iso.date({ message: "use a date like 2026-11-22" });
const text = z.string().trim().max(100);

/** Audit history filters as they arrive in the URL; empty strings mean "no filter". */
export const historyFilters = z.object({
  sku: text.optional(),
  location: text.optional(),
  actor: text.optional(),
  type: z.enum(Object.values(MovementType) as [MovementType, ...MovementType[]]).optional(),
  from: day.optional(),
  to: day.optional(),
  before: z.coerce.bigint().positive().optional(),
  after: z.coerce.bigint().positive().optional(),
});
export type HistoryFilters = z.infer<typeof historyFilters>;

export type HistoryRow = {
  id: string; createdAt: Date; location: string; sku: string; type: MovementType;
  onHandBefore: number; onHandAfter: number; reservedBefore: number; reservedAfter: number;
  actor: string; reason: string | null; reference: string | null;
};

const PAGE = 50;

/** One page of ledger history, newest first, keyset-paged by id (`before` = older page, `after` = newer page). */
export async function ledgerHistory(f: HistoryFilters): Promise<{ rows: HistoryRow[]; newer: string | null; older: string | null }> {
  const conditions: Prisma.Sql[] = [];
  if (f.sku) conditions.push(Prisma.sql`l.sku_id = (SELECT id FROM sku WHERE code = ${f.sku})`);
  if (f.location) conditions.push(Prisma.sql`l.location_id = (SELECT id FROM location WHERE code = ${f.location})`);
  if (f.actor) conditions.push(Prisma.sql`l.actor = ${f.actor}`);
  if (f.type) conditions.push(Prisma.sql`l.type = ${f.type}::"MovementType"`);
  if (f.from) conditions.push(Prisma.sql`l.created_at >= ${f.from}::date`);
  if (f.to) conditions.push(Prisma.sql`l.created_at < ${f.to}::date + 1`);
  const base = and(conditions);
  const goingNewer = f.after !== undefined && f.before === undefined;
  const cursor = goingNewer ? Prisma.sql`l.id > ${f.after}` : f.before !== undefined ? Prisma.sql`l.id < ${f.before}` : Prisma.sql`TRUE`;

  const rows = await db().$queryRaw<(Omit<HistoryRow, "id"> & { id: bigint })[]>`
    SELECT l.id, l.created_at AS "createdAt", loc.code AS location, k.code AS sku, l.type,
           l.on_hand_before AS "onHandBefore", l.on_hand_after AS "onHandAfter",
           l.reserved_before AS "reservedBefore", l.reserved_after AS "reservedAfter", l.actor, l.reason, l.reference
    FROM stock_ledger l JOIN location loc ON loc.id = l.location_id JOIN sku k ON k.id = l.sku_id
    WHERE ${base} AND ${cursor}
    ORDER BY l.id ${goingNewer ? Prisma.sql`ASC` : Prisma.sql`DESC`}
    LIMIT ${PAGE + 1}`;
  const more = rows.length > PAGE;
  const page = rows.slice(0, PAGE).map((r) => ({ ...r, id: r.id.toString() }));
  if (goingNewer) page.reverse();
  const first = page[0]?.id ?? null;
  const last = page[page.length - 1]?.id ?? null;
  return {
    rows: page,
    // A newer page exists when we paged back from it, or when going newer found more than a page.
    newer: goingNewer ? (more ? first : null) : f.before !== undefined ? first : null,
    older: goingNewer ? last : more ? last : null,
  };
}

export async function ledgerSummary(): Promise<{ entries: number; stockLevels: number; lastAt: Date | null }> {
  const [row] = await db().$queryRaw<{ entries: bigint; levels: bigint; last: Date | null }[]>`
    SELECT (SELECT COUNT(*) FROM stock_ledger) AS entries, (SELECT COUNT(*) FROM stock_level) AS levels,
           (SELECT MAX(created_at) FROM stock_ledger) AS last`;
  return { entries: Number(row.entries), stockLevels: Number(row.levels), lastAt: row.last };
}
