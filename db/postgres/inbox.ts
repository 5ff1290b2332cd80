import { sql, type Column, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../client";
import { selectRows } from "../sql";

// PostgreSQL's twins of db/sqlite/inbox.ts.

// PostgreSQL's planner takes no per-column hint; its statistics pick the view's index.
export function skipIndex(column: Column): SQL {
  return sql`${column}`;
}

// `column = ANY(ids)`: one array parameter whatever the number of ids (or a placeholder of a
// prepared query that takes idList(ids)).
export function inIdList(column: Column, ids: readonly number[] | SQL): SQL {
  return sql`${column} = ANY(${Array.isArray(ids) ? sql.param(ids.map(Number)) : ids}::bigint[])`;
}

// A walk of an index range reads each row: an index entry holds no id, the row has it.
export const RANGE_WALK_READS_ROWS = true;

// Each statement is a round trip to the server.
export const STATEMENT_IS_ROUND_TRIP = true;

// The value of an inIdList placeholder.
export function idList(ids: readonly number[]): number[] {
  return ids.map(Number);
}

// A jsonb-array column (labels) that holds `value`.
export function jsonArrayHas(column: Column, value: string | SQL): SQL {
  return sql`${column} @> jsonb_build_array(${value}::text)`;
}

// Ties ordered by the label's bytes (COLLATE "C"), as SQLite orders text.
export async function recentLabels(db: Db, { brandId, recent, limit }: { brandId: number; recent: number; limit: number }): Promise<string[]> {
  const rows = await selectRows<{ label: string }>(
    db,
    sql`SELECT j.label, count(*) AS n
          FROM (SELECT labels FROM conversations WHERE brand_id = ${brandId} ORDER BY last_message_at DESC LIMIT ${recent}) c,
               jsonb_array_elements_text(c.labels) AS j(label)
         WHERE c.labels <> '[]'::jsonb GROUP BY j.label ORDER BY n DESC, j.label COLLATE "C" LIMIT ${limit}`,
  );
  return rows.map((r) => r.label);
}

// How PostgreSQL would run a query (EXPLAIN), one line per plan line.
export async function queryPlan(db: Db, query: SQLWrapper): Promise<string[]> {
  const rows = await selectRows<{ "QUERY PLAN": string }>(db, sql`EXPLAIN ${query.getSQL()}`);
  return rows.map((r) => r["QUERY PLAN"]);
}
