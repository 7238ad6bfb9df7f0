import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg and the Prisma client run on the server only; keep them out of the bundler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs"],
  poweredByHeader: false,
};

export default nextConfig;
