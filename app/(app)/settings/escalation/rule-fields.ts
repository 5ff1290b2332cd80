// The editor's description of each condition and action type: labels and the fields to show.
// Plain data shared by the client form; validation itself is parseRule's, on the server.
// Texts are dictionary keys (lib/i18n/dict-rules.ts), so the form follows the interface language.
import type { MessageKey } from "@/lib/i18n/messages";

export type FieldKind = "number" | "text" | "list" | "choice" | "multi" | "people" | "person" | "channels" | "endpoint";

export type FieldSpec = {
  key: string;
  label: MessageKey;
  kind: FieldKind;
  hint?: MessageKey;
  options?: { value: string; label: MessageKey }[];
  step?: number;
  optional?: boolean;
  // How the rule list summarises a value: the text's {value} is replaced by it.
  short?: MessageKey;
};

export type TypeSpec = { type: string; label: MessageKey; fields: FieldSpec[]; brand?: boolean; defaults?: Record<string, unknown> };

const CHANNEL_KINDS = ["facebook", "instagram", "twitter", "vk", "telegram", "youtube", "email", "web", "api"] as const;

export const CONDITIONS: TypeSpec[] = [
  {
    type: "negative_sentiment",
    label: "rules.cond.negative_sentiment",
    fields: [{ key: "minStrength", label: "rules.cond.negative_sentiment.minStrength", kind: "number", step: 0.05, short: "rules.cond.negative_sentiment.minStrength.short" }],
    defaults: { minStrength: "0" },
  },
  { type: "complaint", label: "rules.cond.complaint", fields: [] },
  {
    type: "keywords",
    label: "rules.cond.keywords",
    fields: [{ key: "terms", label: "rules.cond.keywords.terms", kind: "list", hint: "rules.cond.keywords.terms.hint" }],
    defaults: { terms: [] },
  },
  {
    type: "followers",
    label: "rules.cond.followers",
    fields: [{ key: "min", label: "rules.cond.followers.min", kind: "number", short: "rules.cond.followers.min.short" }],
    defaults: { min: "10000" },
  },
  {
    type: "repeat_contact",
    label: "rules.cond.repeat_contact",
    fields: [
      { key: "conversations", label: "rules.cond.repeat_contact.conversations", kind: "number", short: "rules.cond.repeat_contact.conversations.short" },
      { key: "days", label: "rules.cond.repeat_contact.days", kind: "number", short: "rules.cond.repeat_contact.days.short" },
    ],
    defaults: { conversations: "3", days: "7" },
  },
  {
    type: "sla",
    label: "rules.cond.sla",
    fields: [
      {
        key: "states",
        label: "rules.cond.sla.states",
        kind: "multi",
        options: [
          { value: "at_risk", label: "rules.cond.sla.at_risk" },
          { value: "breached", label: "rules.cond.sla.breached" },
        ],
      },
    ],
    defaults: { states: ["breached"] },
  },
  {
    type: "channel",
    label: "rules.cond.channel",
    fields: [
      { key: "channelIds", label: "rules.cond.channel.channelIds", kind: "channels", optional: true },
      { key: "kinds", label: "rules.cond.channel.kinds", kind: "multi", options: CHANNEL_KINDS.map((k) => ({ value: k, label: `rules.channelKind.${k}` as const })), optional: true },
    ],
    defaults: { channelIds: [], kinds: [] },
  },
  {
    type: "visibility",
    label: "rules.cond.visibility",
    fields: [
      {
        key: "visibility",
        label: "rules.cond.visibility.visibility",
        kind: "choice",
        options: [
          { value: "public", label: "rules.cond.visibility.public" },
          { value: "private", label: "rules.cond.visibility.private" },
        ],
      },
    ],
    defaults: { visibility: "public" },
  },
  { type: "language", label: "rules.cond.language", fields: [{ key: "languages", label: "rules.cond.language.languages", kind: "list" }], defaults: { languages: [] } },
  {
    type: "live_response_time_above",
    label: "rules.cond.live_response_time_above",
    brand: true,
    fields: [{ key: "minutes", label: "rules.cond.live_response_time_above.minutes", kind: "number", short: "rules.cond.live_response_time_above.minutes.short" }],
    defaults: { minutes: "60" },
  },
  {
    type: "waiting_above",
    label: "rules.cond.waiting_above",
    brand: true,
    fields: [{ key: "count", label: "rules.cond.waiting_above.count", kind: "number", short: "rules.cond.waiting_above.count.short" }],
    defaults: { count: "50" },
  },
];

const AUDIENCE: FieldSpec[] = [
  {
    key: "to",
    label: "rules.audience.to",
    kind: "choice",
    options: [
      { value: "managers", label: "rules.audience.managers" },
      { value: "admins", label: "rules.audience.admins" },
      { value: "assignee", label: "rules.audience.assignee" },
      { value: "users", label: "rules.audience.users" },
    ],
  },
  { key: "userIds", label: "rules.audience.userIds", kind: "people", optional: true },
];

export const ACTIONS: TypeSpec[] = [
  {
    type: "escalate",
    label: "rules.act.escalate",
    fields: [
      {
        key: "level",
        label: "rules.act.escalate.level",
        kind: "choice",
        options: [
          { value: "1", label: "rules.act.escalate.level1" },
          { value: "2", label: "rules.act.escalate.level2" },
        ],
      },
      { key: "userIds", label: "rules.act.escalate.userIds", kind: "people", optional: true },
    ],
    defaults: { level: "1", userIds: [] },
  },
  {
    type: "set_priority",
    label: "rules.act.set_priority",
    fields: [{ key: "priority", label: "rules.act.set_priority.priority", kind: "choice", options: (["low", "normal", "high", "urgent"] as const).map((p) => ({ value: p, label: `conversation.priority.${p}` as const })) }],
    defaults: { priority: "high" },
  },
  { type: "assign", label: "rules.act.assign", fields: [{ key: "userId", label: "rules.act.assign.userId", kind: "person" }], defaults: { userId: "" } },
  { type: "add_label", label: "rules.act.add_label", fields: [{ key: "label", label: "rules.act.add_label.label", kind: "text" }], defaults: { label: "" } },
  { type: "notify_in_app", label: "rules.act.notify_in_app", fields: AUDIENCE, defaults: { to: "managers", userIds: [] } },
  {
    type: "notify_email",
    label: "rules.act.notify_email",
    fields: [...AUDIENCE, { key: "addresses", label: "rules.act.notify_email.addresses", kind: "list", optional: true }],
    defaults: { to: "managers", userIds: [], addresses: [] },
  },
  { type: "notify_webhook", label: "rules.act.notify_webhook", fields: [{ key: "endpointId", label: "rules.act.notify_webhook.endpointId", kind: "endpoint" }], defaults: { endpointId: "" } },
];

export function specOf(list: TypeSpec[], type: string): TypeSpec {
  return list.find((s) => s.type === type) ?? list[0];
}

export function draftOf(spec: TypeSpec): Record<string, unknown> {
  return { type: spec.type, ...structuredClone(spec.defaults ?? {}) };
}
