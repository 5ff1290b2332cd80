import type { Db } from "@/db/client";
import { indexNewMessages } from "@/db/sqlite/fts";
import { sqlite } from "../helpers/db";

// Inserts many conversations straight into the tables (no pipeline), one inbound message each, for
// query-plan tests and the inbox timing script. Deterministic for a given seed.
export async function seedScale({
  db,
  brandId,
  open,
  resolved = 0,
  assignees = [],
  now = Date.parse("2026-03-02T12:00:00Z"),
  seed = 1,
}: {
  db: Db;
  brandId: number;
  open: number;
  resolved?: number;
  assignees?: number[];
  now?: number;
  seed?: number;
}): Promise<{ channelIds: number[] }> {
  let state = seed >>> 0 || 1;
  const rand = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = <T,>(weighted: [T, number][]): T => {
    let r = rand();
    for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
    return weighted[weighted.length - 1][0];
  };
  const raw = sqlite(db);
  const channelIds = (["facebook", "twitter", "telegram"] as const).map(
    (kind, i) => Number(raw.prepare("INSERT INTO channels (brand_id, kind, name, account_id) VALUES (?, ?, ?, ?)").run(brandId, kind, `${kind} scale`, `scale-${brandId}-${i}`).lastInsertRowid),
  );
  const contact = raw.prepare("INSERT INTO contacts (brand_id, channel_id, external_id, handle, name) VALUES (?, ?, ?, ?, ?)");
  const conversation = raw.prepare(
    `INSERT INTO conversations (brand_id, channel_id, contact_id, kind, status, category, complaint, sentiment, priority, assignee_id,
       language, labels, escalation_level, sla_state, first_response_due_at, awaiting_first_response, first_inbound_at, last_message_at,
       last_inbound_at, last_inbound_received_at, snoozed_until, preview, updated_at)
     VALUES (@brandId, @channelId, @contactId, 'public_comment', @status, @category, @complaint, @sentiment, @priority, @assigneeId,
       @language, @labels, @escalation, @sla, @due, @awaiting, @first, @last, @last, @last, @snoozed, @text, @last)`,
  );
  const message = raw.prepare(
    `INSERT INTO messages (conversation_id, brand_id, channel_id, direction, external_id, contact_id, text, created_at, received_at, language, category)
     VALUES (?, ?, ?, 'inbound', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const escalation = raw.prepare("INSERT INTO escalations (brand_id, conversation_id, level, reason, cues, status, created_at) VALUES (?, ?, 1, 'seed', '[]', 'open', ?)");
  const words = ["refund", "baggage", "delayed", "booking", "seat", "upgrade", "lounge", "miles", "crew", "thanks", "wifi", "meal"];
  raw.transaction(() => {
    for (let i = 0; i < open + resolved; i++) {
      const isResolved = i >= open;
      let escalated = false;
      const channelId = channelIds[i % channelIds.length];
      const contactId = Number(contact.run(brandId, channelId, `scale-${seed}-${i}`, `@user${i}`, `Scale user ${i}`).lastInsertRowid);
      const category = pick<"request" | "noise">([["request", 0.8], ["noise", 0.2]]);
      const status = isResolved ? "resolved" : pick([["open", 0.87], ["pending", 0.08], ["snoozed", 0.05]]);
      const awaiting = !isResolved && category === "request" && rand() < 0.6;
      const first = now - Math.floor(rand() * 30 * 24 * 3600_000);
      const due = first + 3600_000;
      const sla = awaiting ? (due < now ? "breached" : due - 900_000 < now ? "at_risk" : "on_track") : rand() < 0.8 ? "met" : "missed";
      const text = `${words[Math.floor(rand() * words.length)]} ${words[Math.floor(rand() * words.length)]} question number ${i}`;
      const language = pick([["en", 0.6], ["ru", 0.15], ["nl", 0.1], ["de", 0.1], ["fi", 0.0495], ["is", 0.0005]]);
      const id = Number(
        conversation.run({
          brandId,
          channelId,
          contactId,
          status,
          category,
          complaint: category === "request" && rand() < 0.1 ? 1 : 0,
          sentiment: pick([["neutral", 0.6], ["negative", 0.25], ["positive", 0.15]]),
          priority: pick([["normal", 0.85], ["low", 0.05], ["high", 0.08], ["urgent", 0.02]]),
          assigneeId: assignees.length && rand() < 0.3 ? assignees[Math.floor(rand() * assignees.length)] : null,
          language,
          labels: JSON.stringify(rand() < 0.1 ? ["vip"] : rand() < 0.02 ? ["refund"] : rand() < 0.0002 ? ["legal"] : []),
          escalation: (escalated = rand() < 0.01) ? 1 : 0,
          sla,
          due,
          awaiting: awaiting ? 1 : 0,
          first,
          last: first + Math.floor(rand() * 3600_000),
          snoozed: status === "snoozed" ? now + 3600_000 : null,
          text,
        }).lastInsertRowid,
      );
      if (escalated) escalation.run(brandId, id, first);
      message.run(id, brandId, channelId, `scale-${seed}-${i}`, contactId, text, first, first, language, category);
    }
  })();
  await indexNewMessages(db);
  return { channelIds };
}
