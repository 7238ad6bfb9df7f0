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
  globalForDb.yipanPool ??= createPool(connectionString, Number(process.env.DB_POOL_MAX ?? 10));
  return globalForDb.yipanPool;
}

export function createPool(connectionString: string, max: number): pg.Pool {
  const created = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 30_000 });
  // sqlTransaction names its statements per connection; the embedded PGlite server keeps one session for every
  // connection it is given, so a new connection starts by dropping what an earlier one prepared (queued first).
  created.on("connect", (client) => void client.query("DEALLOCATE ALL").catch(() => {}));
  return created;
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
