import type { SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { selectRows } from "@/db/sql";

/**
 * The rows of a query built with the query builder, as the driver returns them: on reads of tens
 * of thousands of rows (the dashboard's), drizzle's per-row mapping costs more than the read.
 * Every field must be aliased to its own key (sql`…`.as("key")) and need no decoding.
 */
export function driverRows<Q extends { getSQL(): SQL; _: { result: unknown[] } }>(db: Db, query: Q): Promise<Q["_"]["result"]> {
  return selectRows<Q["_"]["result"][number]>(db, query.getSQL());
}
