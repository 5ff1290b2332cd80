import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { channels } from "@/db/schema";
import { loadSessionUser, type SessionUser } from "@/lib/auth/access";
import type { Classification } from "@/lib/classify/types";
import { inboundEventSchema, type InboundEventInput } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import type { CalendarInput, PolicyInput } from "@/lib/sla/settings-input";
import {
  createCalendar,
  createPolicy,
  deleteCalendar,
  deletePolicy,
  loadSlaSettings,
  movePolicy,
  updateCalendar,
  updatePolicy,
} from "@/lib/sla/settings";
import { advanceSlaStates } from "@/lib/worker/sla-timer";
import { makeBrand, makeMember, testDb, row, rows, count } from "../helpers/db";

const OFFICE: CalendarInput = {
  name: "Office hours",
  timezone: "Europe/Amsterdam",
  intervals: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: "09:00", end: "17:00" })),
  holidays: ["2026-12-25"],
};

const policy = (over: Partial<PolicyInput> = {}): PolicyInput => ({
  name: "Urgent",
  firstResponseSeconds: 900,
  nextResponseSeconds: null,
  atRiskShare: 0.5,
  calendarId: null,
  channelId: null,
  category: null,
  priority: "urgent",
  ...over,
});

const request = (): Classification => ({
  language: "en", category: "request", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 1, reasons: [], modelVersion: "test",
});

async function setup() {
  const { db } = testDb();
  const brand = await makeBrand({ db, timezone: "Europe/Amsterdam" });
  const other = await makeBrand({ db });
  const users: Record<string, SessionUser> = {};
  for (const role of ["admin", "manager", "agent"] as const) {
    const member = await makeMember({ db, brandId: brand.id, role });
    users[role] = (await loadSessionUser({ db, userId: member.id }))!;
  }
  const outsiderMember = await makeMember({ db, brandId: other.id, role: "admin" });
  users.outsider = (await loadSessionUser({ db, userId: outsiderMember.id }))!;
  const channelId = (await row<{ id: number }>(db, "SELECT id FROM channels WHERE brand_id = ?", brand.id))!.id;
  return { db, brand, other, users, channelId };
}

async function defaultPolicyId(db: Db, brandId: number): Promise<number> {
  return (await row<{ id: number }>(db, "SELECT id FROM sla_policies WHERE brand_id = ? AND is_default = true", brandId))!.id;
}

function audit(db: Db, action: string) {
  return rows<{ user_id: number; brand_id: number; before: string | null; after: string | null; object_id: string }>(db, "SELECT * FROM audit_log WHERE action = ? ORDER BY id", action);
}

