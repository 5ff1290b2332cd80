import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db, Tx } from "../client";
import * as schema from "../schema";
import { postgresTables } from "./table";

type Transact = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
type Queryable = { query(config: unknown, values?: unknown[]): Promise<pg.QueryResult> };

export type PostgresEngine = {
  kind: "postgres";
  url: string;
  pool: pg.Pool;
  // Runs a statement on the transaction's client in its async context, else on the pool.
  client: Queryable;
  // The query builder on `client`: outside a transaction, each statement commits by itself.
  handle: Tx;
  connection(write: boolean): Queryable;
  compile(query: SQL): { sql: string; params: unknown[] };
  // Settles when the database is migrated (or could not be).
  ready: Promise<void>;
  // Work the transaction does just before its COMMIT, kept under a key: the first call for a key
  // in a transaction makes it, later calls get its value (the caller must be inside one).
  beforeCommit<T>(key: string, make: () => PreCommit<T>): T;
  // Work to finish before the pool closes (a listener's own connection).
  onClose(fn: () => Promise<void>): void;
  close(): Promise<void>;
};

// bigint (every SQLite integer's twin, count(*), sum over integers) and numeric (avg, sum over
// bigint) come back as JS numbers, as SQLite's do; ids and ms stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
// jsonb comes back as its text, as SQLite's JSON columns do: the column's decoder parses it, and
// a raw read (selectRows, a sql`` field) gets the same string on both engines.
pg.types.setTypeParser(pg.types.builtins.JSONB, (value) => value);
pg.types.setTypeParser(pg.types.builtins.JSON, (value) => value);

export type PreCommit<T> = { value: T; run: (client: pg.PoolClient) => Promise<void> };
// A transaction's own handle (what lib/ keeps by its handle is this transaction's), its client, its hooks.
type TxStore = { handle: Tx; client: pg.PoolClient; beforeCommit: Map<string, PreCommit<unknown>> };

const dialect = new PgDialect();

// Transactions one process runs at once; the pool keeps connections for reads beside them.
const CONCURRENT_TRANSACTIONS = 4;

