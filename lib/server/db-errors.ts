/** A unique constraint refused the write (Prisma P2002): a code or number someone else already took. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
