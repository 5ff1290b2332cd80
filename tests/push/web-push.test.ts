import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escalateConversation, raiseEscalation } from "@/lib/escalation/actions";
import { setLocale } from "@/lib/team/users";
import { addNoteWithMentions } from "@/lib/conversations/mentions";
import { assignConversations } from "@/lib/conversations/actions";
import { advanceSlaStates } from "@/lib/worker/sla-timer";
import { listPushDevices, removePushDevice, savePushSubscription, updatePushDevice } from "@/lib/push/subscriptions";
import { sendDuePushes } from "@/lib/push/send";
import { getSecrets } from "@/lib/security/secrets";
import type { PushKind } from "@/db/schema";
import type { Db } from "@/db/client";
import { browserKeys, startPushService, type BrowserKeys, type PushService } from "../helpers/push-service";
import { escalationBrand, memberOf, NEGATIVE } from "../escalation/setup";

let service: PushService;
beforeAll(async () => {
  service = await startPushService();
});
afterAll(() => service.close());

type Settings = { kinds?: PushKind[]; quietStart?: number | null; quietEnd?: number | null; timezone?: string; label?: string };

async function subscribe(db: Db, userId: number, settings: Settings = {}, status = 201): Promise<{ id: number; keys: BrowserKeys; endpoint: string }> {
  const keys = browserKeys();
  const endpoint = service.endpoint(keys, status);
  const id = await savePushSubscription({
    db,
    userId,
    input: { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth }, label: settings.label ?? "Phone", kinds: settings.kinds ?? ["escalation", "mention", "at_risk"], quietStart: settings.quietStart ?? null, quietEnd: settings.quietEnd ?? null, timezone: settings.timezone ?? "UTC" },
  });
  return { id, keys, endpoint };
}

const pathOf = (endpoint: string) => new URL(endpoint).pathname;
const to = (endpoint: string) => service.received.filter((r) => r.path === pathOf(endpoint));

