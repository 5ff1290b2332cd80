import { defineConfig } from "drizzle-kit";

// The SQLite migrations, whatever DATABASE_URL says (drizzle.postgres.config.ts has PostgreSQL's).
process.env.REPLYHOUR_ENGINE = "sqlite";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./drizzle",
  dbCredentials: { url: process.env.DATABASE_PATH || "./data/replyhour.db" },
});
