import type Database from "better-sqlite3";

// Prepared statements of the ingest hot path, compiled once per connection.
export type ConversationRow = {
  id: number;
  brand_id: number;
  channel_id: number;
  contact_id: number;
  kind: "public_comment" | "private_message";
  status: "open" | "pending" | "snoozed" | "resolved";
  category: "request" | "noise";
  current_cycle_id: number | null;
  priority: "low" | "normal" | "high" | "urgent";
  first_inbound_at: number | null;
  last_message_at: number;
  last_inbound_at: number | null;
  language: string | null;
};

export type CycleRow = {
  id: number;
  conversation_id: number;
  number: number;
  category: "request" | "noise";
  started_at: number;
  first_response_at: number | null;
  target_seconds: number;
  at_risk_share: number;
  calendar: string | null;
  due_at: number;
  sla_state: string;
  awaiting_since: number | null;
  resolved_at: number | null;
};

export type MessageRef = { id: number; conversation_id: number; text: string; deleted_on_platform_at: number | null; direction: string };

// Only the columns the hot path reads: wide rows cost more to materialise than the lookup itself.
const CONVERSATION_COLUMNS = "id, brand_id, channel_id, contact_id, kind, status, category, current_cycle_id, priority, first_inbound_at, last_message_at, last_inbound_at, language";
const CYCLE_COLUMNS = "id, conversation_id, number, category, started_at, first_response_at, target_seconds, at_risk_share, calendar, due_at, sla_state, awaiting_since, resolved_at";

