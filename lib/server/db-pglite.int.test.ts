import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "./generated/prisma/client";
import { sqlQuery, sqlTransaction } from "./sql-tx";

// The embedded database (npm start) serves every connection from one PGlite session: the statements sql-tx
// prepared on an earlier connection are still there when the pool opens the next one.
describe("named statements on the embedded PGlite server", () => {
  let pglite: PGlite;
  let server: PGLiteSocketServer;
  const port = 5600 + Math.floor(Math.random() * 300);
  beforeAll(async () => {
    pglite = await PGlite.create();
    server = new PGLiteSocketServer({ db: pglite, port, host: "127.0.0.1", maxConnections: 1 });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await pglite.close();
  });

  it("prepares them again on a new connection instead of failing on the old session's", async () => {
    const read = (pool: pg.Pool, n: number) => sqlQuery<{ x: number }>(Prisma.sql`SELECT ${n}::int * 10 AS x`, pool);
    const answers: number[] = [];
    for (let connection = 0; connection < 2; connection++) {
      // A pool per round: the second round's connection is a new one to the same session.
      const pool = await connectedPool(port);
      try {
        for (const n of [1, 2]) answers.push((await read(pool, n))[0].x);
      } finally {
        await pool.end();
      }
    }
    expect(answers).toEqual([10, 20, 10, 20]);
  });

  it("still runs transactions on the default pool (the test database)", async () => {
    expect(await sqlTransaction((tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1::int AS one`)).toEqual([{ one: 1 }]);
  });
});

// The server takes one connection at a time and notices a closed one a moment later.
async function connectedPool(port: number): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const candidate = new pg.Pool({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`, max: 1 });
    try {
      (await candidate.connect()).release();
      return candidate;
    } catch (error) {
      await candidate.end();
      if (attempt === 40) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
