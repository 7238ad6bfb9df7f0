// `npm test`: unit → integration (real PostgreSQL, throwaway database) → browser (Chromium against
// `next start` on a throwaway, seeded database). Ends with one "N passed, N failed" line.
import fs from "node:fs";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../tests/support/test-database";
import { seed } from "./lib/database";
import { buildIsStale } from "./lib/local-state";
import { bin, ROOT, run, startProcess, waitForHttp } from "./lib/run";

const PHASES = ["unit", "integration", "e2e"] as const;
type Phase = (typeof PHASES)[number];
type Count = { passed: number; failed: number; skipped: number };

const only = process.argv.includes("--only") ? (process.argv[process.argv.indexOf("--only") + 1] as Phase) : null;
// `npm test -- --only e2e e2e/inventory.spec.ts` runs just those specs.
const specs = process.argv.slice(2).filter((a) => a.endsWith(".spec.ts"));
const RESULTS = path.resolve(ROOT, process.env.YIPAN_RESULTS_DIR ?? ".yipan/test-results");
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const say = (msg: string) => console.log(`\n\x1b[1m▶ ${msg}\x1b[0m`);

function readVitest(file: string): Count {
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), skipped: r.numPendingTests + r.numTodoTests };
}

function readPlaywright(file: string): Count {
  const s = JSON.parse(fs.readFileSync(file, "utf8")).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

async function vitest(project: "unit" | "integration"): Promise<Count> {
  const out = path.join(RESULTS, `${project}.json`);
  fs.rmSync(out, { force: true });
  const ok = await run(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${out}`])
    .then(() => true, () => false);
  if (!fs.existsSync(out)) return { passed: 0, failed: 1, skipped: 0 };
  const count = readVitest(out);
  return ok || count.failed > 0 ? count : { ...count, failed: count.failed + 1 };
}

async function e2e(): Promise<Count> {
  const out = path.join(RESULTS, "e2e.json");
  fs.rmSync(out, { force: true });
  let database: TestDatabase | undefined;
  let server: ReturnType<typeof startProcess> | undefined;
  try {
    say("e2e: throwaway database with demo data");
    database = await createTestDatabase("yipan_e2e");
    await seed(database.url);
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
      NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (buildIsStale()) {
      say("e2e: next build");
      await run(bin("next"), ["build"], env);
    }
    server = startProcess(bin("next"), ["start", "-p", String(E2E_PORT)], env);
    await waitForHttp(`http://127.0.0.1:${E2E_PORT}/login`, 60_000, server);
    say("e2e: Playwright in Chromium");
    await run(bin("playwright"), ["test", ...specs], {
      ...env,
      E2E_BASE_URL: `http://localhost:${E2E_PORT}`,
      E2E_DATABASE_URL: database.url,
      PLAYWRIGHT_JSON_OUTPUT_FILE: out,
    }).catch(() => {});
    return fs.existsSync(out) ? readPlaywright(out) : { passed: 0, failed: 1, skipped: 0 };
  } catch (error) {
    console.error(`e2e could not run: ${(error as Error).message}`);
    return { passed: 0, failed: 1, skipped: 0 };
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    await database?.drop().catch((e) => console.error(`could not drop the e2e database: ${e.message}`));
  }
}

async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  const total: Count = { passed: 0, failed: 0, skipped: 0 };
  const lines: string[] = [];
  for (const phase of PHASES) {
    if (only && only !== phase) continue;
    say(`${phase} tests`);
    const c = phase === "e2e" ? await e2e() : await vitest(phase);
    lines.push(`  ${phase.padEnd(12)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  console.log(`\n${lines.join("\n")}`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(total.failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
