import { describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import { assignWaiting, pickAgent, setAvailability } from "@/lib/assignment/round-robin";
import type { Classification } from "@/lib/classify/types";
import { makeBrand, makeMember, testDb, run, row, count } from "../helpers/db";

const T0 = Date.parse("2026-05-04T09:00:00Z");

const classify = (language: string) => (): Classification => ({
  language,
  category: "request",
  complaint: false,
  sentiment: "neutral",
  sentimentScore: 0,
  confidence: 0.9,
  reasons: [],
  modelVersion: "test",
});

async function setup({ autoAssign = true } = {}) {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  await run(db, `UPDATE brands SET auto_assign = ${autoAssign ? "true" : "false"} WHERE id = ?`, brand.id);
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "telegram", name: "Bot", accountId: "bot" }).returning());
  let n = 0;
  const ask = async (language: string, minutes = n) => {
    n += 1;
    const [out] = await ingestBatch({
      db,
      brandId: brand.id,
      now: T0 + minutes * 60_000,
      classifyText: classify(language),
      items: [{ channelId: channel.id, event: inboundEventSchema.parse({ externalId: `m${n}`, kind: "private_message", direction: "inbound", text: "Where is my bag?", createdAt: new Date(T0 + minutes * 60_000).toISOString(), author: { id: `c${n}` } }) }],
    });
    return Number(out.conversationId);
  };
  const agent = async (languages: string[], capacity = 20) => {
    const member = await makeMember({ db, brandId: brand.id, role: "agent" });
    await run(db, "UPDATE users SET languages = ?, capacity = ? WHERE id = ?", JSON.stringify(languages), capacity, member.id);
    return member.id;
  };
  const assignee = async (conversationId: number) =>
    (await row<{ assignee_id: number | null }>(db, "SELECT assignee_id FROM conversations WHERE id = ?", conversationId))!.assignee_id;
  return { db, brand, ask, agent, assignee };
}

describe("round-robin assignment", () => {
  it("takes turns among available agents, most urgent request first", async () => {
    const t = await setup();
    const a = await t.agent([]);
    const b = await t.agent([]);
    const first = await t.ask("en", 0);
    const second = await t.ask("en", 1);
    const third = await t.ask("en", 2);
    expect(await assignWaiting({ db: t.db, now: T0 + 5 * 60_000 })).toBe(3);
    expect([await t.assignee(first), await t.assignee(second), await t.assignee(third)]).toEqual([a, b, a]);
    // The turn survives a restart: the next one goes to b.
    const fourth = await t.ask("en", 3);
    await assignWaiting({ db: t.db });
    expect(await t.assignee(fourth)).toBe(b);
  });

  it("matches the language when someone speaks it, else still hands it out", async () => {
    const t = await setup();
    const english = await t.agent(["en"]);
    const russian = await t.agent(["ru", "uk"]);
    const ru = await t.ask("ru", 0);
    const uk = await t.ask("uk", 1);
    const de = await t.ask("de", 2);
    await assignWaiting({ db: t.db });
    expect(await t.assignee(ru)).toBe(russian);
    expect(await t.assignee(uk)).toBe(russian);
    expect([english, russian]).toContain(await t.assignee(de));
  });

  it("respects capacity and skips agents who are away", async () => {
    const t = await setup();
    const busy = await t.agent([], 1);
    const away = await t.agent([]);
    await setAvailability({ db: t.db, userId: away, available: false });
    const ids = [await t.ask("en", 0), await t.ask("en", 1), await t.ask("en", 2)];
    expect(await assignWaiting({ db: t.db })).toBe(1);
    expect(await Promise.all(ids.map(t.assignee))).toEqual([busy, null, null]);
  });

  it("does nothing for a brand that has not turned it on", async () => {
    const t = await setup({ autoAssign: false });
    await t.agent([]);
    const id = await t.ask("en");
    expect(await assignWaiting({ db: t.db })).toBe(0);
    expect(await t.assignee(id)).toBeNull();
  });

  it("pickAgent prefers speakers and wraps around", () => {
    const agents = [
      { id: 1, languages: ["en"], load: 0, capacity: 5 },
      { id: 2, languages: ["ru"], load: 0, capacity: 5 },
      { id: 3, languages: ["en"], load: 5, capacity: 5 },
    ];
    expect(pickAgent(agents, "en", 1)?.id).toBe(1);
    expect(pickAgent(agents, "ru", 2)?.id).toBe(2);
    expect(pickAgent(agents, "fr", 1)?.id).toBe(2);
    expect(pickAgent(agents.map((a) => ({ ...a, load: 5 })), "en", 0)).toBeNull();
  });
});

describe("routing settings", () => {
  it("validates languages and capacity and audits the change", async () => {
    const { setRouting } = await import("@/lib/team/users");
    const t = await setup();
    const id = await t.agent([]);
    const actor = { userId: null, label: "test" };
    await expect(setRouting({ db: t.db, userId: id, languages: ["english"], capacity: 5, actor })).rejects.toThrow(/two-letter/);
    await expect(setRouting({ db: t.db, userId: id, languages: ["en"], capacity: 0, actor })).rejects.toThrow(/Capacity/);
    await setRouting({ db: t.db, userId: id, languages: ["en", "ru", "en"], capacity: 7, actor });
    const routing = (await row<{ languages: string; capacity: number }>(t.db, "SELECT languages, capacity FROM users WHERE id = ?", id))!;
    expect(JSON.parse(routing.languages)).toEqual(["en", "ru"]);
    expect(routing.capacity).toBe(7);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'user.routing'")).toBe(1);
  });
});
