import { describe, expect, it } from "vitest";
import { loadSessionUser, requireMembership } from "@/lib/auth/access";
import { leavePresence, listPresence, PRESENCE_TTL_MS, recordPresence, streamPresence, TYPING_TTL_MS } from "@/lib/presence/presence";
import { makeBrand, makeMember, testDb, count, rows, run } from "../helpers/db";
import { makeConversation } from "./fixtures";

async function setup() {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const anna = await makeMember({ db, brandId: brand.id, role: "agent" });
  const max = await makeMember({ db, brandId: brand.id, role: "manager" });
  const conversationId = await makeConversation({ db, brandId: brand.id });
  const presenceChanges = () => count(db, "SELECT count(*) FROM changes WHERE kind = 'presence' AND conversation_id = ?", conversationId);
  return { db, brand, anna, max, conversationId, presenceChanges };
}

describe("presence", () => {
  it("shows each agent the others viewing and typing, never themselves", async () => {
    const { db, brand, anna, max, conversationId } = await setup();
    const t = 1_000_000;
    expect(await recordPresence({ db, brandId: brand.id, conversationId, userId: anna.id, state: "viewing", now: t })).toEqual([]);
    expect(await recordPresence({ db, brandId: brand.id, conversationId, userId: max.id, state: "typing", now: t + 1000 })).toEqual([{ userId: anna.id, name: anna.name, state: "viewing" }]);
    expect(await listPresence({ db, brandId: brand.id, conversationId, excludeUserId: anna.id, now: t + 2000 })).toEqual([{ userId: max.id, name: max.name, state: "typing" }]);
  });

  it("expires after 30 s without a heartbeat; typing decays to viewing first", async () => {
    const { db, brand, anna, max, conversationId } = await setup();
    const t = 2_000_000;
    await recordPresence({ db, brandId: brand.id, conversationId, userId: max.id, state: "typing", now: t });
    const seen = (now: number) => listPresence({ db, brandId: brand.id, conversationId, excludeUserId: anna.id, now });
    expect((await seen(t + TYPING_TTL_MS - 1))[0].state).toBe("typing");
    expect((await seen(t + TYPING_TTL_MS + 1))[0].state).toBe("viewing");
    expect(await seen(t + PRESENCE_TTL_MS - 1)).toHaveLength(1);
    expect(await seen(t + PRESENCE_TTL_MS)).toEqual([]);
  });

  it("writes the change log only when what others see changes", async () => {
    const { db, brand, anna, conversationId, presenceChanges } = await setup();
    const t = 3_000_000;
    const beat = (state: "viewing" | "typing", now: number) => recordPresence({ db, brandId: brand.id, conversationId, userId: anna.id, state, now });
    await beat("viewing", t);
    expect(await presenceChanges()).toBe(1);
    await beat("viewing", t + 10_000);
    await beat("viewing", t + 20_000);
    expect(await presenceChanges()).toBe(1);
    await beat("typing", t + 21_000);
    await beat("typing", t + 23_000);
    expect(await presenceChanges()).toBe(2);
    await beat("viewing", t + 25_000);
    expect(await presenceChanges()).toBe(3);
    await beat("viewing", t + 25_000 + PRESENCE_TTL_MS + 1); // came back after expiring: others see an arrival
    expect(await presenceChanges()).toBe(4);
    await leavePresence({ db, brandId: brand.id, conversationId, userId: anna.id, now: t + 30_000 + PRESENCE_TTL_MS });
    expect(await presenceChanges()).toBe(5);
    expect(await listPresence({ db, brandId: brand.id, conversationId, excludeUserId: 0, now: t + 30_000 + PRESENCE_TTL_MS })).toEqual([]);
  });

  it("keeps a leave when a heartbeat of the same page view arrives after it", async () => {
    const { db, brand, anna, max, conversationId } = await setup();
    const t = 4_000_000;
    const seenByMax = (now: number) => listPresence({ db, brandId: brand.id, conversationId, excludeUserId: max.id, now });
    await recordPresence({ db, brandId: brand.id, conversationId, userId: anna.id, state: "viewing", view: "tab-a-view-1", now: t });
    // The tab navigates away: its leave overtakes a typing heartbeat still in flight.
    await leavePresence({ db, brandId: brand.id, conversationId, userId: anna.id, view: "tab-a-view-1", now: t + 1000 });
    await recordPresence({ db, brandId: brand.id, conversationId, userId: anna.id, state: "typing", view: "tab-a-view-1", now: t + 1001 });
    expect(await seenByMax(t + 2000)).toEqual([]);
    // Opening the conversation again is a new view, seen at once.
    await recordPresence({ db, brandId: brand.id, conversationId, userId: anna.id, state: "viewing", view: "tab-a-view-2", now: t + 3000 });
    expect(await seenByMax(t + 3000)).toEqual([{ userId: anna.id, name: anna.name, state: "viewing" }]);
  });

  it("ends only the view that leaves: a remounted pane or a second tab stays", async () => {
    const { db, brand, anna, max, conversationId, presenceChanges } = await setup();
    const t = 5_000_000;
    const seenByMax = (now: number) => listPresence({ db, brandId: brand.id, conversationId, excludeUserId: max.id, now });
    await recordPresence({ db, brandId: brand.id, conversationId, userId: anna.id, state: "viewing", view: "pane-mount-1", now: t });
    await recordPresence({ db, brandId: brand.id, conversationId, userId: anna.id, state: "viewing", view: "pane-mount-2", now: t + 10 });
    const before = await presenceChanges();
    await leavePresence({ db, brandId: brand.id, conversationId, userId: anna.id, view: "pane-mount-1", now: t + 20 });
    expect(await seenByMax(t + 30)).toEqual([{ userId: anna.id, name: anna.name, state: "viewing" }]);
    expect(await presenceChanges()).toBe(before);
    await leavePresence({ db, brandId: brand.id, conversationId, userId: anna.id, view: "pane-mount-2", now: t + 40 });
    expect(await seenByMax(t + 50)).toEqual([]);
    expect(await presenceChanges()).toBe(before + 1);
  });

  it("refuses another brand's conversation and hides it from other brands", async () => {
    const { db, brand, anna, conversationId } = await setup();
    const other = await makeBrand({ db });
    const outsider = await makeMember({ db, brandId: other.id, role: "admin" });
    await expect(recordPresence({ db, brandId: other.id, conversationId, userId: outsider.id, state: "viewing" })).rejects.toThrow(/not found/);
    await expect(leavePresence({ db, brandId: other.id, conversationId, userId: outsider.id })).rejects.toThrow(/not found/);
    await recordPresence({ db, brandId: brand.id, conversationId, userId: anna.id, state: "viewing" });
    await expect(listPresence({ db, brandId: other.id, conversationId, excludeUserId: outsider.id })).rejects.toThrow(/not found/);
    // The route checks membership first: a member of another brand gets 404, not a presence list.
    const session = (await loadSessionUser({ db, userId: outsider.id }))!;
    expect(() => requireMembership({ user: session, brandId: brand.id })).toThrow(/not found/);
    expect(await count(db, "SELECT count(*) FROM presence WHERE user_id = ?", outsider.id)).toBe(0);
  });

  it("clears an agent's expired rows with their next heartbeat elsewhere", async () => {
    const { db, brand, anna, conversationId } = await setup();
    const second = await makeConversation({ db, brandId: brand.id, text: "Another question about my booking?" });
    await recordPresence({ db, brandId: brand.id, conversationId, userId: anna.id, state: "viewing", now: 5_000_000 });
    await recordPresence({ db, brandId: brand.id, conversationId: second, userId: anna.id, state: "viewing", now: 5_000_000 + PRESENCE_TTL_MS + 1 });
    const presenceRows = await rows(db, "SELECT conversation_id AS c FROM presence WHERE user_id = ?", anna.id);
    expect(presenceRows).toEqual([{ c: second }]);
  });

  it("drops someone removed from the brand at once", async () => {
    const { db, brand, anna, max, conversationId } = await setup();
    await recordPresence({ db, brandId: brand.id, conversationId, userId: max.id, state: "viewing" });
    await run(db, "DELETE FROM memberships WHERE user_id = ? AND brand_id = ?", max.id, brand.id);
    expect(await listPresence({ db, brandId: brand.id, conversationId, excludeUserId: anna.id })).toEqual([]);
  });

  it("takes a view off when its live stream ends, and back when the stream connects again", async () => {
    const { db, brand, anna, max, conversationId } = await setup();
    const seenByMax = () => listPresence({ db, brandId: brand.id, conversationId, excludeUserId: max.id });
    const user = (await loadSessionUser({ db, userId: anna.id }))!;
    expect(streamPresence({ db, param: null, user })).toBeNull();
    const stream = streamPresence({ db, param: `${brand.id}.${conversationId}.pane-view-7`, user })!;
    await stream.arrive();
    expect(await seenByMax()).toEqual([{ userId: anna.id, name: anna.name, state: "viewing" }]);
    // The tab closed without a word: the stream's end is the leave; a heartbeat already on its way stays stale.
    await stream.leave();
    await recordPresence({ db, brandId: brand.id, conversationId, userId: anna.id, state: "typing", view: "pane-view-7" });
    expect(await seenByMax()).toEqual([]);
    // A dropped connection that comes back is the same view, alive.
    await streamPresence({ db, param: `${brand.id}.${conversationId}.pane-view-7`, user })!.arrive();
    expect(await seenByMax()).toEqual([{ userId: anna.id, name: anna.name, state: "viewing" }]);
  });

  it("refuses a stream's view that is malformed or of a brand the user is not in", async () => {
    const { db, brand, conversationId } = await setup();
    const other = await makeBrand({ db });
    const outsider = await makeMember({ db, brandId: other.id, role: "admin" });
    const user = (await loadSessionUser({ db, userId: outsider.id }))!;
    expect(() => streamPresence({ db, param: `${brand.id}.${conversationId}`, user })).toThrow(/brandId\.conversationId\.view/);
    expect(() => streamPresence({ db, param: `${brand.id}.${conversationId}.<script>`, user })).toThrow(/brandId\.conversationId\.view/);
    expect(() => streamPresence({ db, param: `${brand.id}.${conversationId}.view-of-outsider`, user })).toThrow(/not found/);
    await expect(streamPresence({ db, param: `${other.id}.${conversationId}.view-of-outsider`, user })!.arrive()).rejects.toThrow(/not found/);
    expect(await count(db, "SELECT count(*) FROM presence WHERE user_id = ?", outsider.id)).toBe(0);
  });
});
