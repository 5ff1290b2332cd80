import { sql } from "drizzle-orm";
import { engineOf, type Db, type Tx } from "./client";
import { nameStatement } from "./postgres/prepared";

// Queries that run for every ingested event, built once: drizzle builds a query (walks its
// SQL chunks, encodes its parameters) each time it is awaited, and on the ingest path that costs
// more than running it. A prepared query takes its values through placeholders:
//
//   const open = prepared(tx, "escalation.open", (tx) => tx.select(…).where(eq(t.id, sql.placeholder("id"))).prepare());
//   const rows = await open.execute({ id });
//
// Cached per connection the handle's statements run on (the writer inside a transaction, the
// read-only connection outside one), so a query prepared on the process handle never reads
// from the wrong side. The key names the query: one key, one builder.

const caches = new WeakMap<object, Map<string, unknown>>();

export function prepared<H extends Db | Tx, Q>(handle: H, key: string, build: (handle: H) => Q): Q {
  const engine = engineOf(handle);
  const connection = engine.connection("insert" in handle);
  let cache = caches.get(connection);
  if (!cache) caches.set(connection, (cache = new Map()));
  let query = cache.get(key) as Q | undefined;
  if (query === undefined) {
    query = build(handle);
    // On PostgreSQL a named statement: parsed once per pooled connection (db/postgres/prepared.ts).
    if (engine.kind === "postgres") nameStatement(query);
    cache.set(key, query);
  }
  return query;
}

// A written value bound as the driver stores it (ms since the epoch, 0/1, JSON text): drizzle
// would pass a bare placeholder through the column's encoder, which wants a Date and refuses null.
export const bind = (name: string) => sql`${sql.placeholder(name)}`;

// LIMIT 1 written into the statement: SQLite runs an ORDER BY … LIMIT that it sees when the
// statement is prepared several times faster than one whose limit is bound later.
export const ONE = sql.raw("1") as unknown as number;
