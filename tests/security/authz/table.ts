import type { Role } from "@/db/schema";
import type { Persona, World } from "./world";
import { sqlite } from "../../helpers/db";
import { saveWebConfig } from "@/lib/channels/web";
import { issueVisitorToken, newVisitorId } from "@/lib/widget/token";
import { correctMessage } from "@/lib/conversations/actions";
import { startSession } from "@/lib/auth/sessions";
import { operator } from "@/lib/auth/authorize";
import { createBrand } from "@/lib/brands/brands";
import { cliActor } from "@/lib/audit/record";
import { inviteMember, listMyInvitations } from "@/lib/team/invitations";
import crypto from "node:crypto";
import { savePushSubscription } from "@/lib/push/subscriptions";

// Push settings as the account page's form sends them, and a device of the caller (or of A's agent).
const pushSettings = { label: "Phone", kinds: "escalation", quietStart: "22:00", quietEnd: "07:00", timezone: "Europe/Sofia" };
function browserKeys() {
  const ecdh = crypto.createECDH("prime256v1");
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString("base64url"), auth: crypto.randomBytes(16).toString("base64url") };
}
async function pushDevice(w: World, as: Persona): Promise<number> {
  const owner = as === "signed-out" ? w.people.agent : w.people[as];
  const endpoint = `https://push.example.com/send/${crypto.randomBytes(8).toString("hex")}`;
  return savePushSubscription({ db: w.db, userId: owner.id, input: { endpoint, keys: browserKeys(), label: "Phone", kinds: ["escalation"], quietStart: null, quietEnd: null, timezone: "UTC" } });
}

// The authorization table: every route handler and every server action of the app, with the
// least it needs, per DESIGN.md's roles table. The matrix test fails for anything not listed
// here (and for stale entries), so a new route or action gets a line in this file.
//
// access: "public" — anyone; "signed-in" — any signed-in user, scoped to themselves;
// a role — that role or higher in the brand the call names (other brands answer 404);
// "token:<scope>" — an API token with that scope ("token:write": a write token acting as brand A's
// agent; its member's role and membership decide, tests/api/write.test.ts checks the manager-only
// parts); "webhook" — a platform signature or secret.

export type Access = "public" | "signed-in" | Role;
export type Form = Record<string, string>;
type Build<T> = (w: World, as: Persona) => T | Promise<T>;

export type ActionEntry = {
  access: Access;
  /** Valid input for brand A, built afresh for every call so allowed calls never collide. */
  form?: Build<Form>;
  /** The function takes no arguments (a bell refresh, sign-out). */
  noArgs?: true;
  /** The function takes the FormData alone (a plain <form action>), not (state, formData). */
  formOnly?: true;
  /** The function takes other arguments (a preview called from the client). */
  args?: (w: World, as: Persona) => unknown[] | Promise<unknown[]>;
  /**
   * For input whose fully valid form is costly to build: allowed callers need only get past
   * authorization (a validation or business refusal counts); refusals are checked as strictly.
   */
  authorizedOnly?: true;
  /** Default: an admin of another brand gets 404. "allowed" for actions that are not about one brand. */
  outsider?: "allowed" | "not_found";
  /** Brand A's objects named from brand B (or another user's objects): must change nothing. */
  cross?: Build<Form>;
  note?: string;
};

export type RouteCall = { url: string; init?: RequestInit; params?: Record<string, string> };

export type RouteEntry =
  | {
      access: Access;
      request: (w: World) => RouteCall | Promise<RouteCall>;
      /** Called as the outsider (admin of B) naming brand A's objects from brand B: must change nothing. */
      cross?: (w: World) => RouteCall | Promise<RouteCall>;
      note?: string;
    }
  | {
      access: "token:ingest" | "token:read" | "token:write";
      request: (w: World) => RouteCall | Promise<RouteCall>;
      /** A valid token of brand B aimed at brand A's data: assert what it gets. */
      otherBrand: (w: World) => Promise<{ call: RouteCall; token: string; expect: (response: Response, w: World) => Promise<void> }>;
    }
  | { access: "webhook"; request: (w: World) => RouteCall | Promise<RouteCall>; note?: string }
  /** Mocked away in-process (Auth.js's own handlers): exercised over real HTTP by the named e2e files. */
  | { access: "public"; overHttpIn: string[] };

const fresh = () => Math.random().toString(36).slice(2, 10);

