import { sql } from "drizzle-orm";
import {
  text,
  integer,
  real,
  index,
  uniqueIndex,
  primaryKey,
} from "drizzle-orm/sqlite-core";
import { table as sqliteTable } from "./table";

const id = () => integer("id").primaryKey({ autoIncrement: true });
const ts = (name: string) => integer(name, { mode: "timestamp_ms" });
const bool = (name: string) => integer(name, { mode: "boolean" });
const createdAt = () =>
  ts("created_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const ROLES = ["admin", "manager", "agent"] as const;
export const CHANNEL_KINDS = [
  "facebook",
  "instagram",
  "twitter",
  "vk",
  "telegram",
  "youtube",
  "email",
  "web",
  "api",
] as const;
export const CONVERSATION_KINDS = ["public_comment", "private_message"] as const;
export const STATUSES = ["open", "pending", "snoozed", "resolved"] as const;
export const CATEGORIES = ["request", "noise"] as const;
export const SENTIMENTS = ["negative", "neutral", "positive"] as const;
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const SLA_STATES = ["on_track", "at_risk", "breached", "met", "missed"] as const;
export const DIRECTIONS = ["inbound", "outbound", "note"] as const;
export const DELIVERY_STATES = ["queued", "sending", "sent", "failed"] as const;

export type Role = (typeof ROLES)[number];
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export type SlaState = (typeof SLA_STATES)[number];

export const brands = sqliteTable("brands", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  timezone: text("timezone").notNull().default("UTC"),
  publicStatus: bool("public_status").notNull().default(false),
  retrainEveryHours: integer("retrain_every_hours"),
  // Waiting requests are handed out round-robin to available agents when on.
  autoAssign: bool("auto_assign").notNull().default(false),
  // Message texts older than this many months are erased by the worker; null keeps them.
  retentionMonths: integer("retention_months"),
  createdAt: createdAt(),
});

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  mustChangePassword: bool("must_change_password").notNull().default(false),
  languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default([]),
  locale: text("locale", { enum: ["en", "ru", "bg", "sq"] }).notNull().default("en"),
  timezone: text("timezone"),
  available: bool("available").notNull().default(true),
  capacity: integer("capacity").notNull().default(20),
  disabled: bool("disabled").notNull().default(false),
  // The brand whose admin made the account: its admins keep account-wide control (deactivate,
  // reset) after the person accepts invitations elsewhere. Null: made by the operator.
  homeBrandId: integer("home_brand_id").references(() => brands.id),
  createdAt: createdAt(),
});

// A brand admin's invitation: the person joins only by accepting it on their account page.
export const invitations = sqliteTable(
  "invitations",
  {
    id: id(),
    brandId: integer("brand_id")
      .notNull()
      .references(() => brands.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ROLES }).notNull(),
    invitedBy: integer("invited_by").references(() => users.id),
    status: text("status", { enum: ["pending", "accepted", "declined", "cancelled"] }).notNull().default("pending"),
    createdAt: createdAt(),
    respondedAt: ts("responded_at"),
  },
  (t) => [index("invitations_brand").on(t.brandId, t.status), index("invitations_user").on(t.userId, t.status)],
);

// One row per sign-in: the JWT carries only its id, so ending the row ends the cookie wherever it is.
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    userAgent: text("user_agent").notNull().default(""),
    address: text("address").notNull().default(""),
    createdAt: createdAt(),
    lastSeenAt: ts("last_seen_at").notNull(),
    endedAt: ts("ended_at"),
  },
  (t) => [index("sessions_user").on(t.userId, t.endedAt)],
);

export const memberships = sqliteTable(
  "memberships",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    brandId: integer("brand_id")
      .notNull()
      .references(() => brands.id),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_brand").on(t.userId, t.brandId),
    index("memberships_brand").on(t.brandId, t.role),
  ],
);

