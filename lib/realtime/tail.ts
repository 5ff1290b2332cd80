import { and, asc, eq, gt, inArray, max, sql } from "drizzle-orm";
import { prepared } from "@/db/prepared";
import { database, type Db } from "@/db/client";
import { watchChanges } from "@/db/changes";
import { changes } from "@/db/schema";

// `seq` is the change's place in commit order: the cursor of every tail and the SSE event id.
export type ChangeRow = { seq: number; brandId: number; kind: string; objectId: number | null; conversationId: number | null; userId: number | null };

// Every page and stream starts from here: prepared once per connection.
const prepareLatest = (db: Db) => db.select({ seq: max(changes.seq) }).from(changes).prepare();

export async function latestChangeId({ db = database() }: { db?: Db } = {}): Promise<number> {
  const [row] = await prepared(db, "realtime.latest", prepareLatest).execute();
  return row?.seq ?? 0;
}

const prepareBrandLatest = (db: Db) => db.select({ seq: max(changes.seq) }).from(changes).where(eq(changes.brandId, sql.placeholder("brandId"))).prepare();

/** The brand's position in the change log: it moves with every write the brand's pages show. */
export async function brandChangeId({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<number> {
  const [row] = await prepared(db, "realtime.brandLatest", prepareBrandLatest).execute({ brandId });
  return Number(row?.seq ?? 0);
}

/**
 * The change log after `afterId` (a seq) for the caller's brands, in commit order; any server's
 * writes show up here, and a change committed late never lands behind a cursor that moved on.
 */
export async function changesSince({ db = database(), brandIds, afterId, limit = 500 }: { db?: Db; brandIds: number[]; afterId: number; limit?: number }): Promise<ChangeRow[]> {
  if (brandIds.length === 0) return [];
  const rows = await db
    .select({ seq: changes.seq, brandId: changes.brandId, kind: changes.kind, objectId: changes.objectId, conversationId: changes.conversationId, userId: changes.userId })
    .from(changes)
    .where(and(gt(changes.seq, afterId), inArray(changes.brandId, brandIds)))
    .orderBy(asc(changes.seq))
    .limit(limit);
  // The filter on seq leaves out rows whose transaction has not committed yet.
  return rows.map((row) => ({ ...row, seq: row.seq ?? 0 }));
}

/**
 * Paces a tail: `next()` resolves when any server commits a change (PostgreSQL's LISTEN), or after
 * the engine's interval, or at once when a change came while the tail was busy reading.
 */
export function changeWaiter({ db = database() }: { db?: Db } = {}): { next: () => Promise<void>; stop: () => void; everyMs: number } {
  let pending = false;
  let release: (() => void) | undefined;
  const watch = watchChanges(db, () => {
    pending = true;
    release?.();
  });
  return {
    everyMs: watch.everyMs,
    stop: () => {
      watch.stop();
      release?.();
    },
    next: () =>
      new Promise<void>((resolve) => {
        if (pending) {
          pending = false;
          return resolve();
        }
        const timer = setTimeout(done, watch.everyMs);
        function done() {
          clearTimeout(timer);
          release = undefined;
          pending = false;
          resolve();
        }
        release = done;
      }),
  };
}