// A pending invitation for a fresh person (their account is made by it) to brand A, or for the
// person named to a brand of their own.
async function invitationFor(w: World, invitee?: string): Promise<number> {
  const brandId = invitee ? (await createBrand({ db: w.db, slug: `invite-${fresh()}`, name: "Inviting", actor: cliActor })).id : w.a.id;
  const { email } = await inviteMember({ db: w.db, actor: operator, brandId, email: invitee ?? `invitee-${fresh()}@authz.test`, role: "agent" });
  const userId = sqlite(w.db).prepare("SELECT id FROM users WHERE email = ?").pluck().get(email) as number;
  return (await listMyInvitations({ db: w.db, userId }))[0].id;
}
const A = (w: World) => String(w.a.id);
const B = (w: World) => String(w.b.id);
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

// A write call on brand A's object `id`, with a fresh Idempotency-Key.
function apiWrite(id: string, url: string, body: unknown, method = "POST"): RouteCall {
  return { url: url.replace(":id", id), params: { id }, init: { ...json(body, { "idempotency-key": `authz-${fresh()}` }), method } };
}

// Brand B's write token naming brand A's object: it does not exist for B.
function otherBrandWrite(call: RouteCall, w: World) {
  return {
    call,
    token: w.tokens.writeB,
    expect: async (response: Response) => {
      if (response.status !== 404) throw new Error(`expected 404, got ${response.status}`);
    },
  };
}

// The website widget's endpoints are public: an allowed origin and, past the session, a visitor token.
const WIDGET_ORIGIN = "https://site.authz.test";
const widgets = new WeakMap<World, Promise<{ key: string; token: string }>>();
function widget(w: World): Promise<{ key: string; token: string }> {
  if (!widgets.has(w))
    widgets.set(
      w,
      (async () => {
        const channelId = await w.webChannel();
        const { publicKey } = await saveWebConfig({ db: w.db, brandId: w.a.id, channelId, config: { origins: [WIDGET_ORIGIN], mode: "chat", showResponseTime: true } });
        return { key: publicKey, token: issueVisitorToken({ channelId, visitorId: newVisitorId() }).token };
      })(),
    );
  return widgets.get(w)!;
}
async function widgetCall(w: World, endpoint: string, init: RequestInit = {}): Promise<RouteCall> {
  const { key, token } = await widget(w);
  const headers = { origin: WIDGET_ORIGIN, authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) };
  return { url: `/api/widget/${key}/${endpoint}`, init: { ...init, headers }, params: { key } };
}

const CALENDAR = JSON.stringify({ timezone: "UTC", intervals: [{ day: 1, start: "09:00", end: "17:00" }], holidays: [] });
const POLICY = { name: "Policy", firstResponse: "1", firstResponseUnit: "hours", nextResponse: "", nextResponseUnit: "hours", atRiskPercent: "75", calendarId: "" };

// The escalation queue is a manager's tool.
function escalationEntry(extra: Form): ActionEntry {
  return {
    access: "manager",
    form: async (w) => ({ brandId: A(w), escalationId: String((await w.escalation())), ...extra }),
    cross: async (w) => ({ brandId: B(w), escalationId: String((await w.escalation())), ...extra }),
  };
}

