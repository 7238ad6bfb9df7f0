import next from "eslint-config-next";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next*/**", "node_modules/**", ".yipan/**", "lib/server/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];
export default config;
