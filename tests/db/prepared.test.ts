import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { bind, prepared } from "@/db/prepared";
import { withSessionSettings } from "@/db/postgres/client";
import { selectRows } from "@/db/sql";
import { brands } from "@/db/schema";
import { makeBrand, onPostgres, testDb } from "../helpers/db";

// Prepared queries on both engines; on PostgreSQL they are named statements, planned per call.
describe("prepared queries", () => {
  it("run again with other values and give each call's rows", async () => {
    const { db } = testDb();
    const [a, b] = [await makeBrand({ db }), await makeBrand({ db })];
    const bySlug = (h: typeof db) => h.select({ id: brands.id }).from(brands).where(eq(brands.slug, bind("slug"))).prepare();
    for (let round = 0; round < 8; round++)
      for (const brand of [a, b]) expect(await prepared(db, "test.brandBySlug", bySlug).execute({ slug: brand.slug })).toEqual([{ id: brand.id }]);
    expect(await prepared(db, "test.brandBySlug", bySlug).execute({ slug: "no-such-brand" })).toEqual([]);
  });

  it("are named statements on PostgreSQL, parsed once per connection and planned for each call's values", async () => {
    if (!onPostgres()) return;
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const byId = (h: typeof db) => h.select({ slug: brands.slug }).from(brands).where(eq(brands.id, bind("id"))).prepare();
    // One transaction is one connection: what it prepared is visible to it.
    const seen = await db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) expect(await prepared(tx, "test.brandById", byId).execute({ id: brand.id })).toEqual([{ slug: brand.slug }]);
      const statements = await selectRows<{ name: string; statement: string }>(tx, sql`SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE '%from "brands"%'`);
      const [mode] = await selectRows<{ plan_cache_mode: string }>(tx, sql`SHOW plan_cache_mode`);
      const [jit] = await selectRows<{ jit: string }>(tx, sql`SHOW jit`);
      return { statements, mode: mode.plan_cache_mode, jit: jit.jit };
    });
    expect(seen.statements).toHaveLength(1);
    expect(seen.statements[0].name).toMatch(/^rh_/);
    expect(seen.mode).toBe("force_custom_plan");
    expect(seen.jit).toBe("off");
  });

  it("ask PostgreSQL for per-call plans and no JIT in the connection's start-up, after the URL's own options", () => {
    const options = (url: string) => new URL(withSessionSettings(url)).searchParams.get("options");
    expect(options("postgres://app:s%40cret@db.internal:5432/replyhour")).toBe("-c plan_cache_mode=force_custom_plan -c jit=off");
    expect(options("postgresql://app@db/replyhour?options=-c%20statement_timeout%3D5000&sslmode=require")).toBe("-c statement_timeout=5000 -c plan_cache_mode=force_custom_plan -c jit=off");
    const socket = new URL(withSessionSettings("postgres:///replyhour?host=/var/run/postgresql"));
    expect([socket.pathname, socket.searchParams.get("host")]).toEqual(["/replyhour", "/var/run/postgresql"]);
    expect(new URL(withSessionSettings("postgres://app:s%40cret@db/x")).password).toBe("s%40cret");
  });
});

