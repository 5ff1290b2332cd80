import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { workerState } from "@/db/schema";
import { closeDatabase, type Db, type Tx } from "@/db/client";
import { testDb } from "../helpers/db";

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

  it("serialises transactions: two never interleave, whatever they await", async () => {
    const { db } = testDb();
    const log: string[] = [];
    const body = (name: string) => async (tx: Tx) => {
      log.push(`${name}:begin`);
      await put(tx, name, "x");
      await tick();
      await tick();
      log.push(`${name}:end`);
    };
    await Promise.all([db.transaction(body("a")), db.transaction(body("b")), db.transaction(body("c"))]);
    expect(log).toEqual(["a:begin", "a:end", "b:begin", "b:end", "c:begin", "c:end"]);
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
