// The order list's URL search parameters, parsed and validated here (pure) so a filtered view is a plain link.
// Bad parameters are reported one by one and dropped; the rest of the view still works.
import { z } from "zod";
import { type ParamProblem, type RawParams, hasBlankSearchParams, parseSearchParams } from "@/lib/url/search-params";

export type { ParamProblem, RawParams };
import { zonedToUtc } from "@/lib/channels/zoned-time";

export const ORDER_STATUSES = ["PLACED", "RESERVED", "BACKORDERED", "READY", "PICKED_UP", "SHIPPED", "DELIVERED", "CANCELLED"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_PAGE_SIZE = 50;
/** Totals above this show as "10,000+": an exact count over millions of orders costs more than the page. */
export const ORDER_COUNT_CAP = 10_000;
const MAX_PAGE = 10_000;

export type OrderListQuery = {
  /** Channel code. */
  channel?: string;
  status?: OrderStatus;
  /** Code of a location that fulfils (some of) the order. */
  shipFrom?: string;
  /** Placed on or after this day / on or before this day (YYYY-MM-DD, business time zone). */
  from?: string;
  to?: string;
  /** Order number (the channel's, or the console's #id). */
  q?: string;
  page: number;
};


const code = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, "letters, digits, '-', '_' or '.' (up to 40)");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2026-11-22").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "not a calendar date");

const FIELDS = {
  channel: code,
  status: z.enum(ORDER_STATUSES, `one of ${ORDER_STATUSES.join(", ")}`),
  shipFrom: code,
  from: day,
  to: day,
  q: z.string().trim().min(1).max(64, "at most 64 characters"),
  page: z.coerce.number("a whole number").int("a whole number").min(1, "1 or more").max(MAX_PAGE, `at most ${MAX_PAGE}`),
} as const;

/** Parses the list's search parameters; unknown ones are ignored and blank ones mean "not set". */
export function parseOrderQuery(raw: RawParams): { query: OrderListQuery; problems: ParamProblem[] } {
  const { values, problems } = parseSearchParams(raw, FIELDS);
  const query: OrderListQuery = {
    channel: values.channel as string | undefined,
    status: values.status as OrderStatus | undefined,
    shipFrom: values.shipFrom as string | undefined,
    from: values.from as string | undefined,
    to: values.to as string | undefined,
    q: values.q as string | undefined,
    page: (values.page as number | undefined) ?? 1,
  };
  if (query.from && query.to && query.from > query.to) {
    problems.push({ param: "to", value: query.to, message: `before the start day ${query.from}` });
    query.to = undefined;
  }
  return { query, problems };
}

/** True when a known parameter came blank (a GET form's untouched fields): the page redirects to the tidy link. */
export function hasBlankParams(raw: RawParams): boolean {
  return hasBlankSearchParams(raw, Object.keys(FIELDS));
}

/** The list's link for `query` with `change` applied; page 1 and unset filters are left out. */
export function orderListHref(query: OrderListQuery, change: Partial<OrderListQuery> = {}): string {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of ["q", "channel", "status", "shipFrom", "from", "to"] as const) if (q[key]) params.set(key, q[key]!);
  if (q.page > 1) params.set("page", String(q.page));
  return params.size ? `/orders?${params}` : "/orders";
}

/** Whether any filter (not the page) is set. */
export function isFiltered(query: OrderListQuery): boolean {
  return Boolean(query.channel || query.status || query.shipFrom || query.from || query.to || query.q);
}

/**
 * The placed-at window of the day filters as instants: [midnight of `from`, midnight after `to`) in `timeZone`.
 * Days are whole days where the business is, whatever the server's zone.
 */
export function placedWindow(query: Pick<OrderListQuery, "from" | "to">, timeZone: string): { since?: Date; before?: Date } {
  const midnight = (d: string) => {
    const r = zonedToUtc(`${d}T00:00`, timeZone);
    // Midnight is skipped only in zones that jump at midnight; 01:00 is then the day's first instant.
    return r.ok ? r.date : (zonedToUtc(`${d}T01:00`, timeZone) as { ok: true; date: Date }).date;
  };
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { since: query.from ? midnight(query.from) : undefined, before: query.to ? midnight(nextDay(query.to)) : undefined };
}

/**
 * Page links: every page up to `last` when the total is exact, else up to two past the current one. null = a gap.
 */
export function pageLinks(current: number, last: number): (number | null)[] {
  const want = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2].filter((p) => p >= 1 && p <= last));
  const pages = [...want].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  pages.forEach((p, i) => {
    if (i > 0 && p - pages[i - 1] > 1) out.push(null);
    out.push(p);
  });
  return out;
}
