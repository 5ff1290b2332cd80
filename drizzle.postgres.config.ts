import { defineConfig } from "drizzle-kit";

// The PostgreSQL migrations: the same db/schema.ts, built as PostgreSQL tables (db/table.ts).
process.env.REPLYHOUR_ENGINE = "postgres";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./drizzle-pg",
  dbCredentials: { url: process.env.DATABASE_URL || "postgres://localhost/replyhour" },
});
