import "server-only";
import { z } from "zod";
import type { LockScope } from "@/lib/allocation";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { channelAts, channelAtsPage } from "./availability";
import { scopeOf } from "./lock-rows";

// The availability feed for channel integrations (GET /api/v1/availability). A `since` token holds a database
// snapshot (pg_current_snapshot) and the clock: the next delta lists the SKUs touched by every transaction that
// snapshot did not see — whatever order they committed in — plus lock windows that opened or closed in between.
// The token is taken before anything is read, so a change is reported again rather than ever missed.

const tokenShape = z.object({ s: z.string().regex(/^\d+:\d+:(\d+(,\d+)*)?$/), t: z.iso.datetime() });
const pageShape = tokenShape.extend({ a: z.number().int().nonnegative() });
type Token = z.infer<typeof tokenShape>;

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
function decode<T>(shape: z.ZodType<T>, raw: string): T | null {
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export class InvalidCursor extends Error {}

export type FeedItem = { sku: string; ats: number };
export type FeedPage = { items: FeedItem[]; asOf: Date; since: string; nextCursor?: string | null; unknown?: string[] };

async function takeToken(): Promise<{ token: Token; at: Date }> {
  const [row] = await db().$queryRaw<{ s: string; t: Date }[]>`SELECT pg_current_snapshot()::text AS s, clock_timestamp() AS t`;
  return { token: { s: row.s, t: row.t.toISOString() }, at: row.t };
}

/** The ATS of the SKUs named by code; unknown codes are listed, not an error. */
export async function feedList(channelId: number, codes: string[]): Promise<FeedPage> {
  const { token, at } = await takeToken();
  const skus = await db().sku.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  const items = await channelAts(channelId, skus.map((s) => s.id), at);
  const known = new Set(skus.map((s) => s.code));
  return { items: items.map((i) => ({ sku: i.code, ats: i.ats })), asOf: at, since: encode(token), unknown: codes.filter((c) => !known.has(c)) };
}

/** One page of the full snapshot in SKU order. Every page carries the first page's `since`. */
export async function feedSnapshot(channelId: number, cursor: string | undefined, limit: number): Promise<FeedPage> {
  let token: Token;
  let afterId = 0;
  let at: Date;
  if (cursor) {
    const page = decode(pageShape, cursor);
    if (!page) throw new InvalidCursor("cursor is not one this feed issued");
    token = { s: page.s, t: page.t };
    afterId = page.a;
    at = new Date();
  } else {
    ({ token, at } = await takeToken());
  }
  const rows = await channelAtsPage(channelId, { afterId, limit: limit + 1 }, at);
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  return {
    items: items.map((i) => ({ sku: i.code, ats: i.ats })),
    asOf: at,
    since: encode(token),
    nextCursor: more ? encode({ ...token, a: items[items.length - 1].skuId }) : null,
  };
}

/** SKUs whose ATS may have changed since `since`, with their ATS now, and the token for the next call. */
export async function feedDelta(channelId: number, since: string): Promise<FeedPage> {
  const previous = decode(tokenShape, since);
  if (!previous) throw new InvalidCursor("since is not a token this feed issued");
  const { token, at } = await takeToken();
  const skuIds = await changedSkus(channelId, previous, at);
  const items = skuIds.length > 0 ? await channelAts(channelId, skuIds, at) : [];
  return { items: items.map((i) => ({ sku: i.code, ats: i.ats })), asOf: at, since: encode(token) };
}

const ALL = Symbol("all SKUs");

async function changedSkus(channelId: number, since: Token, until: Date): Promise<number[]> {
  const snap = Prisma.sql`${since.s}::pg_snapshot`;
  const unseen = (column: Prisma.Sql) => Prisma.sql`${column} >= pg_snapshot_xmin(${snap}) AND NOT pg_visible_in_snapshot(${column}, ${snap})`;
  const [moved, channels, edits, windows] = await Promise.all([
    db().$queryRaw<{ sku_id: number }[]>`SELECT DISTINCT sku_id FROM stock_ledger WHERE ${unseen(Prisma.sql`xid`)}`,
    db().$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM channel WHERE ${unseen(Prisma.sql`xid`)}`,
    db().$queryRaw<{ before: LockJson | null; after: LockJson | null }[]>`
      SELECT before, after FROM channel_lock_event WHERE ${unseen(Prisma.sql`xid`)}`,
    db().channelLock.findMany({
      where: {
        OR: [
          { startsAt: { gt: new Date(since.t), lte: until } },
          { endsAt: { gt: new Date(since.t), lte: until } },
        ],
      },
    }),
  ]);
  // A channel's margin or active flag, or another channel's activity (its fences), moves every SKU.
  if (channels[0].n > 0) return allSkuIds();

  const scopes: LockScope[] = [];
  const affects = (lock: { channelId: number; kind: string }) =>
    lock.kind === "CAP" ? lock.channelId === channelId : lock.channelId !== channelId;
  for (const e of edits) for (const l of [e.before, e.after]) if (l && affects(l)) scopes.push(scopeOf(l));
  for (const l of windows) if (affects(l)) scopes.push(scopeOf(l));

  const ids = new Set(moved.map((m) => m.sku_id));
  const covered = await skusOf(scopes);
  if (covered === ALL) return allSkuIds();
  for (const id of covered) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

type LockJson = { channelId: number; kind: string; scopeKind: "SKU" | "BRAND" | "CATEGORY" | "ALL"; scopeSkuId: number | null; scopeBrandId: number | null; scopeCategory: string | null };

async function skusOf(scopes: LockScope[]): Promise<number[] | typeof ALL> {
  if (scopes.some((s) => s.kind === "ALL")) return ALL;
  const skuIds = scopes.flatMap((s) => (s.kind === "SKU" ? [s.skuId] : []));
  const brandIds = scopes.flatMap((s) => (s.kind === "BRAND" ? [s.brandId] : []));
  const categories = scopes.flatMap((s) => (s.kind === "CATEGORY" ? [s.category] : []));
  if (brandIds.length === 0 && categories.length === 0) return skuIds;
  const rows = await db().sku.findMany({
    where: { OR: [{ brandId: { in: brandIds } }, { category: { in: categories } }] },
    select: { id: true },
  });
  return [...skuIds, ...rows.map((r) => r.id)];
}

async function allSkuIds(): Promise<number[]> {
  return (await db().sku.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
}
