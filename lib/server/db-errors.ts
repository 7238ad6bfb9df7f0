/**
 * A unique constraint refused the write: a code or number someone else already took. Prisma says P2002 for its
 * model calls and P2010 for a raw statement (the server's code inside meta.driverAdapterError); a plain pg
 * connection (sqlTransaction) gives SQLSTATE 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const { code, meta } = error as { code: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  return code === "P2002" || code === "23505" || (code === "P2010" && meta?.driverAdapterError?.cause?.originalCode === "23505");
}