describe("web push", () => {
  it("an escalation reaches the devices of its level that chose escalations, encrypted, once", async () => {
    const ctx = await escalationBrand();
    const { db, brand, manager, agent, admin } = ctx;
    const managerPhone = await subscribe(db, manager.id);
    const managerLaptop = await subscribe(db, manager.id, { kinds: ["mention"], label: "Laptop" });
    const adminPhone = await subscribe(db, admin.id);
    const agentPhone = await subscribe(db, agent.id);
    // A rule escalates on ingest, as in production.
    await ctx.rule({ name: "Negative", conditions: [{ type: "negative_sentiment" }], actions: [{ type: "escalate", level: 1 }] });
    const { conversationId } = await ctx.ingest(NEGATIVE);
    const { id: escalationId } = ctx.one<{ id: number }>("SELECT id FROM escalations WHERE conversation_id = ?", conversationId);

    expect(await sendDuePushes({ db })).toBe(1);
    expect(service.refused).toEqual([]);
    const [push] = to(managerPhone.endpoint);
    expect(push.payload).toMatchObject({ title: `Escalation · ${brand.name}`, url: `/inbox?brand=${brand.slug}&c=${conversationId}`, tag: `conversation-${conversationId}`, lang: "en" });
    expect((push.payload as { body: string }).body).toContain("worst airline");
    expect(push.headers.urgency).toBe("high");
    expect(push.headers.authorization).toContain(`k=${getSecrets().vapidPublicKey}`);
    // Not on the laptop (mentions only), not to level 2, not to the agent.
    expect([to(managerLaptop.endpoint), to(adminPhone.endpoint), to(agentPhone.endpoint)].map((r) => r.length)).toEqual([0, 0, 0]);

    // Exactly once: later runs find nothing more to send, and what was sent keeps no text.
    expect(await sendDuePushes({ db })).toBe(0);
    expect(await sendDuePushes({ db, now: Date.now() + 3600_000 })).toBe(0);
    expect(to(managerPhone.endpoint)).toHaveLength(1);
    expect(ctx.q("SELECT state, payload FROM push_deliveries WHERE subscription_id = ?", managerPhone.id)).toEqual([{ state: "sent", payload: "{}" }]);

    // Raised to level 2, it reaches the admin.
    await raiseEscalation({ db, brandId: brand.id, escalationId, actor: await memberOf(db, manager) });
    expect(await sendDuePushes({ db })).toBeGreaterThanOrEqual(1);
    expect(to(adminPhone.endpoint).map((r) => (r.payload as { url: string }).url)).toEqual([`/inbox?brand=${brand.slug}&c=${conversationId}`]);
  });

  it("an @mention reaches the mentioned person in their language; a device in its quiet hours stays silent", async () => {
    const ctx = await escalationBrand();
    const { db, brand, manager, agent } = ctx;
    await setLocale({ db, userId: agent.id, locale: "bg" });
    const day = await subscribe(db, agent.id, { kinds: ["mention"] });
    // 22:00–07:00 in Sofia: quiet around the clock except 07:00–22:00 local time.
    const night = await subscribe(db, agent.id, { kinds: ["mention"], quietStart: 22 * 60, quietEnd: 7 * 60, timezone: "Europe/Sofia", label: "Bedside" });
    const { conversationId } = await ctx.ingest("Where is my refund?");
    const handle = agent.email.split("@")[0];
    await addNoteWithMentions({ db, brandId: brand.id, actor: { userId: manager.id, label: manager.email }, conversationId, text: `@${handle} can you check the refund?`, authorName: "Maria" });
    await sendDuePushes({ db });
    const [push] = to(day.endpoint);
    expect(push.payload).toMatchObject({ title: `Споменаха ви · ${brand.name}`, lang: "bg", url: `/inbox?brand=${brand.slug}&c=${conversationId}` });
    expect((push.payload as { body: string }).body).toContain("can you check the refund");
    const sofiaHour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Sofia", hour: "2-digit", hourCycle: "h23" }).format(new Date()));
    const quiet = sofiaHour >= 22 || sofiaHour < 7;
    expect(to(night.endpoint)).toHaveLength(quiet ? 0 : 1);
    expect(ctx.q("SELECT state FROM push_deliveries WHERE subscription_id = ?", night.id)).toEqual([{ state: quiet ? "muted" : "sent" }]);
  });

  it("quiet hours follow the device's time zone, across midnight", async () => {
    const { isQuiet } = await import("@/lib/push/quiet-hours");
    const quiet = { start: 22 * 60, end: 7 * 60, timeZone: "Europe/Sofia" };
    // 20:30 UTC is 22:30 in Sofia in winter; 05:30 UTC is 07:30.
    expect(isQuiet({ at: Date.parse("2026-01-10T20:30:00Z"), quiet })).toBe(true);
    expect(isQuiet({ at: Date.parse("2026-01-10T04:59:00Z"), quiet })).toBe(true);
    expect(isQuiet({ at: Date.parse("2026-01-10T05:30:00Z"), quiet })).toBe(false);
    expect(isQuiet({ at: Date.parse("2026-01-10T12:00:00Z"), quiet: { ...quiet, timeZone: "America/New_York" } })).toBe(false);
    expect(isQuiet({ at: Date.parse("2026-01-10T04:00:00Z"), quiet: { ...quiet, timeZone: "America/New_York" } })).toBe(true);
    expect(isQuiet({ at: Date.parse("2026-01-10T04:00:00Z"), quiet: { start: null, end: null, timeZone: "UTC" } })).toBe(false);
  });

  it("my conversation turning at risk, then overdue, reaches me (the assignee) and nobody else", async () => {
    const ctx = await escalationBrand();
    const { db, brand, manager, agent } = ctx;
    const mine = await subscribe(db, agent.id, { kinds: ["at_risk"] });
    const theirs = await subscribe(db, manager.id, { kinds: ["at_risk"] });
    const now = Date.now();
    const { conversationId } = await ctx.ingest("My order never arrived, can you help?", { now });
    await assignConversations({ db, brandId: brand.id, actor: { userId: manager.id, label: manager.email }, conversationIds: [conversationId], assigneeId: agent.id });
    expect(await advanceSlaStates({ db, now: now + 50 * 60_000 })).toBe(1);
    await sendDuePushes({ db, now: now + 50 * 60_000 });
    expect(to(mine.endpoint).map((r) => (r.payload as { title: string }).title)).toEqual([`Reply due soon · ${brand.name}`]);
    expect(await advanceSlaStates({ db, now: now + 61 * 60_000 })).toBe(1);
    await advanceSlaStates({ db, now: now + 62 * 60_000 });
    await sendDuePushes({ db, now: now + 62 * 60_000 });
    expect(to(mine.endpoint).map((r) => (r.payload as { title: string }).title)).toEqual([`Reply due soon · ${brand.name}`, `Reply overdue · ${brand.name}`]);
    expect((to(mine.endpoint)[0].payload as { url: string }).url).toBe(`/inbox?brand=${brand.slug}&c=${conversationId}`);
    expect(to(theirs.endpoint)).toHaveLength(0);
  });

  it("a device the push service no longer knows (410, 404) is removed with what waited for it", async () => {
    const ctx = await escalationBrand();
    const { db, brand, manager } = ctx;
    const gone = await subscribe(db, manager.id, {}, 410);
    const lost = await subscribe(db, manager.id, {}, 404);
    const busy = await subscribe(db, manager.id, {}, 503);
    const { conversationId } = await ctx.ingest(NEGATIVE);
    await escalateConversation({ db, brandId: brand.id, conversationId, level: 1, reason: "Angry customer", actor: await memberOf(db, ctx.admin) });
    await sendDuePushes({ db });
    expect((await listPushDevices({ db, userId: manager.id })).map((d) => d.id)).toEqual([busy.id]);
    expect(ctx.q("SELECT state FROM push_deliveries WHERE subscription_id IN (?, ?)", gone.id, lost.id)).toEqual([{ state: "gone" }, { state: "gone" }]);
    // A 503 is retried later, with its text kept until then.
    const [retry] = ctx.q<{ state: string; attempts: number; payload: string }>("SELECT state, attempts, payload FROM push_deliveries WHERE subscription_id = ?", busy.id);
    expect(retry).toMatchObject({ state: "queued", attempts: 1 });
    expect(retry.payload).toContain("Escalation");
  });

  it("refuses endpoints the outbound guard would refuse, bad keys and half-set quiet hours; devices are only their owner's", async () => {
    const ctx = await escalationBrand();
    const { db, manager, agent } = ctx;
    const keys = browserKeys();
    const input = (over: Record<string, unknown>) => ({ endpoint: "https://push.example.com/x", keys: { p256dh: keys.p256dh, auth: keys.auth }, label: "Phone", kinds: ["escalation"], quietStart: null, quietEnd: null, timezone: "UTC", ...over });
    for (const endpoint of ["http://push.example.com/x", "http://10.0.0.8/x", "https://10.0.0.8/x", "https://169.254.169.254/latest", "https://[::1]/x", "https://127.0.0.2/x", "https://user:pw@push.example.com/x", "file:///etc/passwd", "not a url"])
      await expect(savePushSubscription({ db, userId: manager.id, input: input({ endpoint }) }), endpoint).rejects.toThrow(/push address/);
    await expect(savePushSubscription({ db, userId: manager.id, input: input({ keys: { p256dh: "AAAA", auth: keys.auth } }) })).rejects.toThrow(/push keys/);
    await expect(savePushSubscription({ db, userId: manager.id, input: input({ quietStart: 600 }) })).rejects.toThrow(/both ends/);
    await expect(savePushSubscription({ db, userId: manager.id, input: input({ timezone: "Mars/Olympus" }) })).rejects.toThrow(/time zone/);
    await expect(savePushSubscription({ db, userId: manager.id, input: input({ kinds: ["everything"] }) })).rejects.toThrow();

    const id = await savePushSubscription({ db, userId: manager.id, input: input({}) });
    const settings = { label: "Work phone", kinds: ["mention"], quietStart: 1320, quietEnd: 420, timezone: "Europe/Tirane" };
    await expect(updatePushDevice({ db, userId: agent.id, id, input: settings })).rejects.toThrow(/not in your list/);
    await expect(removePushDevice({ db, userId: agent.id, id })).rejects.toThrow(/not in your list/);
    await updatePushDevice({ db, userId: manager.id, id, input: settings });
    expect(await listPushDevices({ db, userId: manager.id })).toMatchObject([{ id, ...settings }]);
    expect(await listPushDevices({ db, userId: agent.id })).toEqual([]);
    await removePushDevice({ db, userId: manager.id, id });
    expect(await listPushDevices({ db, userId: manager.id })).toEqual([]);
  });
});