describe("SLA settings: authorization", () => {
  it("lets every member read, and refuses every change to managers, agents and other brands", async () => {
    const { db, brand, users } = await setup();
    expect(await loadSlaSettings({ db, user: users.agent, brandId: brand.id })).toMatchObject({ canEdit: false, policies: [{ name: "Default", isDefault: true }] });
    expect((await loadSlaSettings({ db, user: users.admin, brandId: brand.id })).canEdit).toBe(true);
    await expect(loadSlaSettings({ db, user: users.outsider, brandId: brand.id })).rejects.toThrow(expect.objectContaining({ kind: "not_found" }));

    const calendar = await createCalendar({ db, user: users.admin, brandId: brand.id, input: OFFICE });
    const made = await createPolicy({ db, user: users.admin, brandId: brand.id, input: policy() });
    const mutations = [
      (user: SessionUser) => createCalendar({ db, user, brandId: brand.id, input: { ...OFFICE, name: "Other" } }),
      (user: SessionUser) => updateCalendar({ db, user, brandId: brand.id, id: calendar.id, input: OFFICE }),
      (user: SessionUser) => deleteCalendar({ db, user, brandId: brand.id, id: calendar.id }),
      (user: SessionUser) => createPolicy({ db, user, brandId: brand.id, input: policy({ name: "X", priority: "high" }) }),
      (user: SessionUser) => updatePolicy({ db, user, brandId: brand.id, id: made.id, input: policy() }),
      (user: SessionUser) => deletePolicy({ db, user, brandId: brand.id, id: made.id }),
      (user: SessionUser) => movePolicy({ db, user, brandId: brand.id, id: made.id, direction: "up" }),
    ];
    for (const mutate of mutations) {
      await expect(mutate(users.manager)).rejects.toThrow(expect.objectContaining({ kind: "forbidden" }));
      await expect(mutate(users.agent)).rejects.toThrow(expect.objectContaining({ kind: "forbidden" }));
      await expect(mutate(users.outsider)).rejects.toThrow(expect.objectContaining({ kind: "not_found" }));
    }
    expect(await count(db, "SELECT count(*) FROM calendars")).toBe(1);
    expect(await count(db, "SELECT count(*) FROM sla_policies WHERE brand_id = ?", brand.id)).toBe(2);
  });

  it("does not let an admin of one brand use another brand's calendar or channel, or touch its policies", async () => {
    const { db, brand, other, users } = await setup();
    const theirs = await createCalendar({ db, user: users.outsider, brandId: other.id, input: OFFICE });
    const [theirChannel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: other.id, kind: "web", name: "Site" }).returning());
    await expect(createPolicy({ db, user: users.admin, brandId: brand.id, input: policy({ calendarId: theirs.id }) })).rejects.toThrow(expect.objectContaining({ kind: "not_found" }));
    await expect(createPolicy({ db, user: users.admin, brandId: brand.id, input: policy({ channelId: theirChannel.id }) })).rejects.toThrow(expect.objectContaining({ kind: "not_found" }));
    await expect(updatePolicy({ db, user: users.admin, brandId: brand.id, id: await defaultPolicyId(db, other.id), input: policy({ priority: null }) })).rejects.toThrow(expect.objectContaining({ kind: "not_found" }));
    await expect(deleteCalendar({ db, user: users.admin, brandId: brand.id, id: theirs.id })).rejects.toThrow(expect.objectContaining({ kind: "not_found" }));
  });
});

describe("SLA settings: validation", () => {
  it("explains calendar mistakes in an admin's words", async () => {
    const { db, brand, users } = await setup();
    const make = (input: Partial<CalendarInput>) => createCalendar({ db, user: users.admin, brandId: brand.id, input: { ...OFFICE, ...input } });
    await expect(make({ intervals: [] })).rejects.toThrow(/at least one opening interval/);
    await expect(make({ intervals: [{ day: 2, start: "09:00", end: "09:00" }] })).rejects.toThrow(/Tuesday: 09:00–09:00 opens and closes at the same time/);
    await expect(make({ intervals: [{ day: 3, start: "25:00", end: "17:00" }] })).rejects.toThrow(/Wednesday: the opening time “25:00”/);
    await expect(make({ timezone: "Mars/Olympus" })).rejects.toThrow(/IANA time zone/);
    await expect(make({ holidays: ["2026-02-30"] })).rejects.toThrow(/holidays\[0\]/);
    await expect(make({ name: "  " })).rejects.toThrow(/needs a name/);
    await createCalendar({ db, user: users.admin, brandId: brand.id, input: OFFICE });
    await expect(make({ name: "office HOURS" })).rejects.toThrow(/already a calendar called “Office hours”/);
    // Split shifts, an overnight shift and 24/7-with-holidays are all valid.
    const split = await createCalendar({ db, user: users.admin, brandId: brand.id, input: { ...OFFICE, name: "Split", intervals: [{ day: 1, start: "08:00", end: "12:00" }, { day: 1, start: "13:00", end: "17:00" }, { day: 5, start: "22:00", end: "06:00" }] } });
    expect(split.intervals).toHaveLength(3);
    const always = await createCalendar({ db, user: users.admin, brandId: brand.id, input: { name: "Always", timezone: "UTC", intervals: null, holidays: ["2026-01-01", "2026-01-01"] } });
    expect(always).toMatchObject({ intervals: null, holidays: ["2026-01-01"] });
  });

  it("checks targets, scope, duplicates and references of policies", async () => {
    const { db, brand, users, channelId } = await setup();
    const make = (input: Partial<PolicyInput>) => createPolicy({ db, user: users.admin, brandId: brand.id, input: policy(input) });
    await expect(make({ firstResponseSeconds: 30 })).rejects.toThrow(/first-response target must be between 1 minute and 30 days/);
    await expect(make({ nextResponseSeconds: 40 * 86_400 })).rejects.toThrow(/next-response target/);
    await expect(make({ atRiskShare: 1 })).rejects.toThrow(/between 1% and 99%/);
    await expect(make({ priority: null })).rejects.toThrow(/Choose a channel, category or priority/);
    await expect(make({ calendarId: 999_999 })).rejects.toThrow(expect.objectContaining({ kind: "not_found" }));
    await createPolicy({ db, user: users.admin, brandId: brand.id, input: policy({ channelId, priority: "urgent" }) });
    await expect(make({ name: "Other", channelId, priority: "urgent" })).rejects.toThrow(/“Urgent” already applies to exactly these conversations/);
    await expect(make({ name: "URGENT", priority: "high" })).rejects.toThrow(/already a policy called/);
    const defaultId = await defaultPolicyId(db, brand.id);
    await expect(updatePolicy({ db, user: users.admin, brandId: brand.id, id: defaultId, input: policy({ name: "Default" }) })).rejects.toThrow(/default policy covers every conversation/);
    await expect(deletePolicy({ db, user: users.admin, brandId: brand.id, id: defaultId })).rejects.toThrow(/default policy cannot be deleted/);
  });

  it("keeps a calendar in use, and deletes it once no policy uses it", async () => {
    const { db, brand, users } = await setup();
    const calendar = await createCalendar({ db, user: users.admin, brandId: brand.id, input: OFFICE });
    const made = await createPolicy({ db, user: users.admin, brandId: brand.id, input: policy({ calendarId: calendar.id }) });
    await expect(deleteCalendar({ db, user: users.admin, brandId: brand.id, id: calendar.id })).rejects.toThrow(/used by “Urgent”/);
    await deletePolicy({ db, user: users.admin, brandId: brand.id, id: made.id });
    await deleteCalendar({ db, user: users.admin, brandId: brand.id, id: calendar.id });
    expect((await loadSlaSettings({ db, user: users.admin, brandId: brand.id })).calendars).toEqual([]);
  });
});

