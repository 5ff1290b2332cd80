import { defineConfig } from "vitest/config";
import os from "node:os";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "tests/soak/**", "node_modules/**"],
    environment: "node",
    setupFiles: ["tests/setup-env.ts", "tests/setup-fast-check.ts"],
    pool: "forks",
    // Most files wait on child processes, sockets and SQLite files, not the CPU: vitest's default
    // of one worker per core but one leaves a two-core machine running them one at a time.
    maxWorkers: Math.max(3, os.availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
