import "server-only";
import pg from "pg";
import { pool } from "./db";
import { Prisma } from "./generated/prisma/client";
import type { SqlTx } from "./tx";

// A transaction on a plain pg connection from Prisma's pool, for code that speaks only SQL (order intake).
// Prisma sends every raw statement through its query compiler, which costs ≈ 0.3 ms per statement and grows with
// the parameters (≈ 12 ms for a 1 MB document): a 500-order batch paid ≈ 35 ms for it (docs/BENCHMARKS.md).
// Values read and sent as Prisma's $queryRaw does where the data layer relies on it: int8 as BigInt, dates and
// timestamps without a zone as UTC, Date parameters as UTC instants. (numeric comes back as a string, not Decimal.)

const INT8 = 20;
const INT8_ARRAY = 1016;
const DATE = 1082;
const TIMESTAMP = 1114;
type Oid = Parameters<typeof pg.types.getTypeParser>[0];
const defaultParser = (oid: number, format?: "text" | "binary") => pg.types.getTypeParser(oid as Oid, format ?? "text");
const defaultInt8Array = defaultParser(INT8_ARRAY) as (v: string) => (string | null)[];
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8) return (v: string) => BigInt(v);
    if (oid === INT8_ARRAY) return (v: string) => defaultInt8Array(v).map((x) => (x === null ? null : BigInt(x)));
    if (oid === DATE) return (v: string) => new Date(`${v}T00:00:00Z`);
    if (oid === TIMESTAMP) return (v: string) => new Date(`${v.replace(" ", "T")}Z`);
    return defaultParser(oid, format);
  },
};

// Intake sends the same dozen statements again and again (values travel as parameters): as named prepared statements
// each connection parses and plans them once instead of per call (planning was ≈ 12 % of intake's statement time).
// Bounded, so that text built with a varying number of placeholders cannot grow every connection's cache.
const PREPARED_MAX = 200;
// One map per process (route bundles may each carry a copy of this module; names must not collide on a connection).
const prepared = ((globalThis as unknown as { yipanPrepared?: Map<string, string> }).yipanPrepared ??= new Map());
function statementName(text: string): string | undefined {
  let name = prepared.get(text);
  if (name === undefined && prepared.size < PREPARED_MAX) prepared.set(text, (name = `yp${prepared.size}`));
  return name;
}

function run(client: pg.PoolClient, query: TemplateStringsArray | Prisma.Sql, values: unknown[]) {
  const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
  // pg would send a Date in the process's time zone; Prisma sends the UTC instant.
  const params = sql.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return client.query({ name: statementName(sql.text), text: sql.text, values: params, types });
}

/**
 * The transaction's statements on `client`, and `end` for its COMMIT or ROLLBACK. Statements sent while one is
 * running (a batch reserves one chunk while it routes the next) wait their turn here — pg's own queue for that is
 * deprecated — and each is sent as soon as the one before it is answered; `end` waits its turn too, so nothing
 * already sent can land after it.
 */
function sqlTx(client: pg.PoolClient): { tx: SqlTx; end: (command: "COMMIT" | "ROLLBACK") => Promise<unknown> } {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <R>(send: () => Promise<R>): Promise<R> => {
    const result = tail.then(send);
    tail = result.catch(() => {});
    return result;
  };
  const tx: SqlTx = {
    async $queryRaw<T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      return (await inTurn(() => run(client, query, values))).rows as T;
    },
    async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      return (await inTurn(() => run(client, query, values))).rowCount ?? 0;
    },
  };
  return { tx, end: (command) => inTurn(() => client.query(command)) };
}

// The embedded PGlite server serves every connection from one session: what an earlier connection prepared is still
// there, unknown to a new client, whose first Parse of the same name would fail. So a connection's first use here
// drops it (nothing to drop on a real server; one extra round trip per new connection).
// Per process, like the names: Next bundles this module more than once (API routes, pages), and a second copy
// that dropped the first one's statements would leave pg sure they exist.
const cleared = ((globalThis as unknown as { yipanCleared?: WeakSet<pg.PoolClient> }).yipanCleared ??= new WeakSet());
async function connect(from: pg.Pool): Promise<pg.PoolClient> {
  const client = await from.connect();
  if (!cleared.has(client)) {
    try {
      await client.query("DEALLOCATE ALL");
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    // pg's own record of what this connection prepared, kept in step with the server's (empty on a new client).
    const connection = (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection;
    if (connection?.parsedStatements) connection.parsedStatements = {};
    cleared.add(client);
  }
  return client;
}

/** One statement on its own, prepared like the transactions' statements: hot reads (the API key of every order call). */
export async function sqlQuery<T>(query: Prisma.Sql, from: pg.Pool = pool()): Promise<T[]> {
  const client = await connect(from);
  client.on("error", ignore);
  let broken: Error | undefined;
  try {
    return (await run(client, query, [])).rows as T[];
  } catch (error) {
    // A failed statement leaves a usable connection; a lost one is dropped.
    if (!(error instanceof pg.DatabaseError)) broken = error as Error;
    throw error;
  } finally {
    client.off("error", ignore);
    client.release(broken);
  }
}

// A checked-out client has no listener for connection errors (the pool removes its own): without one, a database
// restart while a transaction is open would be an uncaught exception. The failed query reports it.
const ignore = () => {};

/** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
export async function sqlTransaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
  const client = await connect(pool());
  client.on("error", ignore);
  const { tx, end } = sqlTx(client);
  let broken: Error | undefined;
  try {
    // Neither a statement nor a stalled caller may hold a pooled connection for long (Prisma's transactions had a
    // 60 s limit). Generic plans: PostgreSQL kept re-planning some prepared statements for their parameter values
    // (arrays of ids and codes, whose plans do not depend on them). One round trip.
    await client.query("BEGIN; SET LOCAL statement_timeout = 60000; SET LOCAL idle_in_transaction_session_timeout = 60000; SET LOCAL plan_cache_mode = force_generic_plan");
    const result = await work(tx);
    await end("COMMIT");
    return result;
  } catch (error) {
    await end("ROLLBACK").catch((e: Error) => (broken = e)); // a connection that cannot roll back is dropped
    throw error;
  } finally {
    client.off("error", ignore);
    client.release(broken);
  }
}
