import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { auditDiff, auditFacets, auditFiltersSchema, auditObjectHref, listAudit, type AuditFilters } from "@/lib/audit/query";
import { makeBrand, makeMember, testDb, sqlite } from "../helpers/db";

async function seed(db: Db) {
  const a = await makeBrand({ db, timezone: "Europe/Amsterdam" });
  const b = await makeBrand({ db });
  sqlite(db).prepare("DELETE FROM audit_log").run();
  return { a, b };
}

function insert(db: Db, row: { brandId: number; userId?: number | null; actor?: string; action: string; objectType?: string; objectId?: string; at: number; before?: unknown; after?: unknown }) {
  sqlite(db)
    .prepare("INSERT INTO audit_log (brand_id, user_id, actor, action, object_type, object_id, before, after, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    .run(row.brandId, row.userId ?? null, row.actor ?? "someone", row.action, row.objectType ?? "conversation", row.objectId ?? "1", row.before === undefined ? null : JSON.stringify(row.before), row.after === undefined ? null : JSON.stringify(row.after), row.at);
}

const list = (db: Db, brandId: number, filters: AuditFilters = {}, limit?: number) => listAudit({ db, brandId, timeZone: "Europe/Amsterdam", filters, limit });

describe("audit log query", () => {
  it("shows one brand's entries only, newest first, and what the writers recorded", async () => {
    const { db } = testDb();
    const { a, b } = await seed(db);
    const admin = await makeMember({ db, brandId: a.id, role: "admin" });
    await db.transaction(async (tx) => {
      await recordAudit(tx, { actor: { userId: admin.id, label: admin.email }, brandId: a.id, action: "conversation.assign", objectType: "conversation", objectId: 7, after: { assigneeId: 3 } });
      await recordAudit(tx, { actor: { userId: null, label: "cli" }, brandId: b.id, action: "brand.update", objectType: "brand", objectId: b.id, before: { name: "B" }, after: { name: "B2" } });
    });
    const { entries } = await list(db, a.id);
    expect(entries.map((e) => e.action)).toEqual(["conversation.assign", "member.add"]);
    const assign = entries.find((e) => e.action === "conversation.assign")!;
    expect(assign).toMatchObject({ actor: admin.email, userId: admin.id, objectType: "conversation", objectId: "7", changes: [{ path: "assigneeId", after: "3" }] });
    expect((await list(db, b.id)).entries.map((e) => e.action)).toEqual(["brand.update"]);
  });

  it("filters by person, non-person actor, action or action group, object type and id, and local dates", async () => {
    const { db } = testDb();
    const { a } = await seed(db);
    // 2026-03-10 00:30 in Amsterdam is 2026-03-09 23:30 UTC.
    const t = (iso: string) => Date.parse(iso);
    insert(db, { brandId: a.id, userId: 5, actor: "ann@x", action: "conversation.assign", objectId: "10", at: t("2026-03-09T23:30:00Z") });
    insert(db, { brandId: a.id, userId: 5, actor: "ann@x", action: "conversation.resolved", objectId: "11", at: t("2026-03-10T12:00:00Z") });
    insert(db, { brandId: a.id, userId: 6, actor: "bob@x", action: "channel.update", objectType: "channel", objectId: "10", at: t("2026-03-11T08:00:00Z") });
    insert(db, { brandId: a.id, userId: null, actor: "cli", action: "token.create", objectType: "api_token", objectId: "1", at: t("2026-03-08T10:00:00Z") });
    const ids = async (f: AuditFilters) => (await list(db, a.id, f)).entries.map((e) => `${e.action}#${e.objectId}`);
    expect(await ids({ actor: "user:5" })).toEqual(["conversation.resolved#11", "conversation.assign#10"]);
    expect(await ids({ actor: "cli" })).toEqual(["token.create#1"]);
    expect(await ids({ action: "conversation." })).toEqual(["conversation.resolved#11", "conversation.assign#10"]);
    expect(await ids({ action: "conversation.assign" })).toEqual(["conversation.assign#10"]);
    expect(await ids({ action: "conversation" })).toEqual([]);
    expect(await ids({ objectType: "channel" })).toEqual(["channel.update#10"]);
    expect(await ids({ objectId: "10" })).toEqual(["channel.update#10", "conversation.assign#10"]);
    expect(await ids({ objectType: "conversation", objectId: "10" })).toEqual(["conversation.assign#10"]);
    expect(await ids({ from: "2026-03-10", to: "2026-03-10" })).toEqual(["conversation.resolved#11", "conversation.assign#10"]);
    expect(await ids({ to: "2026-03-09" })).toEqual(["token.create#1"]);
    expect(await ids({ from: "2026-03-11" })).toEqual(["channel.update#10"]);
  });

  it("pages by keyset: every entry exactly once, in order, also when timestamps tie", async () => {
    const { db } = testDb();
    const { a } = await seed(db);
    const base = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 0; i < 123; i++) insert(db, { brandId: a.id, action: "conversation.assign", objectId: String(i), at: base + Math.floor(i / 4) * 1000 });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(db, a.id, { cursor }, 50);
      seen.push(...page.entries.map((e) => e.objectId!));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(123);
    expect(new Set(seen).size).toBe(123);
    const order = (await list(db, a.id, {}, 200)).entries.map((e) => e.objectId);
    expect(seen).toEqual(order);
  });

  it("drops malformed filter values from the URL instead of failing", async () => {
    expect(auditFiltersSchema.parse({ from: "yesterday", to: "2026-02-30x", cursor: "1;DROP", actor: "user:3", objectId: "x".repeat(100) })).toEqual({ actor: "user:3" });
  });

  it("lists the actors, actions and object types of the brand for the filter menus", async () => {
    const { db } = testDb();
    const { a, b } = await seed(db);
    const admin = await makeMember({ db, brandId: a.id, role: "admin" });
    sqlite(db).prepare("DELETE FROM audit_log").run();
    insert(db, { brandId: a.id, userId: admin.id, actor: admin.email, action: "channel.update", objectType: "channel", at: 1 });
    insert(db, { brandId: a.id, actor: "cli", action: "token.create", objectType: "api_token", at: 2 });
    insert(db, { brandId: b.id, actor: "elsewhere", action: "brand.update", objectType: "brand", at: 3 });
    const facets = await auditFacets({ db, brandId: a.id });
    expect(facets.actors.map((x) => x.value)).toEqual([`user:${admin.id}`, "cli"]);
    expect(facets.actions).toEqual(["channel.update", "token.create"]);
    expect(facets.objectTypes).toEqual(["api_token", "channel"]);
  });
});

