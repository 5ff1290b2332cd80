import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, messages, responseCycles } from "@/db/schema";
import { operator } from "@/lib/auth/authorize";
import { exportContact, findContacts } from "@/lib/privacy/contacts";
import { eraseContact } from "@/lib/privacy/erase";
import { ERASED } from "@/lib/privacy/token";
import { searchConversationIds } from "@/db/search";
import { engineKind } from "@/db/engine";
import { testDb } from "../helpers/db";
import { at, columnsHolding, HANDLE, NAME, seedPerson, SECRET } from "./seed";

function memberActor(user: { id: number; email: string }, brandId: number, role: "admin" | "agent") {
  return { kind: "member" as const, user: { id: user.id, email: user.email, name: "x", memberships: [{ brandId, slug: "s", name: "n", timezone: "UTC", role }] } as never };
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
    expect(await columnsHolding(db, SECRET)).toEqual(expect.arrayContaining(["messages.text", "messages.attachments", "notifications.text", "classifier_examples.text"]));

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
    expect(replay.map((r) => r.duplicate)).toEqual([true, true, true, true]);
    await s.ingest([{ ...s.original[0], action: "edit", text: `${SECRET} edited`, editedAt: at(30) }]);
    expect(await columnsHolding(db, SECRET)).toEqual([]);
    expect(await db.$count(messages, eq(messages.brandId, s.brand.id))).toBe(6);
    // Another person's reply keeps its link to the erased comment, through the token.
    const [reply] = await db.select().from(messages).where(and(eq(messages.brandId, s.brand.id), eq(messages.externalId, "c3")));
    const [erasedComment] = await db.select().from(messages).where(eq(messages.id, s.theirs.id));
    expect(reply.text).toBe("I have the same problem");
    expect(reply.inReplyToExternalId).toBe(erasedComment.externalId);
    expect(erasedComment.externalId).toMatch(/^erased:/);

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
