import "server-only";
import { Prisma } from "./generated/prisma/client";
import type { Tx } from "./tx";

/**
 * INSERT … SELECT FROM unnest(one array per column): hundreds of rows in one statement with one parameter per
 * column, much cheaper than an ORM createMany. `type` is the column's SQL type (arrays are cast to it); values are
 * passed as text when the driver has no native array for them (bigint, enums, jsonb, timestamps).
 */
export type Column = { name: string; type: string };
export const column = (name: string, type: string): Column => ({ name, type });

export async function insertRows<R = unknown>(
  tx: Tx,
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
    SELECT * FROM ${unnestRows(columns, rows)} ${returning ? Prisma.raw(`RETURNING ${returning}`) : Prisma.empty}`;
}

/** `unnest(…) AS alias(columns)`: the rows as a table to select from, one array parameter per column. */
export function unnestRows(columns: Column[], rows: unknown[][], alias = "u"): Prisma.Sql {
  const arrays = columns.map((c, i) => {
    if (c.type === "json" || c.type === "jsonb") return jsonArray(rows.map((r) => r[i]), c.type);
    const values = rows.map((r) => encode(r[i]));
    return Prisma.sql`${values}::text[]::${Prisma.raw(c.type)}[]`;
  });
  return Prisma.sql`unnest(${Prisma.join(arrays)}) AS ${Prisma.raw(alias)}(${Prisma.raw(columns.map((c) => `"${c.name}"`).join(", "))})`;
}

/**
 * Documents as one JSON array parameter: a text[] of large JSON texts costs the driver and the server far more
 * (array quoting, escaping) than the documents themselves. JSON null and missing values become SQL NULL.
 */
function jsonArray(values: unknown[], type: "json" | "jsonb") {
  const text = `[${values.map((v) => (v === undefined ? "null" : JSON.stringify(v))).join(",")}]`;
  return Prisma.sql`ARRAY(SELECT CASE WHEN json_typeof(e.v) = 'null' THEN NULL ELSE e.v END FROM json_array_elements(${text}::json) WITH ORDINALITY AS e(v, n) ORDER BY e.n)::${Prisma.raw(type)}[]`;
}

function encode(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