export const ACTIONS: Record<string, ActionEntry> = {
  "app/login/actions.ts#signInAction": { access: "public", form: () => ({ email: "nobody@authz.test", password: "x" }), note: "next-auth's signIn is substituted; brute force is tested in sign-in.test.ts" },
  "app/(app)/actions.ts#signOutAction": { access: "public", noArgs: true },

  "app/(app)/inbox/actions.ts#assignAction": {
    access: "agent",
    form: async (w) => ({ brandId: A(w), conversationIds: String((await w.conversation()).conversationId), assignee: "me" }),
    cross: async (w) => ({ brandId: B(w), conversationIds: String((await w.conversation()).conversationId), assignee: "me" }),
    note: "assigning someone else needs manager: see the extra matrix row in the test",
  },
  "app/(app)/inbox/actions.ts#statusAction": {
    access: "agent",
    form: async (w) => ({ brandId: A(w), conversationIds: String((await w.conversation()).conversationId), status: "resolved" }),
    cross: async (w) => ({ brandId: B(w), conversationIds: String((await w.conversation()).conversationId), status: "resolved" }),
  },
  "app/(app)/inbox/actions.ts#markNoiseAction": {
    access: "agent",
    form: async (w) => ({ brandId: A(w), conversationIds: String((await w.conversation()).conversationId) }),
    cross: async (w) => ({ brandId: B(w), conversationIds: String((await w.conversation()).conversationId) }),
  },
  "app/(app)/inbox/actions.ts#priorityAction": {
    access: "agent",
    form: async (w) => ({ brandId: A(w), conversationIds: String((await w.conversation()).conversationId), priority: "high" }),
    cross: async (w) => ({ brandId: B(w), conversationIds: String((await w.conversation()).conversationId), priority: "urgent" }),
  },
  "app/(app)/inbox/actions.ts#labelsAction": {
    access: "agent",
    form: async (w) => ({ brandId: A(w), conversationId: String((await w.conversation()).conversationId), add: "refund" }),
    cross: async (w) => ({ brandId: B(w), conversationId: String((await w.conversation()).conversationId), add: "stolen" }),
  },
  "app/(app)/inbox/actions.ts#correctAction": {
    access: "agent",
    form: async (w) => ({ brandId: A(w), messageId: String((await w.conversation()).messageId), request: "false" }),
    cross: async (w) => ({ brandId: B(w), messageId: String((await w.conversation()).messageId), request: "false" }),
  },
  "app/(app)/inbox/actions.ts#retryAction": {
    access: "agent",
    form: async (w) => ({ brandId: A(w), messageId: String((await w.failedReply())) }),
    cross: async (w) => ({ brandId: B(w), messageId: String((await w.failedReply())) }),
  },

  "app/(app)/inbox/reply-actions.ts#sendFromComposerAction": {
    access: "agent",
    form: async (w) => ({ brandId: A(w), conversationId: String((await w.conversation()).conversationId), text: "On it", mode: "public" }),
    cross: async (w) => ({ brandId: B(w), conversationId: String((await w.conversation()).conversationId), text: "cross", mode: "note" }),
  },

  "app/(app)/escalations/actions.ts#acknowledgeAction": escalationEntry({}),
  "app/(app)/escalations/actions.ts#raiseAction": escalationEntry({}),
  "app/(app)/escalations/actions.ts#rerouteAction": escalationEntry({ target: "level:2" }),
  "app/(app)/escalations/actions.ts#resolveAction": escalationEntry({ note: "Called the customer back." }),

  "app/(app)/account/actions.ts#changePasswordAction": {
    access: "signed-in",
    authorizedOnly: true,
    form: () => ({ current: "not-the-password-1", next: "another-pass-123", confirm: "another-pass-123" }),
    note: "the wrong current password is refused after authentication; lib/team/account is tested with the right one",
  },
  "app/(app)/account/actions.ts#endSessionAction": {
    access: "signed-in",
    formOnly: true,
    form: () => ({ sessionId: "no-such-session" }),
    cross: async (w) => ({ sessionId: await startSession({ db: w.db, userId: w.people.agent.id }) }),
  },
  "app/(app)/account/actions.ts#signOutEverywhereAction": { access: "signed-in", noArgs: true },
  "app/(app)/account/actions.ts#setWeeklyReportAction": { access: "manager", formOnly: true, form: (w) => ({ brandId: String(w.a.id), subscribed: "1" }) },
  // Finding 7: only the invitee answers an invitation; another person's is left as it was.
  "app/(app)/account/actions.ts#answerInvitationAction": {
    access: "signed-in",
    formOnly: true,
    form: async (w, as) => ({ invitationId: String(await invitationFor(w, as === "signed-out" ? undefined : w.people[as].email)), answer: "decline" }),
    cross: async (w) => ({ invitationId: String(await invitationFor(w)), answer: "accept" }),
  },
  "app/(app)/account/push-actions.ts#savePushSubscriptionAction": {
    access: "signed-in",
    args: () => {
      const form = new FormData();
      for (const [k, v] of Object.entries(pushSettings)) form.append(k, v);
      return [{ endpoint: `https://push.example.com/send/${crypto.randomBytes(8).toString("hex")}`, keys: browserKeys() }, form];
    },
  },
  "app/(app)/account/push-actions.ts#updatePushDeviceAction": {
    access: "signed-in",
    form: async (w, as) => ({ id: String(await pushDevice(w, as)), ...pushSettings, label: "Renamed" }),
    cross: async (w) => ({ id: String(await pushDevice(w, "agent")), ...pushSettings, label: "Renamed" }),
  },
  "app/(app)/account/push-actions.ts#removePushDeviceAction": {
    access: "signed-in",
    form: async (w, as) => ({ id: String(await pushDevice(w, as)) }),
    cross: async (w) => ({ id: String(await pushDevice(w, "agent")) }),
  },
  "app/(app)/account/push-actions.ts#sendTestPushAction": {
    access: "signed-in",
    form: async (w, as) => ({ id: String(await pushDevice(w, as)) }),
    cross: async (w) => ({ id: String(await pushDevice(w, "agent")) }),
  },
  "app/(app)/actions.ts#setAvailabilityAction": { access: "signed-in", formOnly: true, form: () => ({ available: "1" }) },
  "app/(app)/actions.ts#setLocaleAction": { access: "signed-in", formOnly: true, form: () => ({ locale: "en" }) },
  "app/(app)/actions.ts#setThemeAction": { access: "signed-in", formOnly: true, form: () => ({ theme: "dark" }) },

  "app/(app)/inbox/moderation-actions.ts#hideMessageAction": {
    access: "agent",
    authorizedOnly: true,
    form: async (w) => ({ brandId: A(w), messageId: String((await w.conversation()).messageId), reason: "spam", note: "Spam link to a fake shop" }),
    cross: async (w) => ({ brandId: B(w), messageId: String((await w.conversation()).messageId), reason: "spam", note: "Spam link to a fake shop" }),
    note: "api-channel comments cannot be hidden on a platform: allowed callers get that refusal; a negative non-spam comment needs a manager (lib/moderation)",
  },
  "app/(app)/inbox/moderation-actions.ts#blockContactAction": {
    access: "agent",
    form: async (w) => ({ brandId: A(w), contactId: String((await w.contact())), blocked: "1" }),
    cross: async (w) => ({ brandId: B(w), contactId: String((await w.contact())), blocked: "1" }),
  },
  "app/(app)/inbox/privacy-actions.ts#eraseContactAction": {
    access: "admin",
    form: async (w) => ({ brandId: A(w), contactId: String(await w.contact()), reason: "Asked by e-mail", confirm: "yes" }),
    cross: async (w) => ({ brandId: B(w), contactId: String(await w.contact()), reason: "Asked by e-mail", confirm: "yes" }),
    note: "erasing personal data is an admin's task (lib/privacy)",
  },

  "app/(app)/settings/team/actions.ts#setRoutingAction": {
    access: "admin",
    form: async (w) => ({ brandId: A(w), userId: String((await w.person()).id), languages: "en, nl", capacity: "5" }),
    cross: async (w) => ({ brandId: B(w), userId: String((await w.person()).id), languages: "xx", capacity: "1" }),
  },

  "app/(app)/settings/sla/actions.ts#createCalendarAction": { access: "admin", form: (w) => ({ brandId: A(w), name: `Cal ${fresh()}`, calendar: CALENDAR }) },
  "app/(app)/settings/sla/actions.ts#updateCalendarAction": {
    access: "admin",
    form: async (w) => ({ brandId: A(w), calendarId: String((await w.slaCalendar())), name: "Office", calendar: CALENDAR }),
    cross: async (w) => ({ brandId: B(w), calendarId: String((await w.slaCalendar())), name: "Stolen", calendar: CALENDAR }),
  },
  "app/(app)/settings/sla/actions.ts#deleteCalendarAction": {
    access: "admin",
    form: async (w) => ({ brandId: A(w), calendarId: String((await w.slaCalendar())) }),
    cross: async (w) => ({ brandId: B(w), calendarId: String((await w.slaCalendar())) }),
  },
  "app/(app)/settings/sla/actions.ts#createPolicyAction": { access: "admin", form: async (w) => ({ brandId: A(w), ...POLICY, name: `P ${fresh()}`, channelId: String((await w.webChannel())) }) },
  "app/(app)/settings/sla/actions.ts#updatePolicyAction": {
    access: "admin",
    form: async (w) => ({ brandId: A(w), policyId: String((await w.slaPolicy())), ...POLICY, channelId: String((await w.webChannel())) }),
    cross: async (w) => ({ brandId: B(w), policyId: String((await w.slaPolicy())), ...POLICY, firstResponse: "99", channelId: String((await w.webChannel())) }),
  },
  "app/(app)/settings/sla/actions.ts#deletePolicyAction": {
    access: "admin",
    form: async (w) => ({ brandId: A(w), policyId: String((await w.slaPolicy())) }),
    cross: async (w) => ({ brandId: B(w), policyId: String((await w.slaPolicy())) }),
  },
  "app/(app)/settings/sla/actions.ts#movePolicyAction": {
    access: "admin",
    authorizedOnly: true,
    form: async (w) => ({ brandId: A(w), policyId: String((await w.slaPolicy())), direction: "down" }),
    cross: async (w) => ({ brandId: B(w), policyId: String((await w.slaPolicy())), direction: "up" }),
  },
  "app/(app)/settings/sla/actions.ts#previewAction": {
    access: "agent",
    args: (w) => [{ brandId: w.a.id, targetSeconds: 3600, atRiskShare: 0.75 }],
    note: "any member may preview; it reads nothing of another brand",
  },

  "app/(app)/settings/templates/actions.ts#saveTemplateAction": { access: "manager", form: (w) => ({ brandId: A(w), title: `T ${fresh()}`, body: "Hi {{name}}, thanks!" }) },
  "app/(app)/settings/templates/actions.ts#deleteTemplateAction": {
    access: "manager",
    authorizedOnly: true,
    form: (w) => ({ brandId: A(w), templateId: "999999" }),
  },
  "app/(app)/settings/templates/actions.ts#previewTemplateAction": { access: "manager", form: (w) => ({ brandId: A(w), body: "Hi {{name}}" }) },

  "app/(app)/settings/escalation/actions.ts#saveRuleAction": { access: "manager", authorizedOnly: true, form: (w) => ({ brandId: A(w), name: "r" }) },
  "app/(app)/settings/escalation/actions.ts#dryRunAction": { access: "manager", authorizedOnly: true, form: (w) => ({ brandId: A(w), name: "r" }) },
  "app/(app)/settings/escalation/actions.ts#setRuleEnabledAction": { access: "manager", authorizedOnly: true, form: (w) => ({ brandId: A(w), ruleId: "999999", enabled: "false" }) },
  "app/(app)/settings/escalation/actions.ts#moveRuleAction": { access: "manager", authorizedOnly: true, form: (w) => ({ brandId: A(w), ruleId: "999999", direction: "up" }) },
  "app/(app)/settings/escalation/actions.ts#deleteRuleAction": { access: "manager", authorizedOnly: true, form: (w) => ({ brandId: A(w), ruleId: "999999" }) },
  "app/(app)/settings/escalation/actions.ts#createEndpointAction": { access: "admin", authorizedOnly: true, form: (w) => ({ brandId: A(w), name: "hook" }) },
  "app/(app)/settings/escalation/actions.ts#endpointAction": { access: "admin", authorizedOnly: true, form: (w) => ({ brandId: A(w), endpointId: "999999", op: "disable" }) },
  "app/(app)/settings/escalation/actions.ts#retryDeliveryAction": { access: "admin", authorizedOnly: true, form: (w) => ({ brandId: A(w), deliveryId: "999999" }) },

  "app/(app)/notifications-actions.ts#loadNotificationsAction": { access: "signed-in", noArgs: true },
  "app/(app)/notifications-actions.ts#markNotificationsReadAction": {
    access: "signed-in",
    form: (w, as) => ({ ids: String(w.notification(as === "signed-out" ? w.people.agent.id : w.people[as].id, as === "outsider" ? w.b : w.a)) }),
    cross: (w) => ({ ids: String(w.notification(w.people.agent.id)) }),
  },

  "app/(app)/settings/brands/actions.ts#createBrandAction": {
    access: "admin",
    outsider: "allowed",
    form: () => ({ slug: `authz-new-${fresh()}`, name: "New brand", timezone: "UTC" }),
    note: "an admin of any brand may open a new one and becomes its admin",
  },
  "app/(app)/settings/brands/actions.ts#updateBrandAction": { access: "admin", form: (w) => ({ brandId: A(w), name: "Authz A", timezone: "UTC" }) },
  "app/(app)/settings/brands/actions.ts#saveRetentionAction": { access: "admin", form: (w) => ({ brandId: A(w), months: "120", confirm: "yes" }) },

  "app/(app)/settings/channels/actions.ts#createChannelAction": { access: "admin", form: (w) => ({ brandId: A(w), kind: "web", name: `Site ${fresh()}` }) },
  "app/(app)/settings/channels/actions.ts#updateChannelAction": {
    access: "admin",
    form: (w) => ({ brandId: A(w), channelId: String(w.vkA.id), name: "vk" }),
    cross: (w) => ({ brandId: B(w), channelId: String(w.vkA.id), name: "stolen", cred_secret: "attacker" }),
  },
  "app/(app)/settings/channels/actions.ts#setChannelPausedAction": {
    access: "admin",
    form: (w) => ({ brandId: A(w), channelId: String(w.telegramA.id), paused: "false" }),
    cross: (w) => ({ brandId: B(w), channelId: String(w.telegramA.id), paused: "true" }),
  },

  "app/(app)/settings/team/actions.ts#addMemberAction": { access: "admin", form: (w) => ({ brandId: A(w), email: `new-${fresh()}@authz.test`, role: "agent" }) },
  "app/(app)/settings/team/actions.ts#cancelInvitationAction": {
    access: "admin",
    form: async (w) => ({ brandId: A(w), invitationId: String(await invitationFor(w)) }),
    cross: async (w) => ({ brandId: B(w), invitationId: String(await invitationFor(w)) }),
  },
  "app/(app)/settings/team/actions.ts#changeRoleAction": {
    access: "admin",
    form: async (w) => ({ brandId: A(w), userId: String((await w.person()).id), role: "manager" }),
    cross: async (w) => ({ brandId: B(w), userId: String((await w.person()).id), role: "admin" }),
  },
  "app/(app)/settings/team/actions.ts#removeMemberAction": {
    access: "admin",
    form: async (w) => ({ brandId: A(w), userId: String((await w.person()).id) }),
    cross: async (w) => ({ brandId: B(w), userId: String((await w.person()).id) }),
  },
  "app/(app)/settings/team/actions.ts#setActiveAction": {
    access: "admin",
    form: async (w) => ({ brandId: A(w), userId: String((await w.person()).id), active: "false" }),
    cross: async (w) => ({ brandId: B(w), userId: String((await w.person()).id), active: "false" }),
  },
  "app/(app)/settings/team/actions.ts#resetPasswordAction": {
    access: "admin",
    form: async (w) => ({ brandId: A(w), userId: String((await w.person()).id) }),
    cross: async (w) => ({ brandId: B(w), userId: String((await w.person()).id) }),
  },
};