function build(sqlite: Database.Database) {
  const p = (sql: string) => sqlite.prepare(sql);
  return {
    sqlite,
    channel: p("SELECT id, brand_id, kind FROM channels WHERE id = ?"),
    messageByExternal: p(
      "SELECT id, conversation_id, text, deleted_on_platform_at, direction FROM messages WHERE channel_id = ? AND external_id = ?",
    ),
    contactByExternal: p(
      "SELECT id, blocked, handle, name, followers FROM contacts WHERE channel_id = ? AND external_id = ?",
    ),
    upsertContact: p(
      `INSERT INTO contacts (channel_id, external_id, handle, name, followers, created_at)
       VALUES (@channelId, @externalId, @handle, @name, @followers, @now)
       ON CONFLICT (channel_id, external_id) DO UPDATE SET
         handle = coalesce(excluded.handle, handle), name = coalesce(excluded.name, name),
         followers = coalesce(excluded.followers, followers)
       RETURNING id, blocked`,
    ),
    conversation: p(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = ?`),
    conversationByThread: p(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE channel_id = ? AND external_thread_id = ? AND kind = ? ORDER BY id DESC LIMIT 1`,
    ),
    insertConversation: p(
      `INSERT INTO conversations (brand_id, channel_id, contact_id, external_thread_id, kind, status, category,
         last_message_at, created_at, updated_at, preview)
       VALUES (@brandId, @channelId, @contactId, @threadKey, @kind, 'open', 'noise', @at, @now, @now, '')
       RETURNING ${CONVERSATION_COLUMNS}`,
    ),
    cycle: p(`SELECT ${CYCLE_COLUMNS} FROM response_cycles WHERE id = ?`),
    insertCycle: p(
      `INSERT INTO response_cycles (conversation_id, brand_id, channel_id, number, category, started_at, policy_id,
         target_seconds, next_response_target_seconds, at_risk_share, calendar, at_risk_at, due_at, sla_state, reopened, created_at)
       VALUES (@conversationId, @brandId, @channelId, @number, @category, @startedAt, @policyId, @targetSeconds,
         @nextTarget, @atRiskShare, @calendar, @atRiskAt, @dueAt, @slaState, @reopened, @now)
       RETURNING ${CYCLE_COLUMNS}`,
    ),
    updateCycle: p(
      `UPDATE response_cycles SET category = @category, started_at = @started_at, first_response_at = @first_response_at,
         first_response_seconds = @first_response_seconds, first_response_business_seconds = @first_response_business_seconds,
         first_responder_id = coalesce(@first_responder_id, first_responder_id), at_risk_at = @at_risk_at, due_at = @due_at,
         sla_state = @sla_state, awaiting_since = @awaiting_since
       WHERE id = @id`,
    ),
    insertMessage: p(
      `INSERT INTO messages (conversation_id, brand_id, channel_id, cycle_id, direction, visibility, external_id,
         in_reply_to_external_id, contact_id, user_id, text, created_at, received_at, automated, language, category,
         complaint, sentiment, sentiment_score, confidence, reasons, url, attachments, edited_at, nrt_seconds, delivery_state, sent_at)
       VALUES (@conversationId, @brandId, @channelId, @cycleId, @direction, @visibility, @externalId, @inReplyTo,
         @contactId, @userId, @text, @createdAt, @receivedAt, @automated, @language, @category, @complaint, @sentiment,
         @sentimentScore, @confidence, @reasons, @url, @attachments, @editedAt, @nrtSeconds, @deliveryState, @sentAt)`,
    ),
    editMessage: p("UPDATE messages SET text = ?, edited_at = ? WHERE id = ?"),
    deleteOnPlatform: p("UPDATE messages SET deleted_on_platform_at = ? WHERE id = ?"),
    orphansOf: p(
      "SELECT DISTINCT conversation_id AS id FROM messages WHERE channel_id = ? AND in_reply_to_external_id = ? AND conversation_id != ?",
    ),
    inboundCount: p("SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND direction = 'inbound'"),
    adoptMessages: p("UPDATE messages SET conversation_id = @to, cycle_id = @cycleId WHERE conversation_id = @from"),
    resolveEmptyConversation: p("UPDATE conversations SET status = 'resolved', updated_at = ? WHERE id = ?"),
    link: p("UPDATE conversations SET linked_conversation_id = ? WHERE id = ? AND linked_conversation_id IS NULL"),
    latestInboundBefore: p(
      `SELECT id, text, language FROM messages
        WHERE conversation_id = @conversationId AND cycle_id = @cycleId AND direction = 'inbound' AND created_at <= @at
       ORDER BY created_at DESC LIMIT 1`,
    ),
    replyExample: p(
      `INSERT OR IGNORE INTO classifier_examples (brand_id, message_id, text, language, request, source, created_at)
       VALUES (?, ?, ?, ?, 1, 'reply', ?)`,
    ),
    unansweredPublicOfContact: p(
      `SELECT c.id AS conversationId, c.current_cycle_id AS cycleId FROM conversations c
         JOIN response_cycles r ON r.id = c.current_cycle_id
        WHERE c.channel_id = ? AND c.contact_id = ? AND c.kind = 'public_comment' AND c.id != ?
          AND r.first_response_at IS NULL AND r.started_at <= ?`,
    ),
    cycleSummary: p(
      `SELECT max(complaint) AS complaint FROM messages
        WHERE conversation_id = @conversationId AND cycle_id = @cycleId AND direction = 'inbound'`,
    ),
    latestInbound: p(
      `SELECT text, sentiment, sentiment_score, created_at FROM messages WHERE conversation_id = ? AND direction = 'inbound'
       ORDER BY created_at DESC, id DESC LIMIT 1`,
    ),
    updateConversation: p(
      `UPDATE conversations SET status = @status, category = @category, complaint = @complaint, sentiment = @sentiment,
         sentiment_score = @sentimentScore, language = @language, current_cycle_id = @cycleId, sla_state = @slaState,
         first_response_due_at = @dueAt, awaiting_first_response = @awaiting, first_inbound_at = @firstInboundAt,
         last_message_at = @lastMessageAt, last_inbound_at = @lastInboundAt,
         last_inbound_received_at = coalesce(@lastInboundReceivedAt, last_inbound_received_at),
         snoozed_until = CASE WHEN @status = 'snoozed' THEN snoozed_until ELSE NULL END,
         preview = @preview, updated_at = @now
       WHERE id = @id`,
    ),
    personRepliesOf: p(
      `SELECT created_at, user_id FROM messages WHERE conversation_id = ? AND direction = 'outbound' AND automated = 0
       ORDER BY created_at`,
    ),
    conversationBounds: p(
      `SELECT min(CASE WHEN direction = 'inbound' THEN created_at END) AS first,
              max(CASE WHEN direction = 'inbound' THEN created_at END) AS lastInbound,
              max(CASE WHEN direction != 'note' THEN created_at END) AS last,
              (SELECT language FROM messages m2 WHERE m2.conversation_id = @id AND m2.direction = 'inbound' AND m2.language IS NOT NULL
                ORDER BY m2.created_at LIMIT 1) AS language
         FROM messages WHERE conversation_id = @id`,
    ),
    setCurrentCycle: p("UPDATE conversations SET current_cycle_id = ?, status = ? WHERE id = ?"),
    touchChannel: p("UPDATE channels SET last_event_at = max(coalesce(last_event_at, 0), ?) WHERE id = ?"),
  };
}

export type Statements = ReturnType<typeof build>;

const cache = new WeakMap<Database.Database, Statements>();

export function statements(sqlite: Database.Database): Statements {
  let s = cache.get(sqlite);
  if (!s) {
    s = build(sqlite);
    cache.set(sqlite, s);
  }
  return s;
}
