import { describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { channels, contacts, conversations } from "@/db/schema";
import { inIdList, jsonArrayHas, queryPlan, recentLabels, skipIndex } from "@/db/inbox";
import { makeBrand, onPostgres, testDb } from "../helpers/db";

async function world() {
  const { db } = testDb();
  const [a, b] = [await makeBrand({ db }), await makeBrand({ db })];
  const add = (brandId: number, labels: string[], at: number) =>
    db.transaction(async (tx) => {
      const [channel] = await tx.insert(channels).values({ brandId, kind: "api", name: "API" }).returning();
      const [contact] = await tx.insert(contacts).values({ brandId, channelId: channel.id, externalId: `c${at}` }).returning();
      const [row] = await tx
        .insert(conversations)
        .values({ brandId, channelId: channel.id, contactId: contact.id, kind: "public_comment", labels, lastMessageAt: new Date(at), updatedAt: new Date(at) })
        .returning({ id: conversations.id });
      return row.id;
    });
  return { db, a, b, add };
}

// On both engines; the query plans asserted are SQLite's (PostgreSQL plans by its statistics).
describe("the inbox's engine-specific functions", () => {
  it("selects by a list of ids given as one parameter, the list driving the read", async () => {
    const { db, a, add } = await world();
    const ids = [await add(a.id, [], 1), await add(a.id, [], 2), await add(a.id, [], 3)];
    const query = db.select({ id: conversations.id }).from(conversations).where(inIdList(conversations.id, [ids[2], ids[0], 999_999])).orderBy(conversations.id);
    expect((await query).map((r) => r.id)).toEqual([ids[0], ids[2]]);
    expect(await db.select({ id: conversations.id }).from(conversations).where(inIdList(conversations.id, []))).toEqual([]);
    const plan = (await queryPlan(db, query)).join("; ");
    expect(plan).toMatch(onPostgres() ? /conversations/ : /SEARCH conversations USING INTEGER PRIMARY KEY/);
  });

  it("keeps the planner off an index the query names with skipIndex, with the same rows", async () => {
    const { db, a, b, add } = await world();
    await add(a.id, [], 1);
    await add(b.id, [], 2);
    const direct = db.select({ id: conversations.id }).from(conversations).where(eq(conversations.brandId, a.id)).orderBy(desc(conversations.lastMessageAt));
    const skipped = db.select({ id: conversations.id }).from(conversations).where(eq(skipIndex(conversations.brandId), a.id)).orderBy(desc(conversations.lastMessageAt));
    expect(await skipped).toEqual(await direct);
    if (onPostgres()) return;
    expect((await queryPlan(db, direct)).join("; ")).toMatch(/USING (COVERING )?INDEX conversations_/);
    expect((await queryPlan(db, skipped)).join("; ")).toMatch(/SCAN conversations/);
  });

  it("finds conversations by a label in their JSON array, and counts the brand's recent labels", async () => {
    const { db, a, b, add } = await world();
    const vip = await add(a.id, ["vip", "refund"], 1);
    await add(a.id, ["refund"], 2);
    await add(a.id, [], 3);
    await add(b.id, ["secret", "secret-b"], 4);
    const labelled = await db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.brandId, a.id), jsonArrayHas(conversations.labels, "vip")));
    expect(labelled).toEqual([{ id: vip }]);
    expect(await recentLabels(db, { brandId: a.id, recent: 10, limit: 50 })).toEqual(["refund", "vip"]);
    // Only the newest `recent` conversations are read.
    expect(await recentLabels(db, { brandId: a.id, recent: 2, limit: 50 })).toEqual(["refund"]);
    expect(await recentLabels(db, { brandId: a.id, recent: 10, limit: 1 })).toEqual(["refund"]);
  });
});
