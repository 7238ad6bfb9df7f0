// CSV (RFC 4180) lines for exports. Text that a spreadsheet would run as a formula is prefixed with a quote
// character: an exported SKU name must never execute in the merchant's Excel.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

/** Lets Excel open UTF-8 (Chinese names) correctly. */
export const UTF8_BOM = "\uFEFF";
