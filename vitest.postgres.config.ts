import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// The integration suites that run on PostgreSQL as well (`TEST_DATABASE=postgres`, or
// `npx vitest run --config vitest.postgres.config.ts`): each file's databases are copies of a
// migrated template on a throwaway cluster (tests/postgres-setup.ts).
export const POSTGRES_SUITES = ["tests/db/**/*.test.ts"];

export default mergeConfig(base, defineConfig({
  test: {
    include: POSTGRES_SUITES,
    globalSetup: ["tests/postgres-setup.ts"],
  },
}));
