// The cost of a statement through Prisma's raw queries (engine type "client": a WebAssembly query compiler) and
// through pg on the same pool, by parameter shape — why order intake runs on a plain pg connection
// (lib/server/sql-tx.ts). `npm run bench -- --only=driver`.
import { db, pool } from "@/lib/server/db";
import { ms } from "./stats";

const ROUNDS = 20;

async function time(run: () => Promise<unknown>): Promise<number> {
  await run();
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) await run();
  return (performance.now() - started) / ROUNDS;
}

export async function benchDriver() {
  const prisma = db();
  const values = Array.from({ length: 10_000 }, (_, i) => String(i * 7));
  const json = JSON.stringify(values);
  const text = "x".repeat(1_000_000);
  const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    ["SELECT 1", () => prisma.$queryRaw`SELECT 1`, () => pool().query("SELECT 1")],
    ["10,000 values as a text[]", () => prisma.$queryRaw`SELECT cardinality(${values}::text[])`, () => pool().query("SELECT cardinality($1::text[])", [values])],
    ["the same as one JSON text", () => prisma.$queryRaw`SELECT json_array_length(${json}::json)`, () => pool().query("SELECT json_array_length($1::json)", [json])],
    ["a 1 MB text", () => prisma.$queryRaw`SELECT length(${text}::text)`, () => pool().query("SELECT length($1::text)", [text])],
  ];
  console.log(`\n| statement (mean of ${ROUNDS}) | Prisma $queryRaw | pg |\n|---|---|---|`);
  for (const [label, viaPrisma, viaPg] of cases) console.log(`| ${label} | ${ms(await time(viaPrisma))} | ${ms(await time(viaPg))} |`);
}
