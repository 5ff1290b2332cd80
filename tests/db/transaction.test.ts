import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { workerState } from "@/db/schema";
import { closeDatabase, type Db, type Tx } from "@/db/client";
import { onPostgres, testDb } from "../helpers/db";

const put = (tx: Tx, key: string, value: string) => tx.insert(workerState).values({ key, value, updatedAt: new Date(0) });
// Migrations seed worker_state with the search-index cursor; these tests look at their own keys.
const keys = async (db: Db) => (await db.select().from(workerState)).map((r) => r.key).filter((k) => k !== "fts-cursor").sort();
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the one transaction primitive", () => {
  it("commits all or nothing: a throw rolls the whole transaction back", async () => {
    const { db } = testDb();
    await expect(
      db.transaction(async (tx) => {
        await put(tx, "a", "1");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await keys(db)).toEqual([]);
    await db.transaction((tx) => put(tx, "a", "1"));
    expect(await keys(db)).toEqual(["a"]);
    closeDatabase(db);
  });

  it("on SQLite serialises transactions: two never interleave, whatever they await; on PostgreSQL each has a handle of its own", async () => {
    const { db } = testDb();
    const log: string[] = [];
    const handles: Tx[] = [];
    const body = (name: string) => async (tx: Tx) => {
      handles.push(tx);
      log.push(`${name}:begin`);
      await put(tx, name, "x");
      await tick();
      await tick();
      log.push(`${name}:end`);
    };
    await Promise.all([db.transaction(body("a")), db.transaction(body("b")), db.transaction(body("c"))]);
    if (onPostgres()) expect(new Set(handles).size).toBe(3);
    else expect(log).toEqual(["a:begin", "a:end", "b:begin", "b:end", "c:begin", "c:end"]);
    expect(await keys(db)).toEqual(["a", "b", "c"]);
    closeDatabase(db);
  });

  it("on PostgreSQL four transactions run at once and the others wait for a free turn", async () => {
    if (!onPostgres()) return;
    const { db } = testDb();
    let inside = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const all = Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        db.transaction(async (tx) => {
          inside++;
          await put(tx, `k${i}`, "x");
          await gate;
        }),
      ),
    );
    while (inside < 4) await new Promise((resolve) => setTimeout(resolve, 10));
    // Time enough for a fifth to begin, were it let in.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(inside).toBe(4);
    release();
    await all;
    expect(inside).toBe(7);
    expect(await keys(db)).toHaveLength(7);
    closeDatabase(db);
  });

  it("reads outside a transaction never see another's uncommitted writes; reads inside see their own", async () => {
    const { db } = testDb();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    let insideSaw: string[] = [];
    const writer = db.transaction(async (tx) => {
      await put(tx, "pending", "1");
      insideSaw = await keys(db);
      wrote();
      await gate;
    });
    await written;
    expect(insideSaw).toEqual(["pending"]);
    expect(await keys(db)).toEqual([]);
    release();
    await writer;
    expect(await keys(db)).toEqual(["pending"]);
    closeDatabase(db);
  });

  it("a transaction inside a transaction is a savepoint: its failure leaves the outer work intact", async () => {
    const { db } = testDb();
    await db.transaction(async (tx) => {
      await put(tx, "outer", "1");
      await expect(
        db.transaction(async (inner) => {
          await put(inner, "inner", "1");
          throw new Error("inner failed");
        }),
      ).rejects.toThrow("inner failed");
      await tx.transaction((inner) => put(inner, "kept", "1"));
    });
    expect(await keys(db)).toEqual(["kept", "outer"]);
    closeDatabase(db);
  });

  it("the process handle cannot write outside a transaction", async () => {
    const { db } = testDb();
    expect("insert" in db).toBe(false);
    await db.transaction((tx) => put(tx, "k", "v"));
    const [row] = await db.select().from(workerState).where(eq(workerState.key, "k"));
    expect(row.value).toBe("v");
    closeDatabase(db);
  });
});