export const channels = sqliteTable(
  "channels",
  {
    id: id(),
    brandId: integer("brand_id")
      .notNull()
      .references(() => brands.id),
    kind: text("kind", { enum: CHANNEL_KINDS }).notNull(),
    name: text("name").notNull(),
    accountId: text("account_id"),
    // AES-256-GCM ciphertext of a JSON object; never sent to the browser.
    credentials: text("credentials"),
    status: text("status", { enum: ["active", "paused", "error"] })
      .notNull()
      .default("active"),
    lastEventAt: ts("last_event_at"),
    lastError: text("last_error"),
    lastErrorAt: ts("last_error_at"),
    pollCursor: text("poll_cursor"),
    pollNextAt: ts("poll_next_at"),
    // Set when a message of the channel is erased (lib/privacy): ingest then also looks events
    // up by their erased-id token; channels never erased skip that work.
    erasedAt: ts("erased_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("channels_brand").on(t.brandId),
    // Meta webhooks route entries to channels by page / Instagram account id.
    index("channels_kind_account").on(t.kind, t.accountId),
  ],
);

// The website widget of a `web` channel: its public key (in the embed snippet, not a secret),
// the origins allowed to embed it, chat or contact-form mode, and whether it shows the live figure.
export const webChannels = sqliteTable("web_channels", {
  channelId: integer("channel_id")
    .primaryKey()
    .references(() => channels.id),
  brandId: integer("brand_id")
    .notNull()
    .references(() => brands.id),
  publicKey: text("public_key").notNull().unique(),
  origins: text("origins", { mode: "json" }).$type<string[]>().notNull().default([]),
  mode: text("mode", { enum: ["chat", "form"] }).notNull().default("chat"),
  showResponseTime: bool("show_response_time").notNull().default(true),
  updatedAt: ts("updated_at").notNull(),
});

export const contacts = sqliteTable(
  "contacts",
  {
    id: id(),
    // Every table that holds a brand's data carries brand_id, so the data can be split by brand.
    brandId: integer("brand_id")
      .notNull()
      .references(() => brands.id),
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id),
    externalId: text("external_id").notNull(),
    handle: text("handle"),
    name: text("name"),
    followers: integer("followers"),
    language: text("language"),
    blocked: bool("blocked").notNull().default(false),
    blockedBy: integer("blocked_by"),
    blockedAt: ts("blocked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("contacts_channel_external").on(t.channelId, t.externalId)],
);

export const conversations = sqliteTable(
  "conversations",
  {
    id: id(),
    brandId: integer("brand_id")
      .notNull()
      .references(() => brands.id),
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id),
    externalThreadId: text("external_thread_id"),
    kind: text("kind", { enum: CONVERSATION_KINDS }).notNull(),
    status: text("status", { enum: STATUSES }).notNull().default("open"),
    category: text("category", { enum: CATEGORIES }).notNull().default("request"),
    complaint: bool("complaint").notNull().default(false),
    sentiment: text("sentiment", { enum: SENTIMENTS }).notNull().default("neutral"),
    sentimentScore: real("sentiment_score").notNull().default(0),
    priority: text("priority", { enum: PRIORITIES }).notNull().default("normal"),
    assigneeId: integer("assignee_id").references(() => users.id),
    language: text("language"),
    labels: text("labels", { mode: "json" }).$type<string[]>().notNull().default([]),
    currentCycleId: integer("current_cycle_id"),
    escalationLevel: integer("escalation_level").notNull().default(0),
    // Copied from the current cycle so the inbox sorts and filters without a join.
    slaState: text("sla_state", { enum: SLA_STATES }),
    firstResponseDueAt: ts("first_response_due_at"),
    awaitingFirstResponse: bool("awaiting_first_response").notNull().default(false),
    firstInboundAt: ts("first_inbound_at"),
    lastMessageAt: ts("last_message_at").notNull(),
    lastInboundAt: ts("last_inbound_at"),
    lastInboundReceivedAt: ts("last_inbound_received_at"),
    snoozedUntil: ts("snoozed_until"),
    linkedConversationId: integer("linked_conversation_id"),
    preview: text("preview").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    index("conversations_thread").on(t.channelId, t.externalThreadId),
    // A conversation's channel and brand by its id from the index alone: reports filtered by channel
    // check it for every escalation or resolution of the range.
    index("conversations_id_channel").on(t.id, t.channelId, t.brandId),
    // A person's history with the brand (ingest) is counted from this index alone.
    index("conversations_contact").on(t.contactId, t.kind, t.category, t.channelId),
    // Default inbox view: waiting requests by due time.
    index("conversations_queue").on(t.brandId, t.awaitingFirstResponse, t.category, t.firstResponseDueAt),
    index("conversations_status").on(t.brandId, t.status, t.category, t.lastMessageAt),
    index("conversations_assignee").on(t.assigneeId, t.status, t.lastMessageAt),
    index("conversations_recent").on(t.brandId, t.lastMessageAt),
    // The noise auto-resolver scans open noise by last inbound receipt.
    index("conversations_noise_idle").on(t.category, t.status, t.lastInboundReceivedAt),
  ],
);

export const responseCycles = sqliteTable(
  "response_cycles",
  {
    id: id(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id),
    brandId: integer("brand_id").notNull(),
    channelId: integer("channel_id").notNull(),
    number: integer("number").notNull(),
    category: text("category", { enum: CATEGORIES }).notNull(),
    startedAt: ts("started_at").notNull(),
    firstResponseAt: ts("first_response_at"),
    firstResponseSeconds: integer("first_response_seconds"),
    firstResponseBusinessSeconds: integer("first_response_business_seconds"),
    firstResponderId: integer("first_responder_id"),
    policyId: integer("policy_id"),
    targetSeconds: integer("target_seconds").notNull(),
    nextResponseTargetSeconds: integer("next_response_target_seconds"),
    atRiskShare: real("at_risk_share").notNull(),
    calendar: text("calendar", { mode: "json" }).$type<unknown>(),
    atRiskAt: ts("at_risk_at"),
    dueAt: ts("due_at").notNull(),
    slaState: text("sla_state", { enum: SLA_STATES }).notNull(),
    awaitingSince: ts("awaiting_since"),
    resolvedAt: ts("resolved_at"),
    resolutionSeconds: integer("resolution_seconds"),
    resolutionBusinessSeconds: integer("resolution_business_seconds"),
    reopened: bool("reopened").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("cycles_conversation_number").on(t.conversationId, t.number),
    // "Did it come back": a later cycle of the conversation, answered from the index (dashboard agents table).
    index("cycles_conversation_started").on(t.conversationId, t.startedAt),
    // Covering for the dashboard and the report: a range scan never touches the table.
    index("cycles_brand_started").on(
      t.brandId,
      t.startedAt,
      t.category,
      t.firstResponseAt,
      t.firstResponseBusinessSeconds,
      t.firstResponseSeconds,
      t.targetSeconds,
      t.firstResponderId,
    ),
    // Live figure: cycles answered in the last hour / day.
    index("cycles_brand_first_response").on(t.brandId, t.firstResponseAt),
    // Scheduler: unanswered cycles by their next SLA transition.
    index("cycles_open_due").on(t.slaState, t.dueAt),
    // "Breached today": cycles of a brand by due time, covering.
    index("cycles_brand_due").on(t.brandId, t.category, t.dueAt, t.firstResponseAt),
  ],
);

export const messages = sqliteTable(
  "messages",
  {
    id: id(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id),
    brandId: integer("brand_id").notNull(),
    channelId: integer("channel_id").notNull(),
    cycleId: integer("cycle_id"),
    direction: text("direction", { enum: DIRECTIONS }).notNull(),
    visibility: text("visibility", { enum: ["public", "private"] }).notNull().default("public"),
    externalId: text("external_id"),
    inReplyToExternalId: text("in_reply_to_external_id"),
    contactId: integer("contact_id"),
    userId: integer("user_id"),
    text: text("text").notNull(),
    createdAt: ts("created_at").notNull(),
    receivedAt: ts("received_at").notNull(),
    automated: bool("automated").notNull().default(false),
    language: text("language"),
    category: text("category", { enum: CATEGORIES }),
    complaint: bool("complaint"),
    sentiment: text("sentiment", { enum: SENTIMENTS }),
    sentimentScore: real("sentiment_score"),
    confidence: real("confidence"),
    // The classifier's request probability (complaints included), which the conversation decision reads.
    requestProbability: real("request_probability"),
    reasons: text("reasons", { mode: "json" }).$type<string[]>(),
    corrected: bool("corrected").notNull().default(false),
    // the model's category before an agent first corrected it (the dashboard counts corrections each way)
    correctedFrom: text("corrected_from", { enum: CATEGORIES }),
    url: text("url"),
    attachments: text("attachments", { mode: "json" }).$type<{ kind: string; url: string; name?: string; size?: number; contentType?: string }[]>(),
    // E-mail: the subject line, and the quoted history and signature cut off before classification.
    subject: text("subject"),
    quotedText: text("quoted_text"),
    // E-mail: the HTML part, sanitised on arrival (lib/ingest/adapters/email/html.ts).
    html: text("html"),
    editedAt: ts("edited_at"),
    deletedOnPlatformAt: ts("deleted_on_platform_at"),
    hiddenAt: ts("hidden_at"),
    hiddenReason: text("hidden_reason"),
    hiddenBy: integer("hidden_by"),
    nrtSeconds: integer("nrt_seconds"),
    deliveryState: text("delivery_state", { enum: DELIVERY_STATES }),
    idempotencyKey: text("idempotency_key"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at"),
    sentAt: ts("sent_at"),
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("messages_channel_external").on(t.channelId, t.externalId),
    index("messages_conversation").on(t.conversationId, t.createdAt),
    // Orphan replies are linked when their parent arrives.
    index("messages_reply_to").on(t.channelId, t.inReplyToExternalId),
    // Covering for the dashboard: inbound volume, request share, corrected share, and replies per agent.
    index("messages_brand_direction_created").on(t.brandId, t.direction, t.createdAt, t.channelId, t.category, t.corrected, t.automated, t.userId),
    // Channel health: the gaps between a channel's recent inbound messages.
    index("messages_channel_created").on(t.channelId, t.direction, t.createdAt),
    // Outbox: queued replies by their next attempt.
    index("messages_outbox").on(t.deliveryState, t.nextAttemptAt),
  ],
);

// Additive dashboard figures per brand, kind, quarter hour (created_at / 900000: every UTC offset is
// a multiple of it) and channel: inbound messages by category and correction, replies by person.
// Kept by triggers on messages in the writing transaction (the message_rollups migrations).
export const messageRollups = sqliteTable(
  "message_rollups",
  {
    brandId: integer("brand_id").notNull(),
    kind: text("kind", { enum: ["inbound", "reply"] }).notNull(),
    bucket: integer("bucket").notNull(),
    channelId: integer("channel_id").notNull(),
    // 0 for inbound; "" where a message has no category or correction (keys cannot be NULL).
    userId: integer("user_id").notNull(),
    category: text("category").notNull(),
    corrected: bool("corrected").notNull(),
    correctedFrom: text("corrected_from").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "message_rollups_pk", columns: [t.brandId, t.kind, t.bucket, t.channelId, t.userId, t.category, t.corrected, t.correctedFrom] })],
);