describe("SLA settings: audit, order", () => {
  it("audits every change with who, before and after", async () => {
    const { db, brand, users } = await setup();
    const calendar = await createCalendar({ db, user: users.admin, brandId: brand.id, input: OFFICE });
    await updateCalendar({ db, user: users.admin, brandId: brand.id, id: calendar.id, input: { ...OFFICE, holidays: [] } });
    const made = await createPolicy({ db, user: users.admin, brandId: brand.id, input: policy() });
    await updatePolicy({ db, user: users.admin, brandId: brand.id, id: made.id, input: policy({ firstResponseSeconds: 1200 }) });
    await deletePolicy({ db, user: users.admin, brandId: brand.id, id: made.id });
    await deleteCalendar({ db, user: users.admin, brandId: brand.id, id: calendar.id });
    const [calendarUpdate] = await audit(db, "calendar.update");
    expect(calendarUpdate).toMatchObject({ user_id: users.admin.id, brand_id: brand.id, object_id: String(calendar.id) });
    expect(JSON.parse(calendarUpdate.before!).holidays).toEqual(["2026-12-25"]);
    expect(JSON.parse(calendarUpdate.after!).holidays).toEqual([]);
    const [policyUpdate] = await audit(db, "sla_policy.update");
    expect([JSON.parse(policyUpdate.before!).firstResponseSeconds, JSON.parse(policyUpdate.after!).firstResponseSeconds]).toEqual([900, 1200]);
    for (const action of ["calendar.create", "calendar.delete", "sla_policy.create", "sla_policy.delete"]) expect(await audit(db, action)).toHaveLength(1);
    // Policy changes are announced to live pages (the dashboard's target tile, the public badge).
    expect(await count(db, "SELECT count(*) FROM changes WHERE brand_id = ? AND kind = 'brand'", brand.id)).toBe(3);
  });

  it("appends new policies after the others and moves them up and down, default first", async () => {
    const { db, brand, users } = await setup();
    const a = await createPolicy({ db, user: users.admin, brandId: brand.id, input: policy({ name: "A", priority: "urgent" }) });
    const b = await createPolicy({ db, user: users.admin, brandId: brand.id, input: policy({ name: "B", priority: "high" }) });
    const c = await createPolicy({ db, user: users.admin, brandId: brand.id, input: policy({ name: "C", priority: "low" }) });
    const names = async () => (await loadSlaSettings({ db, user: users.agent, brandId: brand.id })).policies.map((p) => p.name);
    expect(await names()).toEqual(["Default", "A", "B", "C"]);
    await movePolicy({ db, user: users.admin, brandId: brand.id, id: c.id, direction: "up" });
    expect(await names()).toEqual(["Default", "A", "C", "B"]);
    await movePolicy({ db, user: users.admin, brandId: brand.id, id: a.id, direction: "down" });
    expect(await names()).toEqual(["Default", "C", "A", "B"]);
    await movePolicy({ db, user: users.admin, brandId: brand.id, id: b.id, direction: "down" }); // already last
    expect(await names()).toEqual(["Default", "C", "A", "B"]);
    expect(await audit(db, "sla_policy.reorder")).toHaveLength(2);
    await expect(movePolicy({ db, user: users.admin, brandId: brand.id, id: await defaultPolicyId(db, brand.id), direction: "down" })).rejects.toThrow(/no place in the order/);
  });
});

