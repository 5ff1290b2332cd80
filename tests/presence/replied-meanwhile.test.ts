import { describe, expect, it } from "vitest";
import { addNote } from "@/lib/conversations/actions";
import { queueReplyUnlessReplied, repliesSince } from "@/lib/presence/replied-meanwhile";
import { queueReply } from "@/lib/outbound/outbox";
import { makeBrand, makeMember, testDb, row, count } from "../helpers/db";
import { makeConversation } from "./fixtures";

async function setup() {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const anna = await makeMember({ db, brandId: brand.id, role: "agent" });
  const max = await makeMember({ db, brandId: brand.id, role: "agent" });
  const conversationId = await makeConversation({ db, brandId: brand.id });
  const seen = (await row<{ id: number }>(db, "SELECT max(id) AS id FROM messages WHERE conversation_id = ?", conversationId))!.id;
  const outbound = () => count(db, "SELECT count(*) FROM messages WHERE conversation_id = ? AND direction = 'outbound'", conversationId);
  return { db, brand, anna, max, conversationId, seen, outbound };
}

describe("someone else replied meanwhile", () => {
  it("sends when nobody else replied since the agent's view", async () => {
    const { db, brand, anna, conversationId, seen, outbound } = await setup();
    const result = await queueReplyUnlessReplied({ db, brandId: brand.id, conversationId, text: "On it", visibility: "public", actor: { userId: anna.id, label: anna.email }, seenMessageId: seen, force: false });
    expect(result.messageId).toBeGreaterThan(0);
    expect(await outbound()).toBe(1);
  });

  it("returns the newer reply instead of sending, and sends when forced", async () => {
    const { db, brand, anna, max, conversationId, seen, outbound } = await setup();
    await queueReply({ db, brandId: brand.id, conversationId, text: "Max here, we found your bag", visibility: "public", actor: { userId: max.id, label: max.email } });
    const args = { db, brandId: brand.id, conversationId, text: "Anna here", visibility: "public" as const, actor: { userId: anna.id, label: anna.email }, seenMessageId: seen };
    const first = await queueReplyUnlessReplied({ ...args, force: false });
    expect(first.conflict).toEqual([expect.objectContaining({ direction: "outbound", author: max.name, text: "Max here, we found your bag" })]);
    expect(await outbound()).toBe(1);
    expect((await queueReplyUnlessReplied({ ...args, force: true })).messageId).toBeGreaterThan(0);
    expect(await outbound()).toBe(2);
  });

  it("counts notes by others, but not the agent's own messages nor what they had already seen", async () => {
    const { db, brand, anna, max, conversationId, seen } = await setup();
    await queueReply({ db, brandId: brand.id, conversationId, text: "mine", visibility: "public", actor: { userId: anna.id, label: anna.email } });
    expect(await repliesSince({ db, brandId: brand.id, conversationId, afterMessageId: seen, userId: anna.id })).toEqual([]);
    const noteId = await addNote({ db, brandId: brand.id, actor: { userId: max.id, label: max.email }, conversationId, text: "I'm calling them" });
    expect((await repliesSince({ db, brandId: brand.id, conversationId, afterMessageId: seen, userId: anna.id })).map((r) => r.direction)).toEqual(["note"]);
    expect(await repliesSince({ db, brandId: brand.id, conversationId, afterMessageId: noteId, userId: anna.id })).toEqual([]);
  });

  it("refuses another brand's conversation", async () => {
    const { db, anna, conversationId, outbound } = await setup();
    const other = await makeBrand({ db });
    await expect(
      queueReplyUnlessReplied({ db, brandId: other.id, conversationId, text: "x", visibility: "public", actor: { userId: anna.id, label: anna.email }, seenMessageId: 0, force: true }),
    ).rejects.toThrow(/not found/);
    expect(await outbound()).toBe(0);
  });
});
