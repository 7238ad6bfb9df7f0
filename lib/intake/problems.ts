// Problems found in an intake (form or CSV row), as data: the UI turns `code` into a message key
// ("intake.problem.<code>") in the reader's language, with `vars` filled in.

export const PROBLEM_CODES = [
  "required",
  "notAChoice",
  "tooLong",
  "notInteger",
  "notPositive",
  "negative",
  "zero",
  "tooLarge",
  "badDate",
  "badDateTime",
  "future",
  "expiresBeforeReceived",
  "onlyForReceipts",
  "duplicate",
  "unknownLocation",
  "unknownSku",
  "belowReserved",
  "missingColumn",
  "unknownColumn",
  "duplicateColumn",
  "extraCells",
  "noRows",
  "tooManyRows",
  "fileTooLarge",
  "unreadable",
  "forbidden",
  "signedOut",
  "failed",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** CSV columns; the form uses its own field names (see schema.ts). "file" is the whole upload. */
export const CSV_COLUMNS = ["location_code", "sku_code", "quantity", "reference", "received_at", "expires_on"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export type Problem = {
  /** Spreadsheet row: the header is row 1, the first data row is row 2; 0 for the whole file or form. */
  row: number;
  field: string;
  value: string;
  code: ProblemCode;
  vars?: Record<string, string | number>;
};

export const problemKey = (code: ProblemCode) => `intake.problem.${code}` as const;

/** Sorted by row then field order, without repeats (the same problem found twice, e.g. by client and server). */
export function normalizeProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const p of problems) {
    const key = `${p.row}\u0000${p.field}\u0000${p.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  const order = (f: string) => {
    const i = (CSV_COLUMNS as readonly string[]).indexOf(f);
    return i < 0 ? CSV_COLUMNS.length : i;
  };
  return out.sort((a, b) => a.row - b.row || order(a.field) - order(b.field) || a.code.localeCompare(b.code));
}
