import "server-only";
import { Prisma } from "./generated/prisma/client";
import type { SqlTx } from "./tx";

/**
 * INSERT … SELECT FROM the rows as one JSON parameter: hundreds of rows in one statement, much cheaper than an ORM
 * createMany. `type` is the column's SQL type (each value is read as it).
 */
export type Column = { name: string; type: string };
export const column = (name: string, type: string): Column => ({ name, type });

export async function insertRows<R = unknown>(
  tx: SqlTx,
  table: string,
  columns: Column[],
  rows: unknown[][],
  returning?: string,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const sql = insertSql(table, columns, rows, returning);
  if (returning) return tx.$queryRaw<R[]>(sql);
  await tx.$executeRaw(sql);
  return [];
}

/** The INSERT statement of insertRows, to compose with others (data-modifying WITH clauses): one round trip. */
export function insertSql(table: string, columns: Column[], rows: unknown[][], returning?: string): Prisma.Sql {
  return Prisma.sql`INSERT INTO ${Prisma.raw(table)} (${Prisma.raw(columns.map((c) => `"${c.name}"`).join(", "))})
    SELECT * FROM ${rowsTable(columns, rows)} ${returning ? Prisma.raw(`RETURNING ${returning}`) : Prisma.empty}`;
}

/**
 * `json_to_recordset(…) AS alias(columns)`: the rows as a table to select from, sent as one JSON document. One text
 * parameter costs the driver (and Prisma's query compiler) a fraction of an array per column: 10,000 values take
 * ≈ 3 ms as JSON against ≈ 11 ms as a text[] (docs/BENCHMARKS.md). JSON null and missing values become SQL NULL.
 */
export function rowsTable(columns: Column[], rows: unknown[][], alias = "u"): Prisma.Sql {
  const keys = columns.map((c) => `${JSON.stringify(c.name)}:`);
  const json = `[${rows.map((r) => `{${keys.map((k, i) => k + encode(r[i], columns[i].type)).join(",")}}`).join(",")}]`;
  return Prisma.sql`json_to_recordset(${json}::json) AS ${Prisma.raw(alias)}(${Prisma.raw(columns.map((c) => `"${c.name}" ${c.type}`).join(", "))})`;
}

/** One value as JSON: documents for json/jsonb columns as they are, anything else as its SQL text form. */
function encode(value: unknown, type: string): string {
  if (value === null || value === undefined) return "null";
  if (type === "json" || type === "jsonb") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "bigint") return `"${value}"`;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "object") return JSON.stringify(JSON.stringify(value));
  // A lone UTF-16 surrogate (broken input) would make the document invalid for PostgreSQL: U+FFFD, as pg sends it.
  return JSON.stringify(String(value).toWellFormed());
}
