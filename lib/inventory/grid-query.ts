// The inventory grid's URL search parameters: parsed and validated here (pure), so a filtered view is a link
// and the export route reads exactly the same filters. Bad parameters are reported one by one and dropped;
// the rest of the view still works.
import { z } from "zod";
import { type ParamProblem, type RawParams, hasBlankSearchParams, parseSearchParams } from "@/lib/url/search-params";

export type { ParamProblem, RawParams };

export const PAGE_SIZE = 50;
/** Totals above this are shown as "10,000+": counting millions of rows exactly costs more than the page. */
export const COUNT_CAP = 10_000;
const MAX_PAGE = 100_000;

export const LOCATION_TYPES = ["WAREHOUSE", "DC", "STORE"] as const;
export type LocationTypeKey = (typeof LOCATION_TYPES)[number];

export const GRID_SORTS = ["sku", "location", "onHand", "reserved", "safety", "inTransit", "atp", "age"] as const;
export type GridSort = (typeof GRID_SORTS)[number];
export type SortDir = "asc" | "desc";

export type GridFilters = {
  q?: string;
  brand?: string;
  category?: string;
  type?: LocationTypeKey;
  region?: string;
  /** One location, by exact code (links from a location page). */
  location?: string;
  /** Status filters; a row is a stock-out or below safety, never both, so together they mean "either". */
  out: boolean;
  below: boolean;
  /** Has a lot with units left that was received more than 90 days ago. */
  aged: boolean;
};

export type GridQuery = GridFilters & { sort: GridSort; dir: SortDir; page: number };


/** Codes read first-to-last (A→Z); quantities and age are most useful largest-first. */
export function defaultDir(sort: GridSort): SortDir {
  return sort === "sku" || sort === "location" ? "asc" : "desc";
}

export const DEFAULT_QUERY: GridQuery = { out: false, below: false, aged: false, sort: "sku", dir: "asc", page: 1 };

const text = (max: number) => z.string().trim().min(1).max(max, `at most ${max} characters`);
const code = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, "letters, digits, '-', '_' or '.' (up to 40)");
const flag = z.enum(["1", "true", "on", "0", "false", "off"], "use 1 or 0").transform((v) => v === "1" || v === "true" || v === "on");

const FIELDS = {
  q: text(100),
  brand: code,
  category: text(100),
  type: z.enum(LOCATION_TYPES, `one of ${LOCATION_TYPES.join(", ")}`),
  region: code,
  location: code,
  out: flag,
  below: flag,
  aged: flag,
  sort: z.enum(GRID_SORTS, `one of ${GRID_SORTS.join(", ")}`),
  dir: z.enum(["asc", "desc"], "asc or desc"),
  page: z.coerce.number("a whole number").int("a whole number").min(1, "1 or more").max(MAX_PAGE, `at most ${MAX_PAGE}`),
} as const;

/** Parses the grid's search parameters. Unknown parameters are ignored; empty ones mean "not set". */
export function parseGridQuery(raw: RawParams): { query: GridQuery; problems: ParamProblem[] } {
  const { values, problems } = parseSearchParams(raw, FIELDS);
  const sort = (values.sort as GridSort | undefined) ?? DEFAULT_QUERY.sort;
  const query: GridQuery = {
    q: values.q as string | undefined,
    brand: values.brand as string | undefined,
    category: values.category as string | undefined,
    type: values.type as LocationTypeKey | undefined,
    region: values.region as string | undefined,
    location: values.location as string | undefined,
    out: (values.out as boolean | undefined) ?? false,
    below: (values.below as boolean | undefined) ?? false,
    aged: (values.aged as boolean | undefined) ?? false,
    sort,
    dir: (values.dir as SortDir | undefined) ?? defaultDir(sort),
    page: (values.page as number | undefined) ?? 1,
  };
  return { query, problems };
}

/** True when a known parameter came blank (a GET form's untouched fields): the page redirects to the tidy link. */
export function hasBlankParams(raw: RawParams): boolean {
  return hasBlankSearchParams(raw, Object.keys(FIELDS));
}

/** The query as search parameters, leaving out defaults so links stay short. */
export function gridSearchParams(query: GridQuery, change: Partial<GridQuery> = {}): URLSearchParams {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of ["q", "brand", "category", "type", "region", "location"] as const) if (q[key]) params.set(key, q[key]!);
  for (const key of ["out", "below", "aged"] as const) if (q[key]) params.set(key, "1");
  if (q.sort !== DEFAULT_QUERY.sort) params.set("sort", q.sort);
  if (q.dir !== defaultDir(q.sort)) params.set("dir", q.dir);
  if (q.page !== 1) params.set("page", String(q.page));
  return params;
}

export function gridHref(base: string, query: GridQuery, change: Partial<GridQuery> = {}): string {
  const search = gridSearchParams(query, change).toString();
  return search ? `${base}?${search}` : base;
}

/** True when any filter (not sort or page) is set. */
export function hasFilters(f: GridFilters): boolean {
  return Boolean(f.q || f.brand || f.category || f.type || f.region || f.location || f.out || f.below || f.aged);
}

/** The page numbers to link to around `current`, with null for a gap ("…"). */
export function pageWindow(current: number, last: number, radius = 2): (number | null)[] {
  const pages = new Set<number>([1, last]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= last) pages.add(p);
  const sorted = [...pages].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    if (out.length > 0 && p - (out[out.length - 1] as number) > 1) out.push(null);
    out.push(p);
  }
  return out;
}

const codeParam = z.string().min(1).max(64).regex(/^[^\u0000-\u001f\u007f]+$/);

/** A SKU or location code from a route segment (decoded once if the router left it encoded), or null. */
export function parseCodeParam(raw: string): string | null {
  let value = raw;
  if (/%[0-9A-Fa-f]{2}/.test(value)) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  const parsed = codeParam.safeParse(value);
  return parsed.success ? parsed.data : null;
}