export const ROUTES: Record<string, RouteEntry> = {
  "GET /api/auth/[...nextauth]": { access: "public", overHttpIn: ["tests/e2e/security-pages.test.ts", "tests/e2e/security-leaks.test.ts"] },
  "POST /api/auth/[...nextauth]": { access: "public", overHttpIn: ["tests/e2e/security-pages.test.ts", "tests/e2e/security-leaks.test.ts"] },
  "GET /api/public/brands/[slug]/response-time": {
    access: "public",
    request: (w) => ({ url: `/api/public/brands/${w.a.slug}/response-time`, params: { slug: w.a.slug } }),
  },
  "GET /api/public/brands/[slug]/response-time.svg": {
    access: "public",
    request: (w) => ({ url: `/api/public/brands/${w.a.slug}/response-time.svg`, params: { slug: w.a.slug } }),
  },
  "POST /api/widget/[key]/session": { access: "public", request: (w) => widgetCall(w, "session", { method: "POST" }) },
  "OPTIONS /api/widget/[key]/session": { access: "public", request: (w) => widgetCall(w, "session", { method: "OPTIONS" }) },
  "GET /api/widget/[key]/messages": { access: "public", request: (w) => widgetCall(w, "messages") },
  "POST /api/widget/[key]/messages": { access: "public", request: (w) => widgetCall(w, "messages", json({ text: `Hello ${fresh()}` })) },
  "OPTIONS /api/widget/[key]/messages": { access: "public", request: (w) => widgetCall(w, "messages", { method: "OPTIONS" }) },
  "GET /api/widget/[key]/stream": { access: "public", request: (w) => widgetCall(w, "stream") },
  "GET /api/realtime": { access: "signed-in", request: () => ({ url: "/api/realtime?after=0" }), note: "a stream naming a page view (?presence=brand.conversation.view) is checked as an agent of that brand, as POST /api/presence (tests/presence)" },
  "GET /api/presence": {
    access: "agent",
    request: async (w) => ({ url: `/api/presence?brandId=${w.a.id}&conversationId=${(await w.conversation()).conversationId}` }),
    cross: async (w) => ({ url: `/api/presence?brandId=${w.b.id}&conversationId=${(await w.conversation()).conversationId}` }),
  },
  "POST /api/presence": {
    access: "agent",
    request: async (w) => ({ url: "/api/presence", init: json({ brandId: w.a.id, conversationId: (await w.conversation()).conversationId, state: "typing" }) }),
    cross: async (w) => ({ url: "/api/presence", init: json({ brandId: w.b.id, conversationId: (await w.conversation()).conversationId, state: "typing" }) }),
  },
  "GET /dashboard/weekly/pdf": { access: "manager", request: (w) => ({ url: `/dashboard/weekly/pdf?brand=${w.a.slug}&week=2026-03-02` }) },
  "GET /reports/unsubscribe": { access: "public", request: () => ({ url: "/reports/unsubscribe?u=1&b=1&t=not-a-valid-token" }) },
  "POST /reports/unsubscribe": { access: "public", request: () => ({ url: "/reports/unsubscribe?u=1&b=1&t=not-a-valid-token", init: { method: "POST" } }), note: "the signed token is the authorization; a wrong one changes nothing (tests/reports)" },
  "GET /dashboard/export": { access: "manager", request: (w) => ({ url: `/dashboard/export?table=daily&brand=${w.a.slug}` }) },
  "GET /settings/staffing/export": { access: "manager", request: (w) => ({ url: `/settings/staffing/export?brand=${w.a.slug}` }) },
  "GET /api/v1/conversations": {
    access: "token:read",
    request: () => ({ url: "/api/v1/conversations" }),
    otherBrand: async (w) => ({
      call: { url: "/api/v1/conversations?limit=200" },
      token: w.tokens.readB,
      expect: async (response, w) => {
        if (response.status !== 200) throw new Error(`expected 200, got ${response.status}`);
        const body = (await response.json()) as { conversations: { id: string }[] };
        const ofA = sqlite(w.db).prepare("SELECT id FROM conversations WHERE brand_id = ?").pluck().all(w.a.id).map(String);
        if (body.conversations.some((c) => ofA.includes(c.id))) throw new Error("brand B's token listed a conversation of brand A");
      },
    }),
  },
  "GET /api/v1/conversations/[id]": {
    access: "token:read",
    request: async (w) => {
      const id = String((await w.conversation()).conversationId);
      return { url: `/api/v1/conversations/${id}`, params: { id } };
    },
    otherBrand: async (w) => {
      const id = String((await w.conversation()).conversationId);
      return {
        call: { url: `/api/v1/conversations/${id}`, params: { id } },
        token: w.tokens.readB,
        expect: async (response) => {
          if (response.status !== 404) throw new Error(`expected 404, got ${response.status}`);
        },
      };
    },
  },
  "POST /api/v1/events": {
    access: "token:ingest",
    request: () => ({ url: "/api/v1/events", init: json({ externalId: `authz-${fresh()}`, text: "hi", createdAt: new Date().toISOString(), author: { id: "x" } }) }),
    otherBrand: async (w) => ({
      // Brand B's ingest token naming a channel of brand A.
      call: { url: "/api/v1/events", init: json({ externalId: `authz-${fresh()}`, text: "hi", createdAt: new Date().toISOString(), author: { id: "x" }, channel: String(w.telegramA.id) }) },
      token: w.tokens.ingestB,
      expect: async (response) => {
        if (response.status !== 400) throw new Error(`expected 400, got ${response.status}`);
      },
    }),
  },
  "PATCH /api/v1/conversations/[id]": {
    access: "token:write",
    request: async (w) => apiWrite(String((await w.conversation()).conversationId), `/api/v1/conversations/:id`, { priority: "high", labels: ["authz"] }, "PATCH"),
    otherBrand: async (w) => otherBrandWrite(apiWrite(String((await w.conversation()).conversationId), `/api/v1/conversations/:id`, { status: "resolved" }, "PATCH"), w),
  },
  "POST /api/v1/conversations/[id]/replies": {
    access: "token:write",
    request: async (w) => apiWrite(String((await w.conversation()).conversationId), `/api/v1/conversations/:id/replies`, { text: "On it", visibility: "public" }),
    otherBrand: async (w) => otherBrandWrite(apiWrite(String((await w.conversation()).conversationId), `/api/v1/conversations/:id/replies`, { text: "x", visibility: "public" }), w),
  },
  "POST /api/v1/conversations/[id]/notes": {
    access: "token:write",
    request: async (w) => apiWrite(String((await w.conversation()).conversationId), `/api/v1/conversations/:id/notes`, { text: "authz note" }),
    otherBrand: async (w) => otherBrandWrite(apiWrite(String((await w.conversation()).conversationId), `/api/v1/conversations/:id/notes`, { text: "x" }), w),
  },
  "POST /api/v1/messages/[id]/classification": {
    access: "token:write",
    request: async (w) => apiWrite(String((await w.conversation()).messageId), `/api/v1/messages/:id/classification`, { category: "noise" }),
    otherBrand: async (w) => otherBrandWrite(apiWrite(String((await w.conversation()).messageId), `/api/v1/messages/:id/classification`, { category: "noise" }), w),
  },
  "GET /api/v1/openapi.json": { access: "public", request: () => ({ url: "/api/v1/openapi.json" }), note: "describes the API; holds no brand's data" },
  "GET /api/webhooks/meta": { access: "webhook", request: () => ({ url: "/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1" }) },
  "POST /api/webhooks/meta": {
    access: "webhook",
    request: () => ({ url: "/api/webhooks/meta", init: json({ object: "page", entry: [{ id: "p", changes: [] }] }, { "x-hub-signature-256": "sha256=" + "0".repeat(64) }) }),
  },
  "POST /api/webhooks/telegram/[channelId]": {
    access: "webhook",
    request: (w) => ({
      url: `/api/webhooks/telegram/${w.telegramA.id}`,
      params: { channelId: String(w.telegramA.id) },
      init: json({ update_id: 1, message: { message_id: 1, date: 1, chat: { id: 5, type: "private" }, from: { id: 5, first_name: "A" }, text: "hi" } }, { "x-telegram-bot-api-secret-token": "guess" }),
    }),
  },
  "POST /api/webhooks/vk/[channelId]": {
    access: "webhook",
    request: (w) => ({
      url: `/api/webhooks/vk/${w.vkA.id}`,
      params: { channelId: String(w.vkA.id) },
      init: json({ type: "message_new", group_id: 1, secret: "guess", object: { message: { id: 1, from_id: 2, peer_id: 2, text: "hi", date: 1 } } }),
    }),
  },
};

