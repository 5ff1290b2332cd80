import crypto from "node:crypto";

// A query prepared with drizzle runs on PostgreSQL as an unnamed statement: parsed, analysed and
// planned again on every call. Named, node-postgres parses it once per pooled connection and
// sends only its values afterwards; the server keeps the parse and plans each call for its values
// (plan_cache_mode, set at connection in db/postgres/client.ts). The name follows the text, so one text has one name on
// every connection (PostgreSQL compares names on their first 63 bytes; keys can be longer).
type NodePgQuery = { queryConfig?: { name?: string; text: string }; rawQueryConfig?: { name?: string; text: string } };

export function nameStatement(query: unknown): void {
  const q = query as NodePgQuery;
  if (!q.queryConfig || !q.rawQueryConfig || q.queryConfig.name) return;
  const name = `rh_${crypto.createHash("sha1").update(q.queryConfig.text).digest("base64url").slice(0, 20)}`;
  q.queryConfig.name = name;
  q.rawQueryConfig.name = name;
}
