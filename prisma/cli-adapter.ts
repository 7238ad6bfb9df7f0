// Prisma CLI only (migrate deploy / dev / diff): adapter-pg 6.19.3 as the Wasm schema engine's driver,
// with the five fixes measured in ../shared/STACK.md. The app never imports this file.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";

const CHAR_OID = 18;
const NAME_OID = 19;
const TEXT_OID = 25;

// Fix 4: the Wasm engine arms 10 s / 60 s timers that keep the CLI alive after its work is done.
// Unref long timers in this (CLI) process; a timeout still fires if the process is alive anyway.
function unrefLongTimers() {
  const g = globalThis as unknown as { __yipanTimersPatched?: boolean };
  if (g.__yipanTimersPatched) return;
  g.__yipanTimersPatched = true;
  const { setTimeout: st, setInterval: si } = globalThis;
  const wrap = <T extends typeof setTimeout | typeof setInterval>(orig: T): T =>
    ((fn: () => void, ms?: number, ...args: unknown[]) => {
      const timer = (orig as (...a: unknown[]) => NodeJS.Timeout)(fn, ms, ...args);
      if ((ms ?? 0) >= 5_000) timer.unref?.();
      return timer;
    }) as unknown as T;
  globalThis.setTimeout = wrap(st);
  globalThis.setInterval = wrap(si);
}

// Fix 1: pg_catalog columns of type `name` and `"char"` cannot be deserialised by adapter-pg.
// Report both as text to the adapter, then tell the engine the "char" ones are Character
// (as plain Text, any CHECK constraint crashes the engine with "unreachable").
type Field = { dataTypeID: number };
type QueryResultLike = { fields?: Field[] };
type Queryable = {
  performIO(query: unknown): Promise<QueryResultLike>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
};
const charColumnsByQuery = new WeakMap<object, number[]>();

function patchQueryable(proto: Queryable & { __yipanPatched?: boolean }) {
  if (proto.__yipanPatched) return;
  proto.__yipanPatched = true;
  const performIO = proto.performIO;
  const queryRaw = proto.queryRaw;
  proto.performIO = async function (this: Queryable, query: unknown) {
    const result = await performIO.call(this, query);
    const charCols: number[] = [];
    result.fields?.forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) charCols.push(i);
      if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
    });
    if (charCols.length > 0 && query && typeof query === "object") charColumnsByQuery.set(query, charCols);
    return result;
  };
  proto.queryRaw = async function (this: Queryable, query: unknown) {
    const out = await queryRaw.call(this, query);
    const charCols = query && typeof query === "object" ? charColumnsByQuery.get(query) : undefined;
    for (const i of charCols ?? []) out.columnTypes[i] = ColumnTypeEnum.Character;
    return out;
  };
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function withScriptFix(adapter: Adapter): Adapter {
  const pool = adapter.underlyingDriver() as pg.Pool;
  // Fix 2: send a migration script as one simple-protocol query, so `$$` bodies survive and a
  // failing script is not half-applied by statement splitting.
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  patchQueryable(Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as Queryable);
  return adapter;
}

function connectionFields(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || "127.0.0.1",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
    max: 1,
    // Fix 5: pools are never ended by the CLI; let the process exit when they are idle.
    allowExitOnIdle: true,
  };
}

class CliPrismaPg extends PrismaPg {
  constructor(private readonly fields: pg.PoolConfig) {
    super(fields);
  }

  override async connect() {
    return withScriptFix(await super.connect());
  }

  // Fix 3: adapter-pg builds the shadow DB as {...config, database} where a connectionString wins,
  // and drops it before closing its pool. Create, connect and drop it ourselves from discrete fields.
  override async connectToShadowDb() {
    const admin = new pg.Client({ ...this.fields, database: this.fields.database ?? "postgres" });
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    const shadow = new PrismaPg({ ...this.fields, database });
    const adapter = withScriptFix(await shadow.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client({ ...this.fields, database: this.fields.database ?? "postgres" });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${database}"`);
      } finally {
        await dropper.end();
      }
    };
    return adapter;
  }
}

export function cliAdapter(url: string | undefined) {
  if (!url) throw new Error("DATABASE_URL is not set: the Prisma CLI needs a database (npm start sets one up).");
  unrefLongTimers();
  return new CliPrismaPg(connectionFields(url));
}
