import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, type Db } from "@/db/client";
import { recordChange } from "@/lib/realtime/record-change";
import { changeWaiter, changesSince, latestChangeId, type ChangeRow } from "@/lib/realtime/tail";
import { makeBrand, onPostgres, openAgain, testDb } from "../helpers/db";

const { db, file } = testDb();
// A second server on the same database.
const other = openAgain(file);
afterAll(() => Promise.all([closeDatabase(db), closeDatabase(other)]));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readAll(tail: Db, brandId: number, after: number): Promise<ChangeRow[]> {
  const rows: ChangeRow[] = [];
  for (let cursor = after; ; ) {
    const page = await changesSince({ db: tail, brandIds: [brandId], afterId: cursor, limit: 50 });
    if (page.length === 0) return rows;
    rows.push(...page);
    cursor = page[page.length - 1].seq;
  }
}

describe("the change log's commit order", () => {
  it("a change that commits after a later one is still seen by a tail that moved on, and LISTEN wakes the tail", async () => {
    if (!onPostgres()) return; // SQLite commits one transaction at a time, in id order.
    const brand = await makeBrand({ db });
    const start = await latestChangeId({ db });
    let inserted!: () => void;
    const aInserted = new Promise<void>((resolve) => (inserted = resolve));
    let finish!: () => void;
    const aMayCommit = new Promise<void>((resolve) => (finish = resolve));
    const slow = db.transaction(async (tx) => {
      await recordChange(tx, { brandId: brand.id, kind: "conversation", objectId: 1 });
      inserted();
      await aMayCommit;
    });
    await aInserted;
    await other.transaction((tx) => recordChange(tx, { brandId: brand.id, kind: "conversation", objectId: 2 }));

    const first = await changesSince({ db: other, brandIds: [brand.id], afterId: start });
    expect(first.map((c) => c.objectId)).toEqual([2]);
    const waiter = changeWaiter({ db: other });
    // Let the listener connect before the commit it should hear.
    await sleep(300);
    const woken = Date.now();
    finish();
    await slow;
    await waiter.next();
    waiter.stop();
    expect(Date.now() - woken).toBeLessThan(waiter.everyMs - 500);
    const late = await changesSince({ db: other, brandIds: [brand.id], afterId: first[0].seq });
    expect(late.map((c) => c.objectId)).toEqual([1]);
  });

  it("two servers writing at once: a tail reading all along sees every change once, in commit order", async () => {
    const brand = await makeBrand({ db });
    const start = await latestChangeId({ db });
    const write = async (server: Db, name: number) => {
      for (let i = 0; i < 25; i++) {
        await server.transaction(async (tx) => {
          await recordChange(tx, { brandId: brand.id, kind: "message", objectId: name * 1000 + i * 2 });
          // Holds the transaction open a little: the other server's ids overtake this one's.
          if (onPostgres()) await sleep(Math.random() * 4);
          await recordChange(tx, { brandId: brand.id, kind: "message", objectId: name * 1000 + i * 2 + 1 });
        });
      }
    };
    const seen: ChangeRow[] = [];
    let writing = true;
    const tail = (async () => {
      let cursor = start;
      while (writing) {
        const rows = await changesSince({ db: other, brandIds: [brand.id], afterId: cursor, limit: 7 });
        seen.push(...rows);
        if (rows.length) cursor = rows[rows.length - 1].seq;
        else await sleep(1);
      }
      seen.push(...(await readAll(other, brand.id, cursor)));
    })();
    // Two handles of one process on one SQLite file would wait for each other's lock synchronously.
    await Promise.all([write(db, 1), write(onPostgres() ? other : db, 2)]);
    writing = false;
    await tail;

    const all = await readAll(db, brand.id, start);
    expect(all).toHaveLength(100);
    expect(seen.map((c) => c.seq)).toEqual(all.map((c) => c.seq));
    expect(new Set(seen.map((c) => c.objectId)).size).toBe(100);
    // Each transaction's two changes stay next to each other, in the order they were written.
    for (let i = 0; i < seen.length; i += 2) expect(seen[i + 1].objectId).toBe(seen[i].objectId! + 1);
  });
});
