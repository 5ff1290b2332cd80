import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, channels, conversations, messages, responseCycles } from "@/db/schema";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema, type InboundEventInput } from "@/lib/ingest/event";
import { addNote, correctMessage } from "@/lib/conversations/actions";
import { notify } from "@/lib/notifications/notify";
import { operator } from "@/lib/auth/authorize";
import { exportContact, findContacts } from "@/lib/privacy/contacts";
import { eraseContact } from "@/lib/privacy/erase";
import { ERASED } from "@/lib/privacy/token";
import { searchConversationIds } from "@/db/search";
import { engineKind } from "@/db/engine";
import { selectRows } from "@/db/sql";
import type { Classification } from "@/lib/classify/types";
import { makeBrand, makeMember, testDb } from "../helpers/db";

const T0 = Date.parse("2026-03-02T10:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
// Distinctive words that must leave every column and every byte of the database.
const SECRET = "Quokkaplum7731";
const NAME = "Zenobia Thistlewood";
const HANDLE = "@zenthistle";

function fakeClassify(text: string): Classification {
  const request = /\?|refund|broken/i.test(text);
  return { language: "en", category: request ? "request" : "noise", complaint: /broken/i.test(text), sentiment: "neutral", sentimentScore: 0, confidence: 0.9, reasons: [`“${text.split(" ")[0].toLowerCase()}”`], modelVersion: "test" };
}

export async function seedPerson(db: Db) {
  const brand = await makeBrand({ db });
  const other = await makeBrand({ db });
  const admin = await makeMember({ db, brandId: brand.id, role: "admin" });
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "facebook", name: "FB", accountId: "page-1" }).returning());
  const ingest = (events: InboundEventInput[]) =>
    ingestBatch({ db, brandId: brand.id, items: events.map((e) => ({ event: inboundEventSchema.parse(e), channelId: channel.id })), now: T0 + 10 * 24 * 3600_000, classifyText: fakeClassify });
  const person = { id: "fb-user-981", handle: HANDLE, name: NAME };
  const bystander = { id: "fb-user-2", handle: "@bystander", name: "Bystander" };
  const page = { id: "page-1", name: "Brand" };
  const original: InboundEventInput[] = [
    { externalId: "c1", text: `${SECRET} my order arrived broken, refund?`, createdAt: at(0), author: person, threadId: "post-1", attachments: [{ kind: "image", url: `https://cdn.example/${SECRET}.jpg` }] },
    { externalId: "r1", text: `Sorry ${NAME}, we are on it`, createdAt: at(12), author: page, inReplyTo: "c1", direction: "outbound" },
    { externalId: "c2", text: `Same here ${HANDLE}, broken too?`, createdAt: at(20), author: bystander, threadId: "post-2" },
  ];
  await ingest(original);
  const [theirs] = await db.select().from(messages).where(and(eq(messages.brandId, brand.id), eq(messages.externalId, "c1")));
  const [own] = await db.select().from(conversations).where(eq(conversations.id, theirs.conversationId));
  const [bystanderMessage] = await db.select().from(messages).where(and(eq(messages.brandId, brand.id), eq(messages.externalId, "c2")));
  const actor = { userId: agent.id, label: agent.email };
  await addNote({ db, brandId: brand.id, actor, conversationId: own.id, text: `Called ${NAME} about ${SECRET}` });
  await addNote({ db, brandId: brand.id, actor, conversationId: bystanderMessage.conversationId, text: `Linked to ${NAME}'s complaint` });
  await correctMessage({ db, brandId: brand.id, actor, messageId: theirs.id, complaint: true });
  await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [agent.id], kind: "mention", text: `New note: ${SECRET}`, conversationId: own.id }));
  return { brand, other, admin, agent, channel, ingest, original, own, theirs, bystanderMessage };
}

function memberActor(user: { id: number; email: string }, brandId: number, role: "admin" | "agent") {
  return { kind: "member" as const, user: { id: user.id, email: user.email, name: "x", memberships: [{ brandId, slug: "s", name: "n", timezone: "UTC", role }] } as never };
}