// Rules inside one action that need a higher role than the action itself.
export const ACTION_VARIANTS: Record<string, ActionEntry & { action: string }> = {
  // Finding 5 of the security review: hiding a negative comment is a manager's call, whatever
  // reason is picked and whatever its sentiment was corrected to.
  "hide a negative comment that is not spam": {
    action: "app/(app)/inbox/moderation-actions.ts#hideMessageAction",
    access: "manager",
    form: async (w) => ({ brandId: A(w), messageId: String((await w.negativeComment()).messageId), reason: "abuse", note: "Rude words about the staff" }),
  },
  "hide a negative comment called spam without a link or an earlier block": {
    action: "app/(app)/inbox/moderation-actions.ts#hideMessageAction",
    access: "manager",
    form: async (w) => ({ brandId: A(w), messageId: String((await w.negativeComment()).messageId), reason: "spam", note: "Says it is spam" }),
  },
  "hide a negative comment after an agent corrected it to neutral": {
    action: "app/(app)/inbox/moderation-actions.ts#hideMessageAction",
    access: "manager",
    form: async (w) => {
      const { messageId } = await w.negativeComment();
      await correctMessage({ db: w.db, brandId: w.a.id, actor: { userId: w.people.agent.id, label: w.people.agent.email }, messageId, sentiment: "neutral" });
      return { brandId: A(w), messageId: String(messageId), reason: "other", note: "Not negative any more" };
    },
  },
  "assign a conversation to someone else": {
    action: "app/(app)/inbox/actions.ts#assignAction",
    access: "manager",
    form: async (w) => ({ brandId: A(w), conversationIds: String((await w.conversation()).conversationId), assignee: String(w.people.manager.id) }),
  },
  "unassign a conversation": {
    action: "app/(app)/inbox/actions.ts#assignAction",
    access: "manager",
    form: async (w) => ({ brandId: A(w), conversationIds: String((await w.conversation()).conversationId), assignee: "none" }),
  },
};
