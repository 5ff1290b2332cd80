import { engineOf, type Db } from "../client";

// What the bench measures below the data layer, on PostgreSQL: the raw insert rate of the
// messages table, and the size of the database.

const COLUMNS = [
  "conversation_id", "brand_id", "channel_id", "cycle_id", "direction", "visibility", "external_id", "in_reply_to_external_id",
  "contact_id", "user_id", "text", "created_at", "received_at", "automated", "language", "category", "complaint", "sentiment",
  "sentiment_score", "confidence", "reasons", "url", "attachments", "edited_at", "nrt_seconds", "delivery_state", "sent_at",
];

/**
 * Rows per second of the messages stored after `afterId` inserted again (new external ids) with
 * one multi-row INSERT of `batch` rows at a time from this process, inside one transaction that is
 * rolled back. The full-text index is one of the table's indexes here (a GIN index kept by every
 * insert) and the rollup trigger fires as it does for the pipeline, so there is one measure.
 */
export async function rawMessageInsertRate(db: Db, { afterId, batch }: { afterId: number; batch: number }): Promise<number> {
  const engine = engineOf(db);
  if (engine.kind !== "postgres") throw new Error("Not a PostgreSQL database.");
  const client = await engine.pool.connect();
  try {
    const names = COLUMNS.map((c) => `"${c}"`).join(", ");
    const { rows } = await client.query<unknown[]>({ text: `SELECT ${names} FROM messages WHERE id > $1 ORDER BY id`, values: [afterId], rowMode: "array" });
    const external = COLUMNS.indexOf("external_id");
    for (const row of rows) row[external] = `${row[external]}~raw`;
    await client.query("BEGIN");
    let spent = 0;
    try {
      for (let i = 0; i < rows.length; i += batch) {
        const slice = rows.slice(i, i + batch);
        const tuples = slice.map((_, r) => `(${COLUMNS.map((_, c) => `$${r * COLUMNS.length + c + 1}`).join(", ")})`);
        const t0 = performance.now();
        await client.query(`INSERT INTO messages (${names}) VALUES ${tuples.join(", ")}`, slice.flat());
        spent += performance.now() - t0;
      }
    } finally {
      await client.query("ROLLBACK");
    }
    return (rows.length / spent) * 1000;
  } finally {
    client.release();
  }
}

export async function databaseMb(db: Db): Promise<number> {
  const engine = engineOf(db);
  if (engine.kind !== "postgres") throw new Error("Not a PostgreSQL database.");
  const { rows } = await engine.client.query("SELECT pg_database_size(current_database()) AS bytes");
  return Math.round(Number((rows[0] as { bytes: number }).bytes) / 1e5) / 10;
}

/** The server's buffer cache (`shared_buffers`), which the figures depend on. */
export async function sharedBuffers(db: Db): Promise<string> {
  const engine = engineOf(db);
  if (engine.kind !== "postgres") throw new Error("Not a PostgreSQL database.");
  const { rows } = await engine.client.query("SHOW shared_buffers");
  return String((rows[0] as { shared_buffers: string }).shared_buffers);
}