// Every text and JSON column of every table, read through SQL on either engine: which of them
// still hold a trace ("table.column").
export async function columnsHolding(db: Db, trace: string): Promise<string[]> {
  const columns =
    engineKind() === "postgres"
      ? await selectRows<{ t: string; c: string }>(db, sql`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND data_type IN ('text', 'json', 'jsonb', 'character varying')`)
      : await selectRows<{ t: string; c: string }>(db, sql`SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '%_fts%' AND (p.type = 'TEXT' OR p.type = '')`);
  expect(columns.length).toBeGreaterThan(40);
  const holding: string[] = [];
  const pattern = `%${trace.toLowerCase()}%`;
  for (const { t, c } of columns) {
    const [row] = await selectRows<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(t)} WHERE lower(CAST(${sql.identifier(c)} AS TEXT)) LIKE ${pattern}`);
    if (Number(row.n) > 0) holding.push(`${t}.${c}`);
  }
  return holding;
}

describe("personal data: find, export, erase", () => {
  it("finds and exports a person, erases every trace, keeps the figures and refuses a re-import", async () => {
    const { db, file } = testDb();
    const s = await seedPerson(db);
    const found = await findContacts({ db, actor: operator, brandId: s.brand.id, query: "thistle" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ channelId: s.channel.id, channelKind: "facebook", externalId: "fb-user-981", handle: HANDLE, name: NAME, email: null });
    expect(await findContacts({ db, actor: operator, brandId: s.other.id, query: "thistle" })).toEqual([]);
    const contactId = found[0].id;

    const before = await exportContact({ db, actor: operator, brandId: s.brand.id, contactId });
    expect(before.messages.map((m) => m.text)).toEqual(expect.arrayContaining([expect.stringContaining(SECRET), `Sorry ${NAME}, we are on it`]));
    expect(before.messages.find((m) => m.id === s.theirs.id)?.classification).toMatchObject({ category: "request", complaint: true });
    expect(before.conversations.map((c) => c.id)).toContain(s.own.id);
    expect(before.notes.map((n) => n.text)).toEqual([`Linked to ${NAME}'s complaint`]);
    expect(before.auditEntries.map((a) => a.action)).toEqual(expect.arrayContaining(["message.correct", "conversation.note"]));
    const cyclesBefore = await db.select().from(responseCycles).where(eq(responseCycles.brandId, s.brand.id)).orderBy(responseCycles.id);
    expect(cyclesBefore[0].firstResponseSeconds).toBe(12 * 60);
    expect(new Set(await searchConversationIds(db, { brandId: s.brand.id, words: [SECRET.toLowerCase()], limit: 10 }))).toEqual(new Set([s.own.id]));

    // Only an admin of the brand erases, and never without a reason.
    await expect(eraseContact({ db, actor: memberActor(s.agent, s.brand.id, "agent"), brandId: s.brand.id, contactId, reason: "asked" })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(eraseContact({ db, actor: operator, brandId: s.other.id, contactId, reason: "asked" })).rejects.toMatchObject({ kind: "not_found" });
    await expect(eraseContact({ db, actor: operator, brandId: s.brand.id, contactId, reason: "  " })).rejects.toMatchObject({ kind: "bad_request" });

    const dry = await eraseContact({ db, actor: memberActor(s.admin, s.brand.id, "admin"), brandId: s.brand.id, contactId, reason: "E-mail of 2 March", dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.counts.messages).toBe(3);
    expect(await columnsHolding(db, SECRET)).toEqual(expect.arrayContaining(["messages.text", "conversations.preview", "notifications.text", "classifier_examples.text"]));

    const done = await eraseContact({ db, actor: memberActor(s.admin, s.brand.id, "admin"), brandId: s.brand.id, contactId, reason: `GDPR request by e-mail from ${NAME}` });
    expect(done.counts).toEqual(dry.counts);

    const after = await exportContact({ db, actor: operator, brandId: s.brand.id, contactId });
    expect(after.contact).toMatchObject({ name: ERASED, handle: ERASED });
    expect(after.contact.externalId).toMatch(/^erased:/);
    expect(after.messages.every((m) => m.text === ERASED)).toBe(true);
    expect(after.messages.find((m) => m.id === s.theirs.id)).toMatchObject({ attachments: [{ kind: "image", url: ERASED }], classification: { category: "request", complaint: true } });
    expect(after.conversations.find((c) => c.id === s.own.id)?.preview).toBe(ERASED);
    for (const trace of [SECRET, NAME, "zenthistle", "fb-user-981"]) expect(await columnsHolding(db, trace), trace).toEqual([]);
    const [bystander] = await db.select().from(messages).where(eq(messages.id, s.bystanderMessage.id));
    expect(bystander.text).toBe(`Same here ${ERASED}, broken too?`);
    expect(await searchConversationIds(db, { brandId: s.brand.id, words: [SECRET.toLowerCase()], limit: 10 })).toEqual([]);
    const [erasure] = await db.select().from(auditLog).where(and(eq(auditLog.brandId, s.brand.id), eq(auditLog.action, "contact.erase")));
    expect(erasure).toMatchObject({ actor: s.admin.email, userId: s.admin.id, objectId: String(contactId) });
    expect((erasure.after as { reason: string }).reason).toBe(`GDPR request by e-mail from ${ERASED}`);

    // Figures: cycles and timestamps unchanged.
    const cyclesAfter = await db.select().from(responseCycles).where(eq(responseCycles.brandId, s.brand.id)).orderBy(responseCycles.id);
    expect(cyclesAfter).toEqual(cyclesBefore);

    // A replay of the same platform ids (an import, a poll, an edit) stores nothing again.
    const replay = await s.ingest(s.original);
    expect(replay.map((r) => r.duplicate)).toEqual([true, true, true]);
    await s.ingest([{ ...s.original[0], action: "edit", text: `${SECRET} edited`, editedAt: at(30) }]);
    expect(await columnsHolding(db, SECRET)).toEqual([]);
    expect(await db.$count(messages, eq(messages.brandId, s.brand.id))).toBe(5);

    // The files as they are on disk while the app runs: the database and its WAL.
    if (engineKind() === "sqlite") {
      for (const suffix of ["", "-wal"]) {
        const path = `${file}${suffix}`;
        if (!fs.existsSync(path)) continue;
        const bytes = fs.readFileSync(path);
        for (const trace of [SECRET, SECRET.toLowerCase(), NAME, "zenthistle"]) expect(bytes.includes(Buffer.from(trace)), `${trace} in ${suffix || "db"}`).toBe(false);
      }
    }
  });
});
