// What a valid intake looks like — the HQ form and CSV rows share the same field rules. Zod messages are
// problem codes (problems.ts), so that every message can be shown in the reader's language.
import { z } from "zod";
import { PROBLEM_CODES, type Problem, type ProblemCode } from "./problems";

export const INTAKE_TYPES = ["RECEIVE", "ADJUST", "COUNT", "RETURN"] as const;
export type IntakeType = (typeof INTAKE_TYPES)[number];
/** Types a CSV may carry: a stock count or goods received. */
export const IMPORT_TYPES = ["COUNT", "RECEIVE"] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

export const MAX_QUANTITY = 1_000_000;
export const MAX_CODE = 64;
export const MAX_REASON = 500;
export const MAX_REFERENCE = 200;

/**
 * A date without a time ("2026-11-20") means midnight in China Standard Time, where the stock is; CST has no
 * daylight saving, so this is a fixed offset.
 */
export const BUSINESS_UTC_OFFSET = "+08:00";

/** Counts state the new on hand; everything else adds or removes units. */
export const modeOf = (type: IntakeType): "set" | "delta" => (type === "COUNT" ? "set" : "delta");

/** The on hand a line leads to. */
export function targetOnHand(type: IntakeType, onHand: number, quantity: number): number {
  return modeOf(type) === "set" ? quantity : onHand + quantity;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const isoDateTime = z.iso.datetime({ offset: true, local: false });

/** A received date: a calendar date (midnight, business time) or an ISO date-time with an offset. */
export function parseReceivedAt(value: string): Date | null {
  if (isCalendarDate(value)) return new Date(`${value}T00:00:00${BUSINESS_UTC_OFFSET}`);
  if (!isoDateTime.safeParse(value).success) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const code = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "tooLong");

/** The quantity rule a typed value breaks, if any: a whole number within ±MAX_QUANTITY, signed by type. */
export function quantityProblem(type: IntakeType, text: string): ProblemCode | null {
  const value = text.trim();
  if (value === "") return "required";
  if (!/^[+-]?\d+$/.test(value)) return "notInteger";
  const q = Number(value);
  if (Math.abs(q) > MAX_QUANTITY) return "tooLarge";
  if ((type === "RECEIVE" || type === "RETURN") && q <= 0) return "notPositive";
  if (type === "COUNT" && q < 0) return "negative";
  if (type === "ADJUST" && q === 0) return "zero";
  return null;
}

// One issue per field, and none that stops the object-level checks: every problem is reported in one pass.
export function quantitySchema(type: IntakeType) {
  return z.string().transform((text, ctx) => {
    const problem = quantityProblem(type, text);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem, input: text });
      return z.NEVER;
    }
    return Number(text.trim());
  });
}

// Object-level checks also run when a field already failed, so that one pass reports every problem.
const always = { when: () => true };

/** Received date and expiry: receipts only, real dates, not received in the future, not expiring before arrival. */
function checkDates(
  ctx: z.RefinementCtx,
  dates: { received: string; expires: string },
  type: IntakeType,
  now: Date,
  fields: { received: string; expires: string },
) {
  const { received, expires } = dates;
  const issue = (field: string, code: ProblemCode) =>
    ctx.addIssue({ code: "custom", message: code, path: [field], input: field === fields.received ? received : expires });
  if (type !== "RECEIVE") {
    if (received) issue(fields.received, "onlyForReceipts");
    if (expires) issue(fields.expires, "onlyForReceipts");
    return;
  }
  let at: Date | null = null;
  if (received) {
    at = parseReceivedAt(received);
    if (!at) issue(fields.received, "badDateTime");
    else if (at.getTime() > now.getTime()) issue(fields.received, "future");
  }
  if (expires) {
    if (!isCalendarDate(expires)) issue(fields.expires, "badDate");
    else if (at && new Date(`${expires}T23:59:59.999${BUSINESS_UTC_OFFSET}`).getTime() < at.getTime()) {
      issue(fields.expires, "expiresBeforeReceived");
    }
  }
}

// ---- CSV rows -------------------------------------------------------------------------------------------

/** One CSV data row as read from the file: every cell is text until validated. */
export type RawRow = {
  row: number;
  location_code: string;
  sku_code: string;
  quantity: string;
  reference: string;
  received_at: string;
  expires_on: string;
};

