// The replenishment page's URL search parameters, parsed and validated (pure, no database), so a filtered view is a
// link and the CSV export reads exactly the same filters. Bad parameters are reported and dropped.
import { z } from "zod";
import { type ParamProblem, type RawParams, hasBlankSearchParams, parseSearchParams } from "@/lib/url/search-params";

export type { ParamProblem, RawParams };

export const REPLENISHMENT_PAGE_SIZE = 50;
const MAX_PAGE = 10_000;

export const REPLENISHMENT_SORTS = ["quantity", "sku", "onHand", "demand", "position", "reorderPoint", "target", "cover"] as const;
export type ReplenishmentSort = (typeof REPLENISHMENT_SORTS)[number];
export type SortDir = "asc" | "desc";

export type ReplenishmentFilters = {
  /** Location code; absent → the caller's store, or (HQ) the first warehouse. */
  location?: string;
  brand?: string;
  category?: string;
  /** SKU code or name contains. */
  q?: string;
  /** Only rows with a quantity to order. */
  needs: boolean;
};

export type ReplenishmentQuery = ReplenishmentFilters & { sort: ReplenishmentSort; dir: SortDir; page: number };


/** Quantities read largest first (what to order comes first by default); codes and cover (shortest first) ascending. */
export function defaultDir(sort: ReplenishmentSort): SortDir {
  return sort === "sku" || sort === "cover" ? "asc" : "desc";
}

export const DEFAULT_REPLENISHMENT_QUERY: ReplenishmentQuery = { needs: false, sort: "quantity", dir: "desc", page: 1 };

const code = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, "letters, digits, '-', '_' or '.' (up to 40)");
const text = (max: number) => z.string().trim().min(1).max(max, `at most ${max} characters`);
const flag = z.enum(["1", "true", "on", "0", "false", "off"], "use 1 or 0").transform((v) => v === "1" || v === "true" || v === "on");

const FIELDS = {
  location: code,
  brand: code,
  category: text(100),
  q: text(100),
  needs: flag,
  sort: z.enum(REPLENISHMENT_SORTS, `one of ${REPLENISHMENT_SORTS.join(", ")}`),
  dir: z.enum(["asc", "desc"], "asc or desc"),
  page: z.coerce.number("a whole number").int("a whole number").min(1, "1 or more").max(MAX_PAGE, `at most ${MAX_PAGE}`),
} as const;

export function parseReplenishmentQuery(raw: RawParams): { query: ReplenishmentQuery; problems: ParamProblem[] } {
  const { values, problems } = parseSearchParams(raw, FIELDS);
  const sort = (values.sort as ReplenishmentSort | undefined) ?? DEFAULT_REPLENISHMENT_QUERY.sort;
  return {
    query: {
      location: values.location as string | undefined,
      brand: values.brand as string | undefined,
      category: values.category as string | undefined,
      q: values.q as string | undefined,
      needs: (values.needs as boolean | undefined) ?? false,
      sort,
      dir: (values.dir as SortDir | undefined) ?? defaultDir(sort),
      page: (values.page as number | undefined) ?? 1,
    },
    problems,
  };
}

/** True when a known parameter came blank (a GET form's untouched fields): the page redirects to the tidy link. */
export function hasBlankParams(raw: RawParams): boolean {
  return hasBlankSearchParams(raw, Object.keys(FIELDS));
}

/** The query as search parameters, defaults left out so links stay short. */
export function replenishmentSearchParams(query: ReplenishmentQuery, change: Partial<ReplenishmentQuery> = {}): URLSearchParams {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of ["location", "brand", "category", "q"] as const) if (q[key]) params.set(key, q[key]!);
  if (q.needs) params.set("needs", "1");
  if (q.sort !== DEFAULT_REPLENISHMENT_QUERY.sort) params.set("sort", q.sort);
  if (q.dir !== defaultDir(q.sort)) params.set("dir", q.dir);
  if (q.page !== 1) params.set("page", String(q.page));
  return params;
}

export function replenishmentHref(base: string, query: ReplenishmentQuery, change: Partial<ReplenishmentQuery> = {}): string {
  const search = replenishmentSearchParams(query, change).toString();
  return search ? `${base}?${search}` : base;
}

/** True when a filter other than the location is set. */
export function hasFilters(f: ReplenishmentFilters): boolean {
  return Boolean(f.brand || f.category || f.q || f.needs);
}
