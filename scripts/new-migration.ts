// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// takes the migrations to schema.prisma. (`migrate dev --create-only` crashes offline; see ../shared/STACK.md.)
// Add hand-written SQL (CHECK constraints, triggers) to the file before applying it with `npm run db:deploy`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { assertReachable } from "./lib/database";
import { bin, ROOT } from "./lib/run";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
await assertReachable(url);
const sql = execFileSync(
  bin("prisma"),
  ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" },
);
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log("schema.prisma matches the migrations: nothing to write");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(ROOT, "prisma/migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${path.relative(ROOT, dir)}/migration.sql`);