/** A row that passed the format checks. */
export type IntakeRow = {
  row: number;
  location: string;
  sku: string;
  quantity: number;
  reference: string | null;
  receivedAt: Date | null;
  expiresOn: string | null;
};

export function csvRowSchema(type: ImportType | IntakeType, now: Date) {
  return z
    .object({
      row: z.number().int().positive(),
      location_code: code(MAX_CODE),
      sku_code: code(MAX_CODE),
      quantity: quantitySchema(type),
      reference: optionalText(MAX_REFERENCE),
      received_at: z.string().trim(),
      expires_on: z.string().trim(),
    })
    .superRefine(
      (r, ctx) =>
        checkDates(ctx, { received: r.received_at, expires: r.expires_on }, type, now, {
          received: "received_at",
          expires: "expires_on",
        }),
      always,
    )
    .transform(
      (r): IntakeRow => ({
        row: r.row,
        location: r.location_code,
        sku: r.sku_code,
        quantity: r.quantity,
        reference: r.reference || null,
        receivedAt: r.received_at ? parseReceivedAt(r.received_at) : null,
        expiresOn: r.expires_on || null,
      }),
    );
}

/** Zod issues → problems naming row, field and the value as it was written. */
export function issuesToProblems(
  row: number,
  issues: z.core.$ZodIssue[],
  input: unknown,
  fallback: ProblemCode = "required",
): Problem[] {
  const record = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? "file");
    const code = (CODE_SET.has(issue.message) ? issue.message : fallback) as ProblemCode;
    const vars: Record<string, number> = {};
    if (code === "tooLong" && "maximum" in issue) vars.max = Number(issue.maximum);
    if (code === "tooLarge") vars.max = MAX_QUANTITY;
    const value = record[field];
    return { row, field, value: typeof value === "string" ? value : "", code, ...(Object.keys(vars).length ? { vars } : {}) };
  });
}

const CODE_SET = new Set<string>(PROBLEM_CODES);

/** Format checks for rows (no database): the valid rows and the problems of the others. */
export function validateRows(type: ImportType | IntakeType, rows: RawRow[], now: Date): { valid: IntakeRow[]; problems: Problem[] } {
  const schema = csvRowSchema(type, now);
  const valid: IntakeRow[] = [];
  const problems: Problem[] = [];
  for (const raw of rows) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) valid.push(parsed.data);
    else problems.push(...issuesToProblems(raw.row, parsed.error.issues, raw));
  }
  return { valid, problems };
}

// ---- the HQ form ----------------------------------------------------------------------------------------

/** The form's live lookup: two codes, both required. */
export const lookupSchema = z.object({ location: code(MAX_CODE), sku: code(MAX_CODE) });

export type AdjustFormInput = {
  type: IntakeType;
  location: string;
  sku: string;
  quantity: string;
  reason: string;
  reference: string;
  receivedAt: string;
  expiresOn: string;
};

export function adjustFormSchema(now: Date) {
  return z
    .object({
      type: z.enum(INTAKE_TYPES, "notAChoice"),
      location: code(MAX_CODE),
      sku: code(MAX_CODE),
      quantity: z.string(),
      reason: code(MAX_REASON),
      reference: optionalText(MAX_REFERENCE).default(""),
      receivedAt: z.string().trim().default(""),
      expiresOn: z.string().trim().default(""),
    })
    .superRefine((f, ctx) => {
      // Quantity rules depend on the type; without a valid type only the number itself is checked.
      const type = (INTAKE_TYPES as readonly string[]).includes(f.type) ? f.type : "ADJUST";
      const quantity = typeof f.quantity === "string" ? f.quantity : "";
      const problem = quantityProblem(type, quantity);
      if (problem && (type === f.type || problem !== "zero")) {
        ctx.addIssue({ code: "custom", message: problem, path: ["quantity"], input: quantity });
      }
      if (type !== f.type) return;
      checkDates(ctx, { received: String(f.receivedAt ?? ""), expires: String(f.expiresOn ?? "") }, type, now, {
        received: "receivedAt",
        expires: "expiresOn",
      });
    }, always)
    .transform((f) => ({
      type: f.type,
      location: f.location,
      sku: f.sku,
      quantity: Number(f.quantity.trim()),
      reason: f.reason,
      reference: f.reference || null,
      receivedAt: f.receivedAt ? parseReceivedAt(f.receivedAt) : null,
      expiresOn: f.expiresOn || null,
    }));
}
export type AdjustForm = z.output<ReturnType<typeof adjustFormSchema>>;
