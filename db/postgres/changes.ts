import pg from "pg";
import type { PostgresEngine } from "./client";

// Commit order for the change log on PostgreSQL. Ids come from a sequence when a row is inserted,
// so with several servers a lower id can commit after a higher one and a tail reading by id
// would step over it. Each transaction that wrote changes numbers them just before COMMIT while
// holding one advisory lock, which COMMIT releases only once the rows are visible: whoever sees
// number n has every number below n too.

// Any number but one, distinct from the migration lock.
const SEQUENCE_LOCK = 7_420_515;
export const CHANGES_CHANNEL = "replyhour_changes";

/** Remembers a change row of the current transaction, to be numbered when it commits. */
export function sequenceAtCommit(engine: PostgresEngine, id: number): void {
  const ids = engine.beforeCommit<number[]>("changes.sequence", () => {
    const list: number[] = [];
    return { value: list, run: (client) => numberChanges(client, list) };
  });
  ids.push(id);
}

async function numberChanges(client: pg.PoolClient, ids: number[]): Promise<void> {
  // The notification is delivered at COMMIT, to every server's listener.
  await client.query("SELECT pg_advisory_xact_lock($1), pg_notify($2, '')", [SEQUENCE_LOCK, CHANGES_CHANNEL]);
  // A new statement after the lock: its snapshot holds every number committed before.
  await client.query(
    `UPDATE "changes" AS c SET "seq" = top.seq + r.n
     FROM (SELECT coalesce(max("seq"), 0) AS seq FROM "changes") AS top,
          (SELECT "id", row_number() OVER (ORDER BY "id") AS n FROM "changes" WHERE "id" = ANY($1::bigint[])) AS r
     WHERE c."id" = r."id"`,
    [ids],
  );
}

type Listener = { subscribers: Set<() => void>; client?: pg.Client; closed: boolean };
const listeners = new WeakMap<PostgresEngine, Listener>();

/**
 * Calls `wake` whenever any server commits changes (LISTEN), and once after the connection
 * was lost and made again, since notifications sent meanwhile are gone. Returns the unsubscribe.
 */
export function listenForChanges(engine: PostgresEngine, wake: () => void): () => void {
  let listener = listeners.get(engine);
  if (!listener) {
    const made: Listener = { subscribers: new Set(), closed: false };
    listeners.set(engine, made);
    engine.onClose(async () => {
      made.closed = true;
      await made.client?.end().catch(() => undefined);
    });
    void connect(engine, made);
    listener = made;
  }
  const subscribers = listener.subscribers;
  subscribers.add(wake);
  return () => subscribers.delete(wake);
}

async function connect(engine: PostgresEngine, listener: Listener): Promise<void> {
  if (listener.closed) return;
  const client = new pg.Client({ connectionString: engine.url });
  listener.client = client;
  const retry = () => {
    if (listener.client !== client) return;
    listener.client = undefined;
    client.end().catch(() => undefined);
    for (const wake of listener.subscribers) wake();
    setTimeout(() => void connect(engine, listener), 1_000).unref();
  };
  client.on("error", retry);
  client.on("end", retry);
  client.on("notification", () => {
    for (const wake of listener.subscribers) wake();
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
  } catch {
    retry();
  }
}
