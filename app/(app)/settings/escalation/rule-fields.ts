// The editor's description of each condition and action type: labels and the fields to show.
// Plain data shared by the client form; validation itself is parseRule's, on the server.

export type FieldKind = "number" | "text" | "list" | "choice" | "multi" | "people" | "person" | "channels" | "endpoint";

export type FieldSpec = {
  key: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  options?: { value: string; label: string }[];
  step?: number;
  optional?: boolean;
  // How the rule list summarises a value: "{}" is replaced by it.
  short?: string;
};

export type TypeSpec = { type: string; label: string; fields: FieldSpec[]; brand?: boolean; defaults?: Record<string, unknown> };

const CHANNEL_KINDS = ["facebook", "instagram", "twitter", "vk", "telegram", "youtube", "email", "web", "api"];

export const CONDITIONS: TypeSpec[] = [
  {
    type: "negative_sentiment",
    label: "Sentiment is negative",
    fields: [{ key: "minStrength", label: "At least this strong (0 = any negative, 1 = only the harshest)", kind: "number", step: 0.05, short: "strength ≥ {}" }],
    defaults: { minStrength: "0" },
  },
  { type: "complaint", label: "Is a complaint", fields: [] },
  {
    type: "keywords",
    label: "Contains keywords",
    fields: [{ key: "terms", label: "Keywords or phrases, one per line or comma-separated", kind: "list", hint: "Whole words, any language, case-insensitive; a trailing * matches endings (суд* → суда)." }],
    defaults: { terms: [] },
  },
  { type: "followers", label: "Author has many followers", fields: [{ key: "min", label: "At least this many followers", kind: "number", short: "≥ {} followers" }], defaults: { min: "10000" } },
  {
    type: "repeat_contact",
    label: "Author writes again and again",
    fields: [
      { key: "conversations", label: "At least this many conversations", kind: "number", short: "≥ {} conversations" },
      { key: "days", label: "Within this many days", kind: "number", short: "in {} days" },
    ],
    defaults: { conversations: "3", days: "7" },
  },
  {
    type: "sla",
    label: "First response target at risk or breached",
    fields: [{ key: "states", label: "When the target is", kind: "multi", options: [{ value: "at_risk", label: "at risk" }, { value: "breached", label: "breached" }] }],
    defaults: { states: ["breached"] },
  },
  {
    type: "channel",
    label: "Arrives on a channel",
    fields: [
      { key: "channelIds", label: "These channels", kind: "channels", optional: true },
      { key: "kinds", label: "Or any channel of these kinds", kind: "multi", options: CHANNEL_KINDS.map((k) => ({ value: k, label: k })), optional: true },
    ],
    defaults: { channelIds: [], kinds: [] },
  },
  {
    type: "visibility",
    label: "Public or private",
    fields: [{ key: "visibility", label: "Message is", kind: "choice", options: [{ value: "public", label: "public (a comment)" }, { value: "private", label: "private (a direct message)" }] }],
    defaults: { visibility: "public" },
  },
  { type: "language", label: "Is in a language", fields: [{ key: "languages", label: "Language codes, comma-separated (en, ru, de)", kind: "list" }], defaults: { languages: [] } },
  {
    type: "live_response_time_above",
    label: "Brand alert: live response time above",
    brand: true,
    fields: [{ key: "minutes", label: "Minutes", kind: "number", short: "{} min" }],
    defaults: { minutes: "60" },
  },
  { type: "waiting_above", label: "Brand alert: waiting requests above", brand: true, fields: [{ key: "count", label: "Requests waiting", kind: "number", short: "{} requests" }], defaults: { count: "50" } },
];

const AUDIENCE: FieldSpec[] = [
  {
    key: "to",
    label: "Who",
    kind: "choice",
    options: [
      { value: "managers", label: "the brand's managers" },
      { value: "admins", label: "the brand's admins" },
      { value: "assignee", label: "the conversation's assignee" },
      { value: "users", label: "these people" },
    ],
  },
  { key: "userIds", label: "People (when “these people”)", kind: "people", optional: true },
];

export const ACTIONS: TypeSpec[] = [
  {
    type: "escalate",
    label: "Escalate",
    fields: [
      { key: "level", label: "Level", kind: "choice", options: [{ value: "1", label: "level 1 — the managers" }, { value: "2", label: "level 2 — the admins" }] },
      { key: "userIds", label: "Or these people instead of the level's", kind: "people", optional: true },
    ],
    defaults: { level: "1", userIds: [] },
  },
  {
    type: "set_priority",
    label: "Set priority",
    fields: [{ key: "priority", label: "Priority", kind: "choice", options: ["low", "normal", "high", "urgent"].map((p) => ({ value: p, label: p })) }],
    defaults: { priority: "high" },
  },
  { type: "assign", label: "Assign to", fields: [{ key: "userId", label: "Person", kind: "person" }], defaults: { userId: "" } },
  { type: "add_label", label: "Add a label", fields: [{ key: "label", label: "Label", kind: "text" }], defaults: { label: "" } },
  { type: "notify_in_app", label: "Notify in the app", fields: AUDIENCE, defaults: { to: "managers", userIds: [] } },
  {
    type: "notify_email",
    label: "Notify by e-mail",
    fields: [...AUDIENCE, { key: "addresses", label: "Also these addresses, comma-separated", kind: "list", optional: true }],
    defaults: { to: "managers", userIds: [], addresses: [] },
  },
  { type: "notify_webhook", label: "Send to a webhook", fields: [{ key: "endpointId", label: "Endpoint", kind: "endpoint" }], defaults: { endpointId: "" } },
];

export function specOf(list: TypeSpec[], type: string): TypeSpec {
  return list.find((s) => s.type === type) ?? list[0];
}

export function draftOf(spec: TypeSpec): Record<string, unknown> {
  return { type: spec.type, ...structuredClone(spec.defaults ?? {}) };
}
