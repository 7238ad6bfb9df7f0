/**
 * A unique constraint refused the write: a code or number someone else already took. Prisma says P2002 (or P2010
 * with the server's code for a raw statement); a plain pg connection (sqlTransaction) gives SQLSTATE 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const { code, meta } = error as { code: unknown; meta?: { code?: unknown } };
  return code === "P2002" || code === "23505" || (code === "P2010" && meta?.code === "23505");
}
