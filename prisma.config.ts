import { defineConfig } from "prisma/config";
import { cliAdapter } from "./prisma/cli-adapter";

// Prisma does not read .env when this file exists; scripts/start.ts and the test runner set DATABASE_URL.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => cliAdapter(process.env.DATABASE_URL),
});
