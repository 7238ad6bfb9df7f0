// Bulk-insert helpers over one pg client.
import type pg from "pg";

export type Client = pg.PoolClient;

/** Timestamps go in as UTC text: Prisma stores DateTime as UTC in `timestamp without time zone`. */
export const utcText = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

/** Multi-row INSERT … VALUES, chunked (PostgreSQL allows 65,535 parameters per statement). */
export async function insertValues(
  client: Client,
  table: string,
  columns: string[],
  rows: unknown[][],
  returning = "",
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const chunk = Math.floor(60_000 / columns.length);
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const tuples = part.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
    const sql = `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")} ${returning}`;
    out.push(...(await client.query(sql, part.flat())).rows);
  }
  return out;
}

/** Column-wise batch buffer, written with one INSERT … SELECT FROM unnest($1::type[], …) per batch. */
export class UnnestBatch {
  private readonly data: unknown[][];
  private readonly sql: string;

  constructor(table: string, columns: [name: string, sqlType: string][]) {
    this.data = columns.map(() => []);
    const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
    this.sql = `INSERT INTO ${table} (${columns.map(([name]) => name).join(", ")}) SELECT * FROM unnest(${arrays})`;
  }

  get size(): number {
    return this.data[0].length;
  }

  push(...values: unknown[]): void {
    for (let i = 0; i < this.data.length; i++) this.data[i].push(values[i]);
  }

  /** Inserts the buffered rows and empties the buffer; returns how many were written. */
  async flush(client: Client): Promise<number> {
    const n = this.size;
    if (n > 0) await client.query(this.sql, this.data);
    for (const column of this.data) column.length = 0;
    return n;
  }
}
