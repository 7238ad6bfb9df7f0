// Throwaway PostgreSQL databases for integration and browser tests: created, migrated, dropped.
import crypto from "node:crypto";
import pg from "pg";
import { assertReachable, migrate } from "../../scripts/lib/database";

/** The server tests use: TEST_DATABASE_URL, else DATABASE_URL, else the local default. */
export function serverUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export type TestDatabase = { url: string; drop(): Promise<void> };

export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const admin = serverUrl();
  await assertReachable(admin);
  const name = `${prefix}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = withDatabase(admin, name);
  await migrate(url, true);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
