import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "@/tests/support/fixture";
import { seed } from "./seed";

const quiet = () => {};
let pool: pg.Pool;
beforeAll(async () => {
  await resetDatabase();
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
});
afterAll(() => pool.end());

const count = async (table: string) => Number((await pool.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n);

describe("seed", () => {
  const now = new Date("2026-11-01T00:00:00Z");
  const options = { skus: 120, locations: 12, days: 14, now };

  it("fills an empty database with a full location × SKU grid, orders and one user per role", async () => {
    const summary = await seed(pool, options, quiet);
    expect(summary.skipped).toBe(false);
    expect(await count("location")).toBe(12);
    expect(await count("sku")).toBe(120);
    expect(await count("stock_level")).toBe(12 * 120);
    expect(await count("channel")).toBe(6);
    expect(await count("customer_order")).toBeGreaterThan(0);
    const roles = (await pool.query("SELECT role FROM app_user ORDER BY role::text")).rows.map((r) => r.role);
    expect(roles).toEqual(["BRAND_PARTNER", "HQ_ADMIN", "MERCHANDISER", "STORE_MANAGER"]);
    const { rows } = await pool.query(
      "SELECT MIN(placed_at) AS first, MAX(placed_at) AS last FROM customer_order",
    );
    expect(rows[0].last.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - rows[0].first.getTime()).toBeLessThanOrEqual(15 * 86_400_000);
  });

  it("leaves a seeded database alone unless forced", async () => {
    const before = await count("customer_order");
    expect((await seed(pool, options, quiet)).skipped).toBe(true);
    expect(await count("customer_order")).toBe(before);
  });

  it("reproduces the same data from the same seed when forced", async () => {
    const checksum = async () =>
      (await pool.query("SELECT md5(string_agg(location_id || ':' || sku_id || ':' || on_hand || ':' || reserved, ',' ORDER BY location_id, sku_id)) AS h FROM stock_level")).rows[0].h;
    const first = await checksum();
    await seed(pool, { ...options, force: true }, quiet);
    expect(await checksum()).toBe(first);
    await seed(pool, { ...options, force: true, seed: "2" }, quiet);
    expect(await checksum()).not.toBe(first);
  });
});