// Waiting transactions start in the order they asked.
function transactionSlots(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return {
    take: (): Promise<void> => (free > 0 ? (free--, Promise.resolve()) : new Promise((resolve) => waiting.push(resolve))),
    give: (): void => {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}
// Any number but one: migrations of several servers starting at once run one after another.
const MIGRATION_LOCK = 7_420_514;

let idTables: Set<string> | undefined;
function tablesWithId(): Set<string> {
  idTables ??= new Set(postgresTables().filter((t) => "id" in t).map((t) => (t as unknown as { [k: symbol]: string })[Symbol.for("drizzle:Name")]));
  return idTables;
}

const INSERT = /^insert into "([a-z_]+)"/;

// lib/ reads `changes` and `lastInsertRowid` of a write, as better-sqlite3 reports them (Tx is
// typed after it). An INSERT into a table with an id says RETURNING "id" to report it.
function runResult(result: pg.QueryResult, appended: boolean) {
  const run = result as pg.QueryResult & { changes: number; lastInsertRowid: number };
  run.changes = result.rowCount ?? 0;
  if (appended) run.lastInsertRowid = result.rows.length ? Number(result.rows[result.rows.length - 1].id) : 0;
  return run;
}

class Router implements Queryable {
  constructor(
    private readonly pool: pg.Pool,
    private readonly ready: Promise<unknown>,
    private readonly holder: AsyncLocalStorage<TxStore>,
  ) {}

  async query(config: unknown, values?: unknown[]) {
    await this.ready;
    const target: Queryable = this.holder.getStore()?.client ?? this.pool;
    const text = typeof config === "string" ? config : (config as { text: string }).text;
    const table = INSERT.exec(text)?.[1];
    const append = !!table && !/\breturning\b/i.test(text) && tablesWithId().has(table);
    if (!append) return runResult(await target.query(config, values), false);
    const withId = `${text} returning "id"`;
    const next = typeof config === "string" ? withId : { ...(config as object), text: withId, name: undefined, rowMode: undefined };
    return runResult(await target.query(next, values), true);
  }
}

/**
 * A pool of connections to the PostgreSQL database at `url`. A transaction is BEGIN … COMMIT on
 * one pooled client; a transaction started inside another (same async context) is a savepoint
 * of it. A process runs a few transactions at once (CONCURRENT_TRANSACTIONS), as several
 * servers do: one's statements wait on the database while another's JavaScript runs. Each gets
 * a handle of its own. Reads outside a transaction run on the pool beside them and see only
 * committed rows.
 */
// Prepared queries are named statements (db/prepared.ts): parsed once, but planned for each call's
// values, as they were unnamed. A generic plan guesses at a search's words and a filter's rarity;
// forced, it made the inbox's search and rare filters slower. No JIT compilation: the dashboard's
// statements pass its cost threshold at 1M conversations and JIT made them slower (the agents
// table's resolved count: 150 ms with JIT, 80 ms without). Said in the connection's start-up
// (after any options the URL gives), so it holds from the first query and costs no round trip.
export function withSessionSettings(url: string): string {
  const parsed = new URL(url);
  const given = parsed.searchParams.get("options");
  parsed.searchParams.set("options", [given, "-c plan_cache_mode=force_custom_plan -c jit=off"].filter(Boolean).join(" "));
  return parsed.toString();
}

export function openPostgres({ url, runMigrations = true, ready, migrationsFolder }: { url: string; runMigrations?: boolean; ready?: Promise<unknown>; migrationsFolder: string }): Db {
  const pool = new pg.Pool({ connectionString: withSessionSettings(url), max: Number(process.env.DATABASE_POOL_SIZE) || 10 });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const prepared = (async () => {
    await ready;
    if (!runMigrations) return;
    const client = await pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
  })();
  prepared.catch(() => undefined);

  const holder = new AsyncLocalStorage<TxStore>();
  const router = new Router(pool, prepared, holder);
  const handle = drizzle(router as unknown as pg.Pool, { schema }) as unknown as Tx;
  const slots = transactionSlots(CONCURRENT_TRANSACTIONS);
  let savepoints = 0;

  const nested: Transact = async (fn) => {
    const { client, handle: own } = holder.getStore()!;
    const name = `sp${++savepoints}`;
    await client.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn(own);
      await client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await client.query(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
  };

  const outer: Transact = async (fn) => {
    if (holder.getStore()) return nested(fn);
    await slots.take();
    try {
      await prepared;
      const client = await pool.connect();
      let broken = false;
      try {
        const own = Object.create(handle) as Tx;
        const store: TxStore = { handle: own, client, beforeCommit: new Map() };
        return await holder.run(store, async () => {
          await client.query("BEGIN");
          try {
            const result = await fn(own);
            for (const hook of store.beforeCommit.values()) await hook.run(client);
            await client.query("COMMIT");
            return result;
          } catch (error) {
            await client.query("ROLLBACK").catch(() => (broken = true));
            throw error;
          }
        });
      } finally {
        client.release(broken);
      }
    } finally {
      slots.give();
    }
  };
  Object.defineProperty(handle, "transaction", { value: outer });

  const closers: (() => Promise<void>)[] = [];
  const engine: PostgresEngine = {
    kind: "postgres",
    url,
    pool,
    client: router,
    handle,
    ready: prepared,
    connection: () => router,
    beforeCommit<T>(key: string, make: () => PreCommit<T>): T {
      const store = holder.getStore();
      if (!store) throw new Error("beforeCommit is for a statement inside a transaction.");
      let hook = store.beforeCommit.get(key) as PreCommit<T> | undefined;
      if (!hook) store.beforeCommit.set(key, (hook = make()));
      return hook.value;
    },
    compile: (query) => {
      const { sql, params } = dialect.sqlToQuery(query);
      return { sql, params };
    },
    onClose: (fn) => void closers.push(fn),
    close: () =>
      prepared
        .catch(() => undefined)
        .then(() => Promise.all(closers.map((fn) => fn())))
        .then(() => pool.end()),
  };
  const h = handle as unknown as Record<string, (...a: never[]) => unknown>;
  const db = {
    select: (...args: never[]) => h.select(...args),
    selectDistinct: (...args: never[]) => h.selectDistinct(...args),
    $count: (...args: never[]) => h.$count(...args),
    $with: (...args: never[]) => h.$with(...args),
    with: (...args: never[]) => h.with(...args),
    get query() {
      return handle.query;
    },
    transaction: outer,
  } as unknown as Db;
  for (const target of [db, handle]) Object.defineProperty(target, Symbol.for("replyhour.engine"), { value: engine });
  return db;
}
