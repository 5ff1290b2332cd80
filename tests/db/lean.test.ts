import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { runQueriesLean } from "@/db/sqlite/lean";

// The lean runner (db/sqlite/lean.ts) must give what drizzle gives: the same queries run through
// a plain drizzle database and a lean one over one connection, and their results compared.

const things = sqliteTable("things", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["a", "b"] }).notNull(),
  data: text("data", { mode: "json" }).$type<{ tags: string[] } | null>(),
  at: integer("at", { mode: "timestamp_ms" }),
  flag: integer("flag", { mode: "boolean" }).notNull().default(false),
  score: real("score"),
});

const parts = sqliteTable("parts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  thingId: integer("thing_id").notNull(),
  label: text("label"),
  at: integer("at", { mode: "timestamp_ms" }),
});

function world() {
  const connection = new Database(":memory:");
  connection.exec(`CREATE TABLE things (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, data TEXT, at INTEGER, flag INTEGER NOT NULL DEFAULT 0, score REAL);
    CREATE TABLE parts (id INTEGER PRIMARY KEY AUTOINCREMENT, thing_id INTEGER NOT NULL, label TEXT, at INTEGER);
    INSERT INTO things (name, kind, data, at, flag, score) VALUES ('one', 'a', '{"tags":["x"]}', 1700000000123, 1, 0.5), ('two', 'b', NULL, NULL, 0, NULL), ('three', 'a', 'null', 5, 0, -1);
    INSERT INTO parts (thing_id, label, at) VALUES (1, 'p1', 1700000000999), (1, NULL, NULL), (3, 'p3', NULL);`);
  const plain = drizzle(connection);
  const lean = drizzle(connection);
  runQueriesLean(lean);
  return { plain, lean };
}

type Handle = ReturnType<typeof world>["plain"];
const p = sql.placeholder;

// Each query, built on a handle; the lean one must answer exactly as the plain one.
const selects: [string, (db: Handle) => { execute(values?: Record<string, unknown>): unknown }, Record<string, unknown>?][] = [
  ["every column type, decoded", (db) => db.select().from(things).orderBy(asc(things.id)).prepare()],
  ["a placeholder in the filter", (db) => db.select({ id: things.id, data: things.data, at: things.at }).from(things).where(eq(things.kind, p("kind"))).prepare(), { kind: "a" }],
  [
    "SQL fields, mapped and not",
    (db) =>
      db
        .select({ n: count(), total: sql<number>`sum(${things.score})`.mapWith(Number), raw: sql<number | null>`max(${things.at})`, kinds: sql<string>`group_concat(${things.kind})`.as("kinds") })
        .from(things)
        .prepare(),
  ],
  [
    "a left join: a missing right side is null, a present one with null columns is not",
    (db) =>
      db
        .select({ thing: { id: things.id, name: things.name }, part: { id: parts.id, label: parts.label, at: parts.at } })
        .from(things)
        .leftJoin(parts, eq(parts.thingId, things.id))
        .orderBy(asc(things.id), asc(parts.id))
        .prepare(),
  ],
  ["a whole table on each side of a join", (db) => db.select().from(things).leftJoin(parts, eq(parts.thingId, things.id)).orderBy(asc(things.id), asc(parts.id)).prepare()],
  [
    "a subquery's fields",
    (db) => {
      const sq = db.select({ id: things.id, name: things.name, at: things.at }).from(things).where(eq(things.flag, false)).as("sq");
      return db.select({ name: sq.name, at: sq.at }).from(sq).orderBy(asc(sq.id)).prepare();
    },
  ],
  ["no row", (db) => db.select({ id: things.id }).from(things).where(and(eq(things.kind, p("kind")), eq(things.name, p("name")))).prepare(), { kind: "b", name: "none" }],
];

describe("queries run lean give what drizzle gives", () => {
  for (const [name, build, values] of selects)
    it(name, async () => {
      const { plain, lean } = world();
      const expected = await build(plain).execute(values);
      // The lean handle's query runs its own way; the plain one runs drizzle's.
      expect([Object.hasOwn(build(lean), "execute"), Object.hasOwn(build(plain), "execute")]).toEqual([true, false]);
      expect(await build(lean).execute(values)).toEqual(expected);
      expect(JSON.stringify(await build(lean).execute(values))).toBe(JSON.stringify(expected));
    });

  it("one-off builder queries, reads and writes", async () => {
    const { plain, lean } = world();
    const read = (db: Handle) => db.select().from(things).leftJoin(parts, eq(parts.thingId, things.id)).where(eq(things.id, 1));
    expect(await read(lean)).toEqual(await read(plain));
    const inserted = await lean.insert(things).values({ name: "four", kind: "b", data: { tags: [] }, at: new Date(9), flag: true }).returning();
    expect(inserted).toEqual(await plain.select().from(things).where(eq(things.name, "four")));
    const changed = await lean.update(things).set({ score: 2 }).where(eq(things.kind, "b"));
    expect(changed.changes).toBe(2);
    expect(await lean.$count(things)).toBe(await plain.$count(things));
  });

  it("a placeholder bound through a column's encoder, and the insert's row id", async () => {
    const { plain, lean } = world();
    const insert = lean.insert(parts).values({ thingId: 2, label: p("label"), at: p("at") }).prepare();
    const result = (await insert.execute({ label: "new", at: new Date(1234) })) as { changes: number; lastInsertRowid: number | bigint };
    expect(result.changes).toBe(1);
    const [row] = await plain.select().from(parts).where(eq(parts.id, Number(result.lastInsertRowid)));
    expect(row).toEqual({ id: Number(result.lastInsertRowid), thingId: 2, label: "new", at: new Date(1234) });
  });

  it("fails as drizzle fails: a missing value, a broken constraint", async () => {
    const { plain, lean } = world();
    const byKind = (db: Handle) => db.select().from(things).where(eq(things.kind, p("kind"))).prepare();
    await expect(byKind(lean).execute({})).rejects.toThrow(await byKind(plain).execute({}).then(() => "resolved", (error: Error) => error.message));
    const insert = (db: Handle) => db.insert(things).values({ name: "one", kind: "a" });
    const expected = await insert(plain).then(() => null, (error: Error) => error);
    await expect(insert(lean)).rejects.toThrow(expected!.message);
    await expect(insert(lean)).rejects.toBeInstanceOf(expected!.constructor);
  });
});
