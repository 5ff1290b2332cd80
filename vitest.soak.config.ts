import { defineConfig } from "vitest/config";
import path from "node:path";

// `npm run test:soak`: the longer reliability runs (more crash rounds, more generated hostile
// input, random outbound fault sequences). Needs a production build, like the e2e tests.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/soak/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/setup-env.ts", "tests/setup-fast-check.ts"],
    env: { SOAK: "1" },
    pool: "forks",
    fileParallelism: false,
    testTimeout: 15 * 60_000,
    hookTimeout: 120_000,
  },
});
