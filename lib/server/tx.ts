import "server-only";
import type { Prisma, PrismaClient } from "./generated/prisma/client";

/** The client handed to an interactive transaction's callback. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * What code that speaks only SQL needs of a transaction: Prisma's (Tx above), or one on a plain pg connection
 * (sqlTransaction in lib/server/sql-tx.ts), which order intake uses to skip Prisma's per-statement query compiler.
 */
export interface SqlTx {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}