// Managers and admins who asked for the weekly report of a brand by e-mail (one row = opted in).
export const weeklyReportSubscriptions = sqliteTable(
  "weekly_report_subscriptions",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    brandId: integer("brand_id")
      .notNull()
      .references(() => brands.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "weekly_report_subscriptions_pk", columns: [t.userId, t.brandId] })],
);

// One row per report e-mail, claimed in a transaction before it is sent: the unique key is what
// keeps several servers from sending one manager the same week twice.
export const weeklyReportSends = sqliteTable(
  "weekly_report_sends",
  {
    id: id(),
    userId: integer("user_id").notNull(),
    brandId: integer("brand_id").notNull(),
    // The Monday the reported week starts, in the brand's time zone ("YYYY-MM-DD").
    week: text("week").notNull(),
    state: text("state", { enum: ["sending", "sent", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(1),
    claimedAt: ts("claimed_at").notNull(),
    sentAt: ts("sent_at"),
    lastError: text("last_error"),
  },
  (t) => [uniqueIndex("weekly_report_sends_user_brand_week").on(t.userId, t.brandId, t.week)],
);

export const slaPolicies = sqliteTable(
  "sla_policies",
  {
    id: id(),
    brandId: integer("brand_id")
      .notNull()
      .references(() => brands.id),
    name: text("name").notNull(),
    isDefault: bool("is_default").notNull().default(false),
    firstResponseSeconds: integer("first_response_seconds").notNull().default(3600),
    nextResponseSeconds: integer("next_response_seconds"),
    atRiskShare: real("at_risk_share").notNull().default(0.75),
    calendarId: integer("calendar_id"),
    channelId: integer("channel_id"),
    category: text("category", { enum: CATEGORIES }),
    priority: text("priority", { enum: PRIORITIES }),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("sla_policies_brand").on(t.brandId)],
);

export const calendars = sqliteTable("calendars", {
  id: id(),
  brandId: integer("brand_id")
    .notNull()
    .references(() => brands.id),
  name: text("name").notNull(),
  timezone: text("timezone").notNull(),
  intervals: text("intervals", { mode: "json" })
    .$type<{ day: number; start: string; end: string }[] | null>(),
  holidays: text("holidays", { mode: "json" }).$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
});

export const templates = sqliteTable(
  "templates",
  {
    id: id(),
    brandId: integer("brand_id")
      .notNull()
      .references(() => brands.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    language: text("language"),
    shortcut: text("shortcut"),
    createdBy: integer("created_by"),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("templates_brand").on(t.brandId, t.language)],
);

export const escalationRules = sqliteTable(
  "escalation_rules",
  {
    id: id(),
    brandId: integer("brand_id")
      .notNull()
      .references(() => brands.id),
    name: text("name").notNull(),
    match: text("match", { enum: ["all", "any"] }).notNull().default("all"),
    conditions: text("conditions", { mode: "json" }).$type<unknown[]>().notNull(),
    actions: text("actions", { mode: "json" }).$type<unknown[]>().notNull(),
    enabled: bool("enabled").notNull().default(true),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("escalation_rules_brand").on(t.brandId, t.position)],
);

export const escalations = sqliteTable(
  "escalations",
  {
    id: id(),
    brandId: integer("brand_id").notNull(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id),
    messageId: integer("message_id"),
    ruleId: integer("rule_id"),
    level: integer("level").notNull(),
    reason: text("reason").notNull(),
    cues: text("cues", { mode: "json" }).$type<string[]>().notNull().default([]),
    ownerId: integer("owner_id"),
    status: text("status", { enum: ["open", "acknowledged", "resolved"] })
      .notNull()
      .default("open"),
    createdBy: integer("created_by"),
    createdAt: createdAt(),
    acknowledgedBy: integer("acknowledged_by"),
    acknowledgedAt: ts("acknowledged_at"),
    resolvedBy: integer("resolved_by"),
    resolvedAt: ts("resolved_at"),
    note: text("note"),
  },
  (t) => [
    index("escalations_brand_status").on(t.brandId, t.status, t.createdAt),
    index("escalations_conversation").on(t.conversationId),
  ],
);

export const notifications = sqliteTable(
  "notifications",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    brandId: integer("brand_id").notNull(),
    kind: text("kind").notNull(),
    conversationId: integer("conversation_id"),
    escalationId: integer("escalation_id"),
    text: text("text").notNull(),
    readAt: ts("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    // The bell on every page: a person's newest 20, and the count of their unread without reading a row.
    index("notifications_user").on(t.userId, t.createdAt, t.id),
    index("notifications_unread").on(t.userId, t.readAt, t.brandId),
    // Resolving an escalation clears its bell entries.
    index("notifications_escalation").on(t.escalationId, t.readAt),
  ],
);

// Outgoing webhook targets of a brand; the signing secret is encrypted and never leaves the server.
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: id(),
    brandId: integer("brand_id")
      .notNull()
      .references(() => brands.id),
    name: text("name").notNull(),
    url: text("url").notNull(),
    secret: text("secret").notNull(),
    enabled: bool("enabled").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_endpoints_brand").on(t.brandId)],
);

export const PUSH_KINDS = ["escalation", "mention", "at_risk"] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

// One row per device a person turned push on for; the keys are the browser's, for encrypting to it.
export const pushSubscriptions = sqliteTable(
  "push_subscriptions",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    label: text("label").notNull(),
    endpoint: text("endpoint").notNull().unique(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    kinds: text("kinds", { mode: "json" }).$type<PushKind[]>().notNull(),
    // Minutes after local midnight; both null means never muted.
    quietStart: integer("quiet_start"),
    quietEnd: integer("quiet_end"),
    timezone: text("timezone").notNull().default("UTC"),
    lastSentAt: ts("last_sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("push_subscriptions_user").on(t.userId)],
);

// One row per event and device: the unique key is what makes a push go out once.
export const pushDeliveries = sqliteTable(
  "push_deliveries",
  {
    id: id(),
    subscriptionId: integer("subscription_id").notNull(),
    userId: integer("user_id").notNull(),
    eventKey: text("event_key").notNull(),
    kind: text("kind", { enum: PUSH_KINDS }).notNull(),
    // Cleared once sent: the text is only kept while it waits.
    payload: text("payload").notNull(),
    state: text("state", { enum: ["queued", "sent", "muted", "failed", "gone"] }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at"),
    lastError: text("last_error"),
    sentAt: ts("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("push_deliveries_event").on(t.subscriptionId, t.eventKey), index("push_deliveries_queue").on(t.state, t.nextAttemptAt)],
);

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: id(),
    brandId: integer("brand_id").notNull(),
    endpointId: integer("endpoint_id"),
    escalationId: integer("escalation_id"),
    url: text("url").notNull(),
    payload: text("payload").notNull(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    state: text("state", { enum: ["queued", "delivered", "failed"] }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at"),
    lastError: text("last_error"),
    deliveredAt: ts("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_deliveries_queue").on(t.state, t.nextAttemptAt)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    brandId: integer("brand_id"),
    userId: integer("user_id"),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_brand_created").on(t.brandId, t.createdAt),
    // The dashboard's resolved-per-agent count.
    index("audit_brand_action").on(t.brandId, t.action, t.createdAt, t.userId, t.objectId),
    index("audit_object").on(t.objectType, t.objectId),
  ],
);

export const changes = sqliteTable(
  "changes",
  {
    id: id(),
    brandId: integer("brand_id").notNull(),
    kind: text("kind").notNull(),
    objectId: integer("object_id"),
    conversationId: integer("conversation_id"),
    userId: integer("user_id"),
    data: text("data", { mode: "json" }),
    createdAt: createdAt(),
    // The change's place in commit order, which tails follow (ids are handed out before commit,
    // so on PostgreSQL a later id can commit first). Set when its transaction commits.
    seq: integer("seq"),
  },
  (t) => [index("changes_brand_seq").on(t.brandId, t.seq), uniqueIndex("changes_seq").on(t.seq)],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: id(),
    brandId: integer("brand_id")
      .notNull()
      .references(() => brands.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scopes: text("scopes", { mode: "json" }).$type<("ingest" | "read" | "write")[]>().notNull(),
    // The member a write token acts as: their role and brand membership authorize each call.
    actsAsUserId: integer("acts_as_user_id").references(() => users.id),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("api_tokens_brand_name").on(t.brandId, t.name)],
);

// A write request's first answer, kept 24 hours per token and Idempotency-Key: a repeat gets it back
// and does nothing again; the request hash tells a repeat from a different request under the same key.
export const apiIdempotency = sqliteTable(
  "api_idempotency",
  {
    id: id(),
    tokenId: integer("token_id")
      .notNull()
      .references(() => apiTokens.id),
    brandId: integer("brand_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_idempotency_token_key").on(t.tokenId, t.key), index("api_idempotency_created").on(t.createdAt)],
);

export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: id(),
    email: text("email").notNull(),
    address: text("address").notNull(),
    ok: bool("ok").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("sign_in_attempts_email").on(t.email, t.createdAt),
    index("sign_in_attempts_address").on(t.address, t.createdAt),
  ],
);

export const drafts = sqliteTable(
  "drafts",
  {
    userId: integer("user_id").notNull(),
    conversationId: integer("conversation_id").notNull(),
    brandId: integer("brand_id").notNull(),
    body: text("body").notNull(),
    mode: text("mode", { enum: ["public", "private", "note"] }).notNull().default("public"),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.conversationId] })],
);

export const presence = sqliteTable(
  "presence",
  {
    userId: integer("user_id").notNull(),
    conversationId: integer("conversation_id").notNull(),
    brandId: integer("brand_id").notNull(),
    // "left" is a tombstone kept until it expires, so a heartbeat of the same page view that
    // arrives after its leave request cannot bring the agent back.
    state: text("state", { enum: ["viewing", "typing", "left"] }).notNull(),
    at: ts("at").notNull(),
    // One open conversation pane in one browser tab; a leave only ends the view that sent it.
    view: text("view"),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.conversationId] }),
    index("presence_conversation").on(t.conversationId, t.at),
  ],
);

