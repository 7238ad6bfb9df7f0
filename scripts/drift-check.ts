// Fails when prisma/schema.prisma and prisma/migrations differ (Prisma replays the migrations into a
// temporary shadow database on the server in DATABASE_URL and diffs it against the schema).
import { assertReachable } from "./lib/database";
import { bin, run } from "./lib/run";

const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
await assertReachable(url);
try {
  await run(bin("prisma"), [
    "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma",
    "--exit-code", "--script",
  ], { ...process.env, DATABASE_URL: url });
  console.log("drift check: migrations match schema.prisma");
} catch {
  console.error("drift check FAILED: schema.prisma has changes no migration applies. Run: npm run db:migration -- <name>");
  process.exit(1);
}
