// The transfer list's URL search parameters (status, from / to location, SKU code, origin, page), parsed here
// (pure) so a filtered view is a plain link. Bad parameters are reported one by one and dropped.
import { z } from "zod";
import { type ParamProblem, type RawParams, hasBlankSearchParams, parseSearchParams } from "@/lib/url/search-params";

export type { ParamProblem, RawParams };

export const TRANSFER_STATUSES = ["PROPOSED", "APPROVED", "IN_TRANSIT", "RECEIVED", "CLOSED", "REJECTED", "CANCELLED"] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
/** Transfers still under way: what the flow chart counts. */
export const OPEN_STATUSES: readonly TransferStatus[] = ["PROPOSED", "APPROVED", "IN_TRANSIT"];
export const TRANSFER_ORIGINS = ["SUGGESTED", "MANUAL"] as const;
export type TransferOrigin = (typeof TRANSFER_ORIGINS)[number];

export const TRANSFER_PAGE_SIZE = 50;
const MAX_PAGE = 10_000;

export type TransferListQuery = {
  status?: TransferStatus;
  /** Location codes. */
  from?: string;
  to?: string;
  /** SKU code (exact, case-insensitive). */
  sku?: string;
  origin?: TransferOrigin;
  page: number;
};

const code = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "letters, digits, '-', '_' or '.' (up to 64)");

const FIELDS = {
  status: z.enum(TRANSFER_STATUSES, `one of ${TRANSFER_STATUSES.join(", ")}`),
  from: code,
  to: code,
  sku: code,
  origin: z.enum(TRANSFER_ORIGINS, `one of ${TRANSFER_ORIGINS.join(", ")}`),
  page: z.coerce.number("a whole number").int("a whole number").min(1, "1 or more").max(MAX_PAGE, `at most ${MAX_PAGE}`),
} as const;
const LINK_ORDER = ["status", "from", "to", "sku", "origin"] as const;

export function parseTransferQuery(raw: RawParams): { query: TransferListQuery; problems: ParamProblem[] } {
  const { values, problems } = parseSearchParams(raw, FIELDS);
  return {
    query: {
      status: values.status as TransferStatus | undefined,
      from: values.from as string | undefined,
      to: values.to as string | undefined,
      sku: values.sku as string | undefined,
      origin: values.origin as TransferOrigin | undefined,
      page: (values.page as number | undefined) ?? 1,
    },
    problems,
  };
}

/** True when a known parameter came blank (a GET form's untouched fields): the page redirects to the tidy link. */
export function hasBlankParams(raw: RawParams): boolean {
  return hasBlankSearchParams(raw, Object.keys(FIELDS));
}

export function transferListHref(query: TransferListQuery, change: Partial<TransferListQuery> = {}): string {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of LINK_ORDER) if (q[key]) params.set(key, q[key]!);
  if (q.page > 1) params.set("page", String(q.page));
  return params.size ? `/transfers?${params}` : "/transfers";
}

export function isFiltered(query: TransferListQuery): boolean {
  return LINK_ORDER.some((k) => Boolean(query[k]));
}
