// Rows as sent to the server: each distinct text once, rows as indices into it. A 10,000-row file repeats
// location codes, quantities, references and dates a lot, and a server action's body is capped at 1 MB.
import { z } from "zod";
import { MAX_IMPORT_ROWS } from "./csv";
import { IMPORT_TYPES, MAX_REASON, MAX_REFERENCE, type RawRow } from "./schema";

const TEXT_FIELDS = ["location_code", "sku_code", "quantity", "reference", "received_at", "expires_on"] as const;
const WIDTH = 1 + TEXT_FIELDS.length;
/** Longer cells are certainly invalid (limits are ≤ 200); the report shows them cut to this length. */
export const MAX_CELL = 500;
/** What one server action call may carry; Next.js refuses bodies over 1 MB. */
export const MAX_WIRE_BYTES = 900_000;

export type WireRows = { strings: string[]; cells: number[] };

export function encodeRows(rows: readonly RawRow[]): WireRows {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const cells: number[] = [];
  const ref = (s: string) => {
    const text = s.length > MAX_CELL ? s.slice(0, MAX_CELL) : s;
    let i = index.get(text);
    if (i === undefined) {
      i = strings.push(text) - 1;
      index.set(text, i);
    }
    return i;
  };
  for (const r of rows) {
    cells.push(r.row);
    for (const f of TEXT_FIELDS) cells.push(ref(r[f]));
  }
  return { strings, cells };
}

export function decodeRows(wire: WireRows): RawRow[] {
  const rows: RawRow[] = [];
  for (let i = 0; i < wire.cells.length; i += WIDTH) {
    const at = (k: number) => wire.strings[wire.cells[i + 1 + k]];
    rows.push({
      row: wire.cells[i],
      location_code: at(0),
      sku_code: at(1),
      quantity: at(2),
      reference: at(3),
      received_at: at(4),
      expires_on: at(5),
    });
  }
  return rows;
}

/** Size of the encoded rows in bytes as JSON, to refuse a file before the server would. */
export const wireBytes = (wire: WireRows) => new TextEncoder().encode(JSON.stringify(wire)).length;

export const wireRowsSchema = z
  .object({
    strings: z.array(z.string().max(MAX_CELL)).max(WIDTH * MAX_IMPORT_ROWS),
    cells: z.array(z.number().int().nonnegative()).max(WIDTH * MAX_IMPORT_ROWS),
  })
  .refine((w) => w.cells.length % WIDTH === 0, "rows are incomplete")
  .refine(
    (w) => w.cells.every((c, i) => i % WIDTH === 0 ? c >= 1 : c < w.strings.length),
    "rows refer to text that was not sent",
  );

/** A slice of an import to check (no reason needed: nothing is written). */
export const importChunkSchema = z.object({ type: z.enum(IMPORT_TYPES, "notAChoice"), rows: wireRowsSchema });

/** A whole import to apply. */
export const importApplySchema = z.object({
  type: z.enum(IMPORT_TYPES, "notAChoice"),
  reason: z.string().trim().min(1, "required").max(MAX_REASON, "tooLong"),
  reference: z.string().trim().max(MAX_REFERENCE, "tooLong").default(""),
  rows: wireRowsSchema,
});
