import type Database from "better-sqlite3";
import { fillPlaceholders, sql, type Column, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../client";
import { engineOf } from "../client";
import { selectRows } from "../sql";

// The SQLite side of the inbox: planner hints and JSON arrays (its search is in ./fts.ts). Each
// has a twin to write for another engine; the inbox's queries are built with the query builder.

// `+column`: SQLite will not walk an index on this column, so the view's index drives the query.
export function skipIndex(column: Column): SQL {
  return sql`+${column}`;
}

// `column IN (ids)` as one statement whatever the number of ids: they travel as one JSON parameter
// (or as a placeholder of a prepared query that takes idList(ids)).
export function inIdList(column: Column, ids: readonly number[] | SQL): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${Array.isArray(ids) ? JSON.stringify(ids) : ids}))`;
}

// A walk of an index range reads no row: an index entry holds the rowid, so the walk stays in the index.
export const RANGE_WALK_READS_ROWS = false;

// A statement runs in the process: no round trip.
export const STATEMENT_IS_ROUND_TRIP = false;

// The value of an inIdList placeholder.
export function idList(ids: readonly number[]): string {
  return JSON.stringify(ids);
}

// A JSON-array column (labels) that holds `value`.
export function jsonArrayHas(column: Column, value: string | SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM json_each(${column}) WHERE json_each.value = ${value})`;
}

// Labels on the brand's `recent` newest conversations (conversations_recent bounds the read), most used first.
export async function recentLabels(db: Db, { brandId, recent, limit }: { brandId: number; recent: number; limit: number }): Promise<string[]> {
  const rows = await selectRows<{ label: string }>(
    db,
    sql`SELECT j.value AS label, count(*) AS n
          FROM (SELECT labels FROM conversations WHERE brand_id = ${brandId} ORDER BY last_message_at DESC LIMIT ${recent}) c, json_each(c.labels) j
         WHERE c.labels != '[]' GROUP BY j.value ORDER BY n DESC, j.value LIMIT ${limit}`,
  );
  return rows.map((r) => r.label);
}

// How SQLite would run a query (EXPLAIN QUERY PLAN), one line per step; the tests keep the inbox on its indexes.
// A query with placeholders carries their values (`placeholderValues`), as a prepared query is executed with them.
export async function queryPlan(db: Db, query: SQLWrapper & { placeholderValues?: Record<string, unknown> }): Promise<string[]> {
  const compiled = engineOf(db).compile(sql`EXPLAIN QUERY PLAN ${query.getSQL()}`);
  const params = fillPlaceholders(compiled.params, query.placeholderValues ?? {});
  const rows = (engineOf(db).connection(false) as Database.Database).prepare(compiled.sql).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail);
}
