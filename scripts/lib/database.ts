import pg from "pg";
import { bin, run } from "./run";

export async function migrate(url: string, quiet = false): Promise<void> {
  await run(bin("prisma"), ["migrate", "deploy"], { ...process.env, DATABASE_URL: url }, quiet);
}

export async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT EXISTS (SELECT 1 FROM location) AS seeded");
    return !rows[0].seeded;
  } finally {
    await client.end();
  }
}

export async function seed(url: string, args: string[] = []): Promise<void> {
  await run(bin("tsx"), ["prisma/seed/index.ts", ...args], { ...process.env, DATABASE_URL: url });
}

/** A readable hint when no PostgreSQL server answers at the given URL. */
export async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
    throw new Error(
      `No PostgreSQL server answers at ${safe} (${(error as Error).message}).\n` +
        "Start one (Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, " +
        "or apt-get install -y postgresql), or unset DATABASE_URL to use the embedded database.",
    );
  } finally {
    await client.end().catch(() => {});
  }
}