// Each change of a member's available/away switch, one row per brand they belong to, so the
// staffing planner can tell how many agents were available in each hour of past weeks.
export const agentAvailability = sqliteTable(
  "agent_availability",
  {
    id: id(),
    userId: integer("user_id").notNull(),
    brandId: integer("brand_id").notNull(),
    status: text("status", { enum: ["available", "away"] }).notNull(),
    at: ts("at").notNull(),
  },
  (t) => [index("agent_availability_brand_at").on(t.brandId, t.at)],
);

export const classifierExamples = sqliteTable(
  "classifier_examples",
  {
    id: id(),
    brandId: integer("brand_id")
      .notNull()
      .references(() => brands.id),
    messageId: integer("message_id"),
    userId: integer("user_id"),
    text: text("text").notNull(),
    language: text("language"),
    request: bool("request"),
    complaint: bool("complaint"),
    sentiment: text("sentiment", { enum: SENTIMENTS }),
    source: text("source", { enum: ["correction", "reply"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("classifier_examples_brand").on(t.brandId, t.createdAt),
    uniqueIndex("classifier_examples_message_source").on(t.messageId, t.source),
  ],
);

export const classifierModels = sqliteTable("classifier_models", {
  brandId: integer("brand_id")
    .primaryKey()
    .references(() => brands.id),
  model: text("model").notNull(),
  examples: integer("examples").notNull(),
  trainedAt: ts("trained_at").notNull(),
  metrics: text("metrics"),
});

// Small key/value state of the background worker (cursors, last runs), so restarts resume.
export const workerState = sqliteTable("worker_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: ts("updated_at").notNull(),
});

// Who runs a background job now: taken by a conditional upsert, so two processes (or servers)
// never run the same job at once, and a dead holder's lease simply expires.
// The counters of the request rate limits (API tokens, the website widget), in the database so
// that every server counts the same requests: one row per limited key until its window ends.
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    // ms since the epoch, as lib/ computes the window in SQL.
    resetAt: integer("reset_at").notNull(),
  },
  (t) => [index("rate_limits_reset_at").on(t.resetAt)],
);

export const jobLeases = sqliteTable("job_leases", {
  job: text("job").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: integer("expires_at").notNull(),
});
