// `npm run seed -- [--skus N] [--locations M] [--days D] [--seed S] [--force]`: demo data into DATABASE_URL.
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { DEFAULT_OPTIONS, seed, type SeedOptions, type SeedSummary } from "./seed";

export { seed, DEFAULT_OPTIONS, type SeedOptions, type SeedSummary } from "./seed";

const USAGE = `usage: tsx prisma/seed/index.ts [--skus N] [--locations M] [--days D] [--seed S] [--force]
  --skus N       SKUs in the catalogue (default ${DEFAULT_OPTIONS.skus})
  --locations M  1 warehouse + 4 DCs + stores, at least 6 (default ${DEFAULT_OPTIONS.locations})
  --days D       days of order history ending today (default ${DEFAULT_OPTIONS.days})
  --seed S       random seed: the same seed gives the same data (default ${DEFAULT_OPTIONS.seed})
  --force        wipe the demo tables and reseed a database that already has data`;

const LIMITS: Record<"skus" | "locations" | "days", [number, number]> = {
  skus: [1, 100_000], locations: [6, 1_000], days: [0, 730],
};

export function parseArgs(argv: string[]): Partial<SeedOptions> & { help?: boolean } {
  const out: Partial<SeedOptions> & { help?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--force": out.force = true; break;
      case "--help": case "-h": out.help = true; break;
      case "--seed": out.seed = value(); break;
      case "--skus": case "--locations": case "--days": {
        const key = flag.slice(2) as keyof typeof LIMITS;
        const raw = value();
        const n = Number(raw);
        const [min, max] = LIMITS[key];
        if (!Number.isInteger(n) || n < min || n > max) {
          throw new Error(`${flag} must be an integer from ${min} to ${max}, not "${raw}"`);
        }
        out[key] = n;
        break;
      }
      default: throw new Error(`unknown option ${argv[i]} (see --help)`);
    }
  }
  return out;
}

function summaryLine(r: SeedSummary): string {
  const c = r.counts;
  const n = (x: number) => x.toLocaleString("en-US");
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  return (
    `done in ${r.seconds.toFixed(1)} s: ${c.brands} brands, ${c.channels} channels, ${c.locations} locations, ` +
    `${n(c.skus)} SKUs, ${n(c.stockLevels)} stock levels, ${n(c.orders)} orders, ${n(c.orderLines)} order lines, ` +
    `${c.users} users; store stock rows: ${pct(r.storeStockOutShare)} stock-out, ` +
    `${pct(r.storeBelowSafetyShare)} below safety`
  );
}

async function main(): Promise<number> {
  const { help, ...options } = parseArgs(process.argv.slice(2));
  if (help) {
    console.log(USAGE);
    return 0;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("seed: DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/yipan)");
    return 1;
  }
  // max 1: the embedded PGlite server accepts a single connection.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on("error", (error) => console.error(`seed: database connection error: ${error.message}`));
  try {
    const o = { ...DEFAULT_OPTIONS, ...options };
    const force = o.force ? ", --force" : "";
    console.log(`seed: ${o.skus} SKUs, ${o.locations} locations, ${o.days} days of orders, seed "${o.seed}"${force}`);
    const result = await seed(pool, options);
    if (!result.skipped) console.log(summaryLine(result));
    return 0;
  } finally {
    await pool.end();
  }
}

// Run only as a script (`tsx prisma/seed/index.ts` or `tsx prisma/seed`), not when imported.
const self = fileURLToPath(import.meta.url);
const entry = process.argv[1] ? path.resolve(process.argv[1]) : "";
const invokedDirectly = entry === self || entry === path.dirname(self) || `${entry}.ts` === self;
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`seed failed: ${error.message}`);
      process.exit(1);
    },
  );
}
