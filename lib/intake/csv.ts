// Reading an intake CSV into rows of text, with the problems of the file itself (columns, size).
// Cell values are checked later (schema.ts), on the server as well as here.
import Papa from "papaparse";
import { CSV_COLUMNS, type CsvColumn, type Problem } from "./problems";
import type { RawRow } from "./schema";

export const REQUIRED_COLUMNS: readonly CsvColumn[] = ["location_code", "sku_code", "quantity"];
export const MAX_IMPORT_ROWS = 20_000;

export type ParsedCsv = { rows: RawRow[]; problems: Problem[] };

/** "SKU Code" or "sku-code" → "sku_code": spreadsheets are loose with headers. */
export function normalizeHeader(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

export function parseCsv(text: string, maxRows = MAX_IMPORT_ROWS): ParsedCsv {
  // Delimiter is detected (comma, semicolon, tab), as spreadsheets export in the user's locale.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false });
  const records = parsed.data.map((r) => (Array.isArray(r) ? r.map((c) => String(c ?? "")) : []));
  const problems: Problem[] = [];
  for (const e of parsed.errors) {
    // Only broken quoting makes rows unreadable; a missing delimiter just means one column.
    if (e.type === "Quotes") problems.push({ row: (e.row ?? 0) + 1, field: "file", value: "", code: "unreadable" });
  }
  const headerIndex = records.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) return { rows: [], problems: [{ row: 0, field: "file", value: "", code: "noRows" }] };

  const headerRow = headerIndex + 1;
  const header = records[headerIndex].map(normalizeHeader);
  const columnAt = new Map<CsvColumn, number>();
  header.forEach((name, i) => {
    if (name === "") return;
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push({ row: headerRow, field: "file", value: records[headerIndex][i].trim(), code: "unknownColumn", vars: { columns: CSV_COLUMNS.join(", ") } });
    } else if (columnAt.has(name as CsvColumn)) {
      problems.push({ row: headerRow, field: "file", value: name, code: "duplicateColumn" });
    } else {
      columnAt.set(name as CsvColumn, i);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columnAt.has(column)) problems.push({ row: headerRow, field: "file", value: column, code: "missingColumn" });
  }

  const rows: RawRow[] = [];
  let dataRows = 0;
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i];
    if (isBlank(cells)) continue;
    dataRows++;
    if (dataRows > maxRows) continue;
    const cell = (c: CsvColumn) => {
      const at = columnAt.get(c);
      return at === undefined ? "" : (cells[at] ?? "").trim();
    };
    const extra = cells.slice(header.length).filter((c) => c.trim() !== "");
    if (extra.length > 0) problems.push({ row: i + 1, field: "file", value: extra.join(", "), code: "extraCells" });
    rows.push({
      row: i + 1,
      location_code: cell("location_code"),
      sku_code: cell("sku_code"),
      quantity: cell("quantity"),
      reference: cell("reference"),
      received_at: cell("received_at"),
      expires_on: cell("expires_on"),
    });
  }
  if (dataRows === 0) problems.push({ row: 0, field: "file", value: "", code: "noRows" });
  if (dataRows > maxRows) {
    problems.push({ row: 0, field: "file", value: String(dataRows), code: "tooManyRows", vars: { max: maxRows, count: dataRows } });
    return { rows: [], problems };
  }
  return { rows, problems };
}
