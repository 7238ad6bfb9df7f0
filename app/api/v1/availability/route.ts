import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { apiError, zodFields } from "@/lib/server/api/errors";
import { requireCaller } from "@/lib/server/api/request";
import { InvalidCursor, feedDelta, feedList, feedSnapshot, type FeedPage } from "@/lib/server/channels/feed";

// GET /api/v1/availability — available-to-sell for the API key's channel (Authorization: Bearer <channel key>).
//   ?skus=A,B,C               those SKUs
//   ?limit=1000[&cursor=…]    the full snapshot in pages; follow nextCursor until it is null
//   ?since=<token>            SKUs whose ATS may have changed since the token (every answer carries the next one)
const query = z
  .object({
    skus: z.string().trim().min(1).optional()
      .transform((v) => (v === undefined ? undefined : [...new Set(v.split(",").map((s) => s.trim()).filter(Boolean))]))
      .refine((v) => v === undefined || v.length <= 1000, "at most 1,000 SKU codes per request"),
    cursor: z.string().min(1).max(2000).optional(),
    since: z.string().min(1).max(100_000).optional(),
    limit: z.coerce.number("must be a number").int("must be a whole number").min(1, "at least 1").max(5000, "at most 5,000").default(1000),
  })
  .refine((q) => [q.skus, q.cursor, q.since].filter((v) => v !== undefined).length <= 1, {
    message: "use one of skus, cursor or since",
    path: ["since"],
  });

export async function GET(request: NextRequest) {
  const who = await requireCaller(request);
  if (!who.ok) return who.response;
  const caller = who.value;
  if (caller.channelId === null) {
    return apiError(403, "channel_key_required", "This key does not belong to a channel; create one on the channel's page.");
  }
  const raw = Object.fromEntries(request.nextUrl.searchParams);
  const parsed = query.safeParse(raw);
  if (!parsed.success) return apiError(400, "invalid_query", "The query is not valid.", zodFields(parsed.error, raw));
  const channel = caller.channel;
  if (!channel) return apiError(403, "channel_key_required", "This key's channel no longer exists.");

  const q = parsed.data;
  let page: FeedPage;
  try {
    page = q.skus ? await feedList(channel.id, q.skus)
      : q.since ? await feedDelta(channel.id, q.since)
      : await feedSnapshot(channel.id, q.cursor, q.limit);
  } catch (error) {
    if (error instanceof InvalidCursor) return apiError(400, "invalid_cursor", error.message);
    console.error("GET /api/v1/availability", error);
    return apiError(500, "internal", "Something went wrong on our side; retry the same request.");
  }
  return NextResponse.json({ channel: channel.code, active: channel.active, ...page });
}
