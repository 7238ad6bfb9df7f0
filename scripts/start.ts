// `npm start`: database (embedded PGlite unless DATABASE_URL is set) → migrations → demo data if empty
// → production build if stale → `next start`. Ctrl-C stops the server and the database cleanly.
import path from "node:path";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed/demo-users";
import { assertReachable, isEmpty, migrate, seed } from "./lib/database";
import { startEmbeddedDb, type EmbeddedDb } from "./lib/embedded-db";
import { buildIsStale, nextAuthSecret, STATE_DIR } from "./lib/local-state";
import { bin, run, startProcess, waitForHttp } from "./lib/run";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const log = (msg: string) => console.log(`\x1b[36m[yipan]\x1b[0m ${msg}`);

async function main() {
  let embedded: EmbeddedDb | undefined;
  let url = process.env.DATABASE_URL;
  if (url) {
    log("using the PostgreSQL server in DATABASE_URL");
    await assertReachable(url);
  } else {
    const dataDir = process.env.YIPAN_DATA_DIR ?? path.join(STATE_DIR, "pgdata");
    const dbPort = Number(process.env.YIPAN_DB_PORT ?? 54329);
    log(`starting the embedded database (PGlite) in ${path.relative(process.cwd(), dataDir) || dataDir}`);
    embedded = await startEmbeddedDb(dataDir, dbPort);
    url = embedded.url;
  }
  const stopDb = async () => embedded?.stop();
  const between = async () => embedded?.waitIdle();

  try {
    log("applying migrations");
    await migrate(url);
    await between();
    if (await isEmpty(url)) {
      log("empty database: loading demo data");
      await between();
      await seed(url);
    }
    await between();

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url,
      DB_POOL_MAX: embedded ? "1" : (process.env.DB_POOL_MAX ?? "10"),
      NEXTAUTH_SECRET: nextAuthSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (!dev && buildIsStale()) {
      log("building the console (first run or changed sources)");
      await run(bin("next"), ["build"], env);
    }
    const server = startProcess(bin("next"), [dev ? "dev" : "start", "-p", String(port)], env);
    let stopping = false;
    const shutdown = async (code: number) => {
      if (stopping) return;
      stopping = true;
      log("stopping");
      if (server.exitCode === null) {
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      }
      await stopDb();
      process.exit(code);
    };
    process.on("SIGINT", () => void shutdown(0));
    process.on("SIGTERM", () => void shutdown(0));
    server.on("exit", (code) => void shutdown(code ?? 1));

    await waitForHttp(`http://127.0.0.1:${port}/login`, 60_000, server);
    log(`Yipan is running at http://localhost:${port}`);
    log(`demo logins (password "${DEMO_PASSWORD}"):`);
    for (const u of DEMO_USERS) log(`  ${u.role.padEnd(14)} ${u.email}`);
    log("press Ctrl-C to stop");
  } catch (error) {
    await stopDb().catch(() => {});
    throw error;
  }
}

main().catch((error) => {
  console.error(`\x1b[31m[yipan]\x1b[0m ${(error as Error).message}`);
  process.exit(1);
});
