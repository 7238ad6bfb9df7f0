// The embedded default: PGlite (PostgreSQL compiled to WASM) served over the wire protocol on a local port,
// so the app, the Prisma CLI and the seed use the same adapter-pg code as against a real server.
// One connection only (see ../shared/STACK.md): each step connects, works and disconnects in turn.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = {
  url: string;
  /** Resolves once no client is connected, so the next step can take the single connection. */
  waitIdle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

export async function startEmbeddedDb(dataDir: string, port: number): Promise<EmbeddedDb> {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 1 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new Error(`Port ${port} is taken (is another Yipan running?). Set YIPAN_DB_PORT to use another port.`);
    }
    throw error;
  }
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async waitIdle(timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (server.getStats().activeConnections > 0) {
        if (Date.now() > until) throw new Error("embedded database: a previous client did not disconnect");
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
