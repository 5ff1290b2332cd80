import { sql, type Column, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../client";
import { selectRows } from "../sql";

// The SQLite side of the inbox: planner hints and JSON arrays (its search is in ./fts.ts). Each
// has a twin to write for another engine; the inbox's queries are built with the query builder.

// `+column`: SQLite will not walk an index on this column, so the view's index drives the query.
export function skipIndex(column: Column): SQL {
  return sql`+${column}`;
}

// `column IN (ids)` as one statement whatever the number of ids: they travel as one JSON parameter.
export function inIdList(column: Column, ids: readonly number[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

// A JSON-array column (labels) that holds `value`.
export function jsonArrayHas(column: Column, value: string): SQL {
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
export async function queryPlan(db: Db, query: SQLWrapper): Promise<string[]> {
  const rows = await selectRows<{ detail: string }>(db, sql`EXPLAIN QUERY PLAN ${query.getSQL()}`);
  return rows.map((r) => r.detail);
}