describe("SLA settings: in force for cycles that start after the change", () => {
  it("new cycles take the changed policy; running cycles keep the terms they started with", async () => {
    const { db, brand, users, channelId } = await setup();
    let n = 0;
    const ask = async (createdAt: string, now: number) => {
      n++;
      const event: InboundEventInput = { externalId: `q${n}`, author: { id: `u${n}` }, text: "Where is my bag?", createdAt };
      await ingestBatch({ db, brandId: brand.id, items: [{ event: inboundEventSchema.parse(event), channelId }], now, classifyText: request });
      return (await row<{ id: number; target_seconds: number; due_at: number; calendar: string; policy_id: number }>(db, "SELECT * FROM response_cycles ORDER BY id DESC LIMIT 1"))!;
    };
    // Friday 27 Nov 2026, 18:30 in Amsterdam (UTC+1).
    const friday = "2026-11-27T17:30:00Z";
    const before = await ask(friday, Date.parse(friday) + 1000);
    expect(before.target_seconds).toBe(3600);
    expect(before.due_at).toBe(Date.parse("2026-11-27T18:30:00Z"));

    const calendar = await createCalendar({ db, user: users.admin, brandId: brand.id, input: OFFICE });
    await updatePolicy({ db, user: users.admin, brandId: brand.id, id: await defaultPolicyId(db, brand.id), input: policy({ name: "Default", priority: null, firstResponseSeconds: 1800, atRiskShare: 0.75, calendarId: calendar.id }) });
    const after = await ask("2026-11-27T17:31:00Z", Date.parse(friday) + 120_000);
    expect(after.target_seconds).toBe(1800);
    expect(JSON.parse(after.calendar)).toMatchObject({ timezone: "Europe/Amsterdam", holidays: ["2026-12-25"] });
    expect(after.due_at).toBe(Date.parse("2026-11-30T08:30:00Z")); // Monday 09:30 local

    // The first cycle keeps its hour, also after the scheduler runs past its due time.
    await advanceSlaStates({ db, now: Date.parse("2026-11-27T19:00:00Z") });
    const kept = await row(db, "SELECT target_seconds, due_at, sla_state FROM response_cycles WHERE id = ?", before.id);
    expect(kept).toEqual({ target_seconds: 3600, due_at: Date.parse("2026-11-27T18:30:00Z"), sla_state: "breached" });

    // A scoped policy wins for the conversations it matches.
    const [web] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "web", name: "Site" }).returning());
    const scoped = await createPolicy({ db, user: users.admin, brandId: brand.id, input: policy({ name: "Site chat", channelId: web.id, priority: null, firstResponseSeconds: 300 }) });
    const event: InboundEventInput = { externalId: "w1", author: { id: "w" }, text: "Hello?", createdAt: "2026-11-27T17:40:00Z" };
    await ingestBatch({ db, brandId: brand.id, items: [{ event: inboundEventSchema.parse(event), channelId: web.id }], now: Date.parse("2026-11-27T17:41:00Z"), classifyText: request });
    const siteCycle = await row(db, "SELECT policy_id, target_seconds FROM response_cycles WHERE channel_id = ?", web.id);
    expect(siteCycle).toEqual({ policy_id: scoped.id, target_seconds: 300 });
  });
});