describe("audit diff", () => {
  it("shows changed fields only, flattens nested objects and masks secrets", async () => {
    expect(auditDiff({ name: "A", timezone: "UTC", publicStatus: false }, { name: "B", timezone: "UTC", publicStatus: true })).toEqual([
      { path: "name", before: "A", after: "B" },
      { path: "publicStatus", before: "false", after: "true" },
    ]);
    expect(auditDiff(undefined, { name: "Bot", settings: { webhookSecret: "s3cr3t", chat: 5 }, passwordHash: "scrypt$..." })).toEqual([
      { path: "name", after: "Bot" },
      { path: "passwordHash", after: "••••" },
      { path: "settings.chat", after: "5" },
      { path: "settings.webhookSecret", after: "••••" },
    ]);
    expect(auditDiff({ role: "agent" }, undefined)).toEqual([{ path: "role", before: "agent" }]);
    expect(auditDiff({ ids: [1, 2] }, { ids: [1, 2, 3] })).toEqual([{ path: "ids", before: "[1,2]", after: "[1,2,3]" }]);
    expect(auditDiff(null, null)).toEqual([]);
    expect(auditDiff("x".repeat(1000), undefined)[0].before!.length).toBeLessThan(400);
  });

  it("links each object to its page, or to nothing", async () => {
    expect(auditObjectHref({ objectType: "conversation", objectId: "42", brandSlug: "air" })).toBe("/inbox?brand=air&c=42");
    expect(auditObjectHref({ objectType: "channel", objectId: "3", brandSlug: "a b" })).toBe("/settings/channels?brand=a%20b");
    expect(auditObjectHref({ objectType: "message", objectId: "3", brandSlug: "air" })).toBeNull();
    expect(auditObjectHref({ objectType: "conversation", objectId: null, brandSlug: "air" })).toBeNull();
  });
});
