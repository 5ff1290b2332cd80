import { describe, expect, it } from "vitest";
import { findMentions, notifyMentions } from "@/lib/conversations/mentions";
import { makeBrand, makeMember, testDb, rows, count } from "../helpers/db";
import { makeConversation } from "./fixtures";

const team = [
  { userId: 1, name: "Anna", email: "anna@x.test" },
  { userId: 2, name: "Anna Petrova", email: "ap@x.test" },
  { userId: 3, name: "Максим Орлов", email: "max.orlov@x.test" },
];

describe("@mentions", () => {
  it("resolves full names (longest first) and e-mail local parts, case-insensitively", () => {
    expect(findMentions("@Anna Petrova can you check?", team)).toEqual([2]);
    expect(findMentions("@anna and @максим орлов, see this", team)).toEqual([1, 3]);
    expect(findMentions("cc @max.orlov.", team)).toEqual([3]);
  });

  it("ignores e-mail addresses and partial names", () => {
    expect(findMentions("write to support@anna.com or @Annabelle", team)).toEqual([]);
    expect(findMentions("no mention here", team)).toEqual([]);
  });

  it("notifies mentioned members of the brand only, never the author or outsiders", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const author = await makeMember({ db, brandId: brand.id, role: "agent" });
    const mate = await makeMember({ db, brandId: brand.id, role: "manager" });
    const other = await makeBrand({ db });
    const outsider = await makeMember({ db, brandId: other.id, role: "admin" });
    const conversationId = await makeConversation({ db, brandId: brand.id });
    const local = (email: string) => email.split("@")[0];
    const text = `@${local(mate.email)} please look; @${local(author.email)} @${local(outsider.email)}`;
    expect(await notifyMentions({ db, brandId: brand.id, conversationId, text, author: { userId: author.id, name: "Anna" } })).toEqual([mate.id]);
    expect(await rows(db, "SELECT user_id, kind, conversation_id, text FROM notifications WHERE kind = 'mention'")).toEqual([{ user_id: mate.id, kind: "mention", conversation_id: conversationId, text: expect.stringContaining("Anna mentioned you in a note") }]);
    const live = "SELECT count(*) FROM changes WHERE kind = 'notification' AND user_id = ? AND object_id IN (SELECT id FROM notifications WHERE kind = 'mention')";
    expect(await count(db, live, mate.id)).toBe(1);
  });
});
