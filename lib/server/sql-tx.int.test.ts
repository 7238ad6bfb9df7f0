import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { column, rowsTable } from "./sql-rows";
import { sqlTransaction } from "./sql-tx";

// Order intake runs on sqlTransaction instead of Prisma's transactions: same results, all or nothing.
describe("sqlTransaction", () => {
  it("reads values as Prisma's $queryRaw does where the data layer relies on it", async () => {
    const [row] = await sqlTransaction((tx) => tx.$queryRaw<Record<string, unknown>[]>`
      SELECT 9007199254740993::int8 AS big, ARRAY[1, 2]::int8[] AS bigs, 5::int AS small, DATE '2026-11-30' AS day,
             '{"a": [1]}'::json AS doc, ${[3, 4]}::int[] AS ints, ${"it's"}::text AS quoted`);
    expect(row).toEqual({ big: 9007199254740993n, bigs: [1n, 2n], small: 5, day: new Date("2026-11-30T00:00:00Z"), doc: { a: [1] }, ints: [3, 4], quoted: "it's" });
  });

  it("sends rows as one JSON document that reads back as sent, broken text repaired", async () => {
    const columns = [column("s", "text"), column("n", "float8"), column("b", "bigint"), column("t", "timestamp(3)"), column("st", '"ShipmentStatus"'), column("j", "json")];
    const at = new Date("2026-11-30T08:00:00.123Z");
    const rows = await sqlTransaction((tx) => tx.$queryRaw<Record<string, unknown>[]>`SELECT * FROM ${rowsTable(columns, [
      ["a \"quoted\" \\ line\nbreak, 一盘, broken \ud800 half", 1.5, 9007199254740993n, at, "SHIPPED", { k: [1, null] }],
      [null, Number.NaN, null, null, null, null],
    ])}`);
    expect(rows).toEqual([
      { s: "a \"quoted\" \\ line\nbreak, 一盘, broken \ufffd half", n: 1.5, b: 9007199254740993n, t: at, st: "SHIPPED", j: { k: [1, null] } },
      { s: null, n: null, b: null, t: null, st: null, j: null },
    ]);
  });

  it("commits what the work wrote when it returns, and nothing when it throws", async () => {
    const scope = `sql-tx-${Date.now()}`;
    const write = (key: string) => (tx: Parameters<Parameters<typeof sqlTransaction>[0]>[0]) =>
      tx.$executeRaw`INSERT INTO idempotency_record (scope, key, request_hash, status, response) VALUES (${scope}, ${key}, 'h', 0, 'null'::jsonb)`;
    expect(await sqlTransaction(write("kept"))).toBe(1);
    await expect(sqlTransaction(async (tx) => {
      await write("dropped")(tx);
      throw new Error("changed my mind");
    })).rejects.toThrow("changed my mind");
    // A failed statement rolls back the whole transaction.
    await expect(sqlTransaction(async (tx) => {
      await write("dropped too")(tx);
      await write("kept")(tx); // unique violation
    })).rejects.toMatchObject({ code: "23505" });
    const keys = await db().idempotencyRecord.findMany({ where: { scope }, select: { key: true } });
    expect(keys.map((k) => k.key)).toEqual(["kept"]);
    expect(await sqlTransaction((tx) => tx.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`)).toEqual([{ statement_timeout: "1min" }]);
  });

  it("runs statements sent before the last one was answered in the order they were sent", async () => {
    const warn = vi.spyOn(process, "emitWarning");
    const answers = await sqlTransaction(async (tx) => {
      await tx.$executeRaw`CREATE TEMP TABLE sent (n int) ON COMMIT DROP`;
      // Not awaited one by one: the slow first insert must still come before the second, and the read after both.
      const sent = [
        tx.$executeRaw`INSERT INTO sent SELECT 1 FROM pg_sleep(0.05)`,
        tx.$executeRaw`INSERT INTO sent SELECT 2`,
        tx.$queryRaw<{ ns: number[] }[]>`SELECT array_agg(n ORDER BY ctid) AS ns FROM sent`,
      ];
      return Promise.all(sent);
    });
    expect(answers).toEqual([1, 1, [{ ns: [1, 2] }]]);
    expect(warn.mock.calls.filter((c) => String(c[0]).includes("already executing"))).toEqual([]);
    warn.mockRestore();
  });

  it("ends the transaction after every statement already sent, even one the work did not wait for", async () => {
    const scope = `sql-tx-end-${Date.now()}`;
    const insert = (tx: Parameters<Parameters<typeof sqlTransaction>[0]>[0], key: string, sleep: number) =>
      tx.$executeRaw`INSERT INTO idempotency_record (scope, key, request_hash, status, response)
        SELECT ${scope}, ${key}, 'h', 0, 'null'::jsonb FROM pg_sleep(${sleep}::float8)`;
    // The second insert waits behind the slow first when the work returns (or throws): it must still be inside.
    await sqlTransaction(async (tx) => {
      void insert(tx, "kept-1", 0.05);
      void insert(tx, "kept-2", 0);
    });
    await expect(sqlTransaction(async (tx) => {
      insert(tx, "dropped-1", 0.05).catch(() => {});
      insert(tx, "dropped-2", 0).catch(() => {});
      throw new Error("changed my mind");
    })).rejects.toThrow("changed my mind");
    const kept = await db().idempotencyRecord.findMany({ where: { scope }, select: { key: true }, orderBy: { key: "asc" } });
    expect(kept.map((r) => r.key)).toEqual(["kept-1", "kept-2"]);
  });

  it("keeps statements one copy of the module prepared usable by another (Next bundles it more than once)", async () => {
    // One connection, so both copies use it.
    const shared = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    try {
      const read = (copy: { sqlQuery: typeof import("./sql-tx").sqlQuery }, n: number) =>
        copy.sqlQuery<{ x: number }>(Prisma.sql`SELECT ${n}::int + 100 AS x, 'two copies' AS tag`, shared);
      const first = await import("./sql-tx");
      vi.resetModules();
      const second = await import("./sql-tx");
      expect(second).not.toBe(first);
      const answers = [await read(first, 1), await read(second, 2), await read(first, 3)].map((rows) => rows[0].x);
      expect(answers).toEqual([101, 102, 103]);
    } finally {
      await shared.end();
    }
  });
});
