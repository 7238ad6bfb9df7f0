import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";

// One pool and one client per process (dev hot reload would otherwise open a pool per reload).
// The embedded PGlite server takes a single connection, so npm start sets DB_POOL_MAX=1 for it.
const globalForDb = globalThis as unknown as { yipanPrisma?: PrismaClient; yipanPool?: pg.Pool };

/** The connection pool Prisma runs on; sqlTransaction (lib/server/sql-tx.ts) takes its connections from it too. */
export function pool(): pg.Pool {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm start sets it; see README).");
  // Under a burst (a live-stream drop) transactions queue for a connection: wait up to 30 s, then fail clearly.
  globalForDb.yipanPool ??= new pg.Pool({ connectionString, max: Number(process.env.DB_POOL_MAX ?? 10), connectionTimeoutMillis: 30_000 });
  return globalForDb.yipanPool;
}

function createClient(): PrismaClient {
  // Under a burst (a live-stream drop) transactions queue for a pooled connection; Prisma's 2 s default wait
  // would turn that queue into spurious failures.
  return new PrismaClient({ adapter: new PrismaPg(pool()), transactionOptions: { maxWait: 30_000, timeout: 60_000 } });
}

export function db(): PrismaClient {
  globalForDb.yipanPrisma ??= createClient();
  return globalForDb.yipanPrisma;
}
