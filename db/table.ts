import { sqliteTable } from "drizzle-orm/sqlite-core";
import { engineKind } from "./engine";
import { toPostgres } from "./postgres/table";

// db/schema.ts declares each table once, with SQLite's column builders; lib/ is typed against
// those. On PostgreSQL the same declaration is turned into a PostgreSQL table with the same
// columns, constraints and indexes (./postgres/table.ts), whose values reach lib/ as the same
// JS values, so lib/ runs unchanged on either engine.
export const table = ((...args: Parameters<typeof sqliteTable>) => {
  const declared = sqliteTable(...args);
  return engineKind() === "postgres" ? toPostgres(declared) : declared;
}) as typeof sqliteTable;
