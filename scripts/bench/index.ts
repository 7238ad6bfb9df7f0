// `npm run bench`: measures on a real PostgreSQL server (TEST_DATABASE_URL / DATABASE_URL / local default)
// with 10,000 SKUs × 200 locations (2,000,000 stock rows). The bench database `yipan_bench` is kept
// between runs; `--fresh` rebuilds it and times the seed; `--only=<part>` runs one part (dashboard, channels, routing, orders, burst, transfers, driver, intake, statements). Figures go to
// docs/BENCHMARKS.md.
import pg from "pg";
import { migrate, seed } from "../lib/database";
import { serverUrl } from "../../tests/support/test-database";
import { benchChannels } from "./channels";
import { benchDashboard, benchDashboardPage } from "./dashboard";
import { benchDriver } from "./driver";
import { benchIntake } from "./intake";
import { benchInventory } from "./inventory";
import { benchBurst, benchOrders } from "./orders";
import { benchReservations } from "./reservations";
import { benchRouting } from "./routing";
import { benchStatements } from "./statements";
import { benchTransferGeneration } from "./transfer-generation";
import { benchTransfers } from "./transfers";

const SKUS = 10_000;
const LOCATIONS = 200;
const fresh = process.argv.includes("--fresh");

function databaseUrl(name: string): string {
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

async function ensureBenchDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = 'yipan_bench'")).rowCount! > 0;
  if (exists && fresh) await admin.query('DROP DATABASE "yipan_bench" WITH (FORCE)');
  if (!exists || fresh) await admin.query('CREATE DATABASE "yipan_bench"');
  await admin.end();

  const url = databaseUrl("yipan_bench");
  await migrate(url, true);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query("SELECT COUNT(*)::int AS n FROM stock_level");
  await client.end();
  if (rows[0].n !== SKUS * LOCATIONS) {
    console.log(`seeding ${SKUS} SKUs × ${LOCATIONS} locations …`);
    const started = performance.now();
    await seed(url, ["--force", "--skus", String(SKUS), "--locations", String(LOCATIONS)]);
    console.log(`\nseed: ${((performance.now() - started) / 1000).toFixed(1)} s for ${SKUS * LOCATIONS} stock rows`);
  } else {
    console.log(`bench database ready: ${rows[0].n} stock rows (use --fresh to re-seed and time it)`);
  }
  return url;
}

const url = await ensureBenchDatabase();
process.env.DATABASE_URL = url;
// Enough connections for the 32 concurrent clients of the reservation bench.
process.env.DB_POOL_MAX = "32";
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const parts: Record<string, () => Promise<void>> = {
  dashboard: benchDashboard,
  channels: benchChannels,
  routing: async () => void benchRouting(),
  orders: () => benchOrders(url),
  burst: () => benchBurst(url),
  driver: benchDriver,
  intake: benchIntake,
  statements: benchStatements,
  transfers: async () => {
    benchTransfers();
    await benchTransferGeneration();
  },
};
if (only) {
  if (!parts[only]) throw new Error(`--only=${only}: one of ${Object.keys(parts).join(", ")}`);
  await parts[only]();
  process.exit(0);
}
await benchDashboard();
await benchChannels();
await benchInventory();
await benchDashboardPage(url);
await benchReservations(url);
benchRouting();
await benchOrders(url);
await benchIntake();
await benchStatements();
await benchBurst(url);
await benchDriver();
benchTransfers();
await benchTransferGeneration();
process.exit(0);
