import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg and the Prisma client run on the server only; keep them out of the bundler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs"],
  poweredByHeader: false,
  // Lets parallel builds (e.g. two e2e runs on one machine) use separate folders.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
