import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, database, type Db } from "@/db/client";
import { loadSessionUser } from "@/lib/auth/access";
import { queueReply } from "@/lib/outbound/outbox";
import { makeBrand, makeMember, tempDir, sqlite } from "../helpers/db";
import { makeConversation } from "./fixtures";
import { form, session } from "../helpers/actions";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/actions")).sessionModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { sendFromComposerAction } = await import("@/app/(app)/inbox/reply-actions");

let db: Db;
beforeAll(() => {
  closeDatabase();
  process.env.DATABASE_PATH = path.join(tempDir(), "reply-actions.db");
  db = database();
});
beforeEach(() => {
  session.user = null;
});

const messages = (conversationId: number, direction: string) =>
  (sqlite(db).prepare("SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND direction = ?").get(conversationId, direction) as { n: number }).n;

describe("the composer's send action", () => {
  it("asks first when a teammate replied since the draft began, then sends when forced", async () => {
    const brand = await makeBrand({ db });
    const anna = await makeMember({ db, brandId: brand.id, role: "agent" });
    const max = await makeMember({ db, brandId: brand.id, role: "agent" });
    const conversationId = await makeConversation({ db, brandId: brand.id });
    const seen = (sqlite(db).prepare("SELECT max(id) AS id FROM messages WHERE conversation_id = ?").get(conversationId) as { id: number }).id;
    await queueReply({ db, brandId: brand.id, conversationId, text: "Max: found it", visibility: "public", actor: { userId: max.id, label: max.email } });
    session.user = await loadSessionUser({ db, userId: anna.id });
    const input = { brandId: brand.id, conversationId, text: "Anna: looking", mode: "public", seenMessageId: seen };
    const asked = await sendFromComposerAction(null, form(input));
    expect(asked?.conflict?.map((r) => r.text)).toEqual(["Max: found it"]);
    expect(asked?.values?.text).toBe("Anna: looking");
    expect(messages(conversationId, "outbound")).toBe(1);
    expect(await sendFromComposerAction(null, form({ ...input, force: "1" }))).toMatchObject({ ok: expect.stringContaining("Reply queued") });
    expect(messages(conversationId, "outbound")).toBe(2);
  });

  it("notifies @mentioned teammates of a note", async () => {
    const brand = await makeBrand({ db });
    const anna = await makeMember({ db, brandId: brand.id, role: "agent" });
    const max = await makeMember({ db, brandId: brand.id, role: "manager" });
    const conversationId = await makeConversation({ db, brandId: brand.id });
    session.user = await loadSessionUser({ db, userId: anna.id });
    const result = await sendFromComposerAction(null, form({ brandId: brand.id, conversationId, text: `@${max.name} can you approve?`, mode: "note" }));
    expect(result).toMatchObject({ ok: "Note added; 1 teammate was notified.", mentioned: 1 });
    const notes = sqlite(db).prepare("SELECT user_id FROM notifications WHERE kind = 'mention' AND conversation_id = ?").all(conversationId);
    expect(notes).toEqual([{ user_id: max.id }]);
    expect(messages(conversationId, "note")).toBe(1);
  });

  it("refuses another brand's member and stores nothing", async () => {
    const brand = await makeBrand({ db });
    const outsider = await makeMember({ db, brandId: (await makeBrand({ db })).id, role: "admin" });
    const conversationId = await makeConversation({ db, brandId: brand.id });
    session.user = await loadSessionUser({ db, userId: outsider.id });
    for (const mode of ["public", "note"]) {
      const result = await sendFromComposerAction(null, form({ brandId: brand.id, conversationId, text: "hi @x", mode }));
      expect(result?.error).toMatch(/not found/);
    }
    expect(messages(conversationId, "outbound") + messages(conversationId, "note")).toBe(0);
  });
});
