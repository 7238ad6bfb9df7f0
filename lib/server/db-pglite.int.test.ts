import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool } from "./db";

// The embedded database (npm start) serves every connection from one PGlite session: statements that sqlTransaction
// prepared on an earlier connection are still there when the pool opens the next one.
describe("the pool on the embedded PGlite server", () => {
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

  it("prepares a named statement again on a new connection instead of failing on the old one", async () => {
    const pool = createPool(`postgresql://postgres@127.0.0.1:${port}/postgres`, 1);
    try {
      const answers: unknown[] = [];
      for (let connection = 0; connection < 2; connection++) {
        const client = await connectWhenFree(pool);
        for (const n of [1, 2]) answers.push((await client.query({ name: "yp-test", text: "SELECT $1::int * 10 AS x", values: [n] })).rows[0].x);
        client.release(true); // closed: the next checkout opens a new connection to the same session
      }
      expect(answers).toEqual([10, 20, 10, 20]);
    } finally {
      await pool.end();
    }
  });
});

// The server takes one connection at a time and notices a closed one a moment later.
async function connectWhenFree(pool: ReturnType<typeof createPool>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pool.connect();
    } catch (error) {
      if (attempt === 40) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
