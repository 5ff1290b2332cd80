import { describe, expect, it } from "vitest";
import { DrizzleQueryError, eq, sql } from "drizzle-orm";
import { brands } from "@/db/schema";
import { isRetryableConflict, isUniqueViolation, retryOnConflict, sqlErrorCode } from "@/db/conflict";
import { execute } from "@/db/sql";
import { barrier } from "../helpers/barrier";
import { makeBrand, onPostgres, openAgain, row, testDb } from "../helpers/db";

const conflict = (code: string) => Object.assign(new Error(`conflict ${code}`), { code });

describe("retryOnConflict", () => {
  it("runs the work again after a deadlock or a serialization failure, and gives up after the last attempt", async () => {
    let calls = 0;
    expect(await retryOnConflict(async () => (++calls < 3 ? Promise.reject(conflict(calls === 1 ? "40P01" : "40001")) : "stored"))).toBe("stored");
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryOnConflict(async () => (++calls, Promise.reject(conflict("40P01"))), 2)).rejects.toThrow(/40P01/);
    expect(calls).toBe(2);
  });

  it("passes any other error on at once", async () => {
    let calls = 0;
    await expect(retryOnConflict(async () => (++calls, Promise.reject(conflict("23505"))))).rejects.toThrow(/23505/);
    await expect(retryOnConflict(async () => (++calls, Promise.reject(new Error("plain"))))).rejects.toThrow(/plain/);
    expect(calls).toBe(2);
    expect(isRetryableConflict(null)).toBe(false);
  });

  // The query builder wraps the driver's error; the code is read from its cause.
  it("reads the code through the query builder's wrapper", async () => {
    const wrapped = new DrizzleQueryError("update brands", [], conflict("40P01"));
    expect(sqlErrorCode(wrapped)).toBe("40P01");
    expect(isRetryableConflict(wrapped)).toBe(true);
    expect(isUniqueViolation(new DrizzleQueryError("insert", [], conflict("23505")))).toBe(true);
    expect(isUniqueViolation(conflict("SQLITE_CONSTRAINT_UNIQUE"))).toBe(true);
    expect(isUniqueViolation(wrapped)).toBe(false);
    let calls = 0;
    expect(await retryOnConflict(async () => (++calls < 2 ? Promise.reject(wrapped) : "stored"))).toBe("stored");
  });

  // Two servers (a process runs one transaction at a time) lock two rows in opposite orders:
  // PostgreSQL ends one transaction, which runs again, and both changes are stored.
  it.runIf(onPostgres())("stores both sides of a real PostgreSQL deadlock between two servers", async () => {
    const { db, file } = testDb();
    const servers = [db, openAgain(file)];
    const [a, b] = [await makeBrand({ db }), await makeBrand({ db })];
    const bothHoldOne = barrier(2);
    let attempts = 0;
    const side = (server: number, first: number, second: number, name: string) =>
      retryOnConflict(() =>
        servers[server].transaction(async (tx) => {
          attempts++;
          await execute(tx, sql`UPDATE brands SET name = ${name} WHERE id = ${first}`);
          if (attempts <= 2) await bothHoldOne();
          // Through the query builder, whose error arrives wrapped.
          await tx.update(brands).set({ name }).where(eq(brands.id, second));
        }),
      );
    await Promise.all([side(0, a.id, b.id, "left"), side(1, b.id, a.id, "right")]);
    expect(attempts).toBe(3);
    const names = [(await row<{ name: string }>(db, "SELECT name FROM brands WHERE id = ?", a.id))!.name, (await row<{ name: string }>(db, "SELECT name FROM brands WHERE id = ?", b.id))!.name];
    expect(names[0]).toBe(names[1]);
  });
});
