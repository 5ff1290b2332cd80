import type { Db } from "@/db/client";
import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { roleAtLeast } from "@/lib/auth/access";
import { recordChange } from "@/lib/realtime/record-change";
import { decryptCredentials } from "@/lib/security/credentials";
import { clientFor } from "@/lib/outbound/registry";
import { hideOnPlatform, hideUnsupportedReason, type HideRequest, type HideResult } from "./platform";

export const HIDE_REASONS = ["spam", "abuse", "personal_data", "other"] as const;
export type HideReason = (typeof HIDE_REASONS)[number];

type Ctx = { db: Db; brandId: number; actor: Actor; role: Role };

type MessageForHide = {
  id: number;
  conversation_id: number;
  direction: string;
  visibility: string;
  external_id: string | null;
  sentiment: string | null;
  hidden_at: number | null;
  channel_kind: string;
  credentials: string | null;
};

/**
 * Hides an inbound public comment on its platform. The message itself is kept and marked:
 * Replyhour never deletes what a customer wrote. A negative comment that is not spam is one a
 * manager must decide on, since hiding criticism is how the 50th reader finds out.
 */
export async function hideMessage({
  db,
  brandId,
  actor,
  role,
  messageId,
  reason,
  note,
  hide = hideOnPlatform,
  now = Date.now(),
}: Ctx & { messageId: number; reason: HideReason; note: string; hide?: (request: HideRequest) => Promise<HideResult>; now?: number }): Promise<void> {
  const message = db.$client
    .prepare(
      `SELECT m.id, m.conversation_id, m.direction, m.visibility, m.external_id, m.sentiment, m.hidden_at,
              c.kind AS channel_kind, c.credentials
         FROM messages m JOIN channels c ON c.id = m.channel_id
        WHERE m.id = ? AND m.brand_id = ?`,
    )
    .get(messageId, brandId) as MessageForHide | undefined;
  if (!message) throw new AppError("not_found:message");
  if (message.direction !== "inbound" || message.visibility !== "public" || !message.external_id)
    throw new AppError("bad_request:hide", "Only a customer's public comment can be hidden.");
  if (message.hidden_at != null) throw new AppError("conflict:hide", "This comment is already hidden.");
  const text = note.trim();
  if (text.length < 3) throw new AppError("bad_request:hide", "Say why the comment is hidden (at least a few words).");
  if (message.sentiment === "negative" && reason !== "spam" && !roleAtLeast(role, "manager"))
    throw new AppError("forbidden:hide", "Hiding a negative comment that is not spam needs a manager. Answer it, or ask a manager.");
  const unsupported = hideUnsupportedReason(message.channel_kind);
  if (unsupported) throw new AppError("bad_request:hide", unsupported);

  const credentials = decryptCredentials(message.credentials);
  const client = clientFor({ kind: message.channel_kind, credentials });
  // Demo channels have no platform behind them; their hide is accepted like their replies.
  const result: HideResult = credentials.demo === "1" || !client
    ? { ok: true }
    : await hide({ kind: message.channel_kind, baseUrl: client.baseUrl(), credentials, externalId: message.external_id });
  if (!result.ok) {
    recordAudit(db, { actor, brandId, action: "message.hide_failed", objectType: "message", objectId: messageId, after: { reason, note: text, error: result.reason } });
    throw new AppError("conflict:platform", `The platform refused to hide the comment: ${result.reason}`);
  }
  db.$client.transaction(() => {
    db.$client.prepare("UPDATE messages SET hidden_at = ?, hidden_reason = ?, hidden_by = ? WHERE id = ? AND hidden_at IS NULL").run(now, `${reason}: ${text}`, actor.userId, messageId);
    recordAudit(db, { actor, brandId, action: "message.hide", objectType: "message", objectId: messageId, after: { reason, note: text, conversationId: message.conversation_id } });
    recordChange(db.$client, { brandId, kind: "message", objectId: messageId, conversationId: message.conversation_id, userId: actor.userId, at: now });
  })();
}

/**
 * Blocking marks an author as a spammer: their later messages are filed as noise on arrival.
 * Any agent may block; lifting a block is a manager's call.
 */
export function setContactBlocked({ db, brandId, actor, role, contactId, blocked, now = Date.now() }: Ctx & { contactId: number; blocked: boolean; now?: number }): void {
  const contact = db.$client
    .prepare("SELECT ct.id, ct.blocked FROM contacts ct JOIN channels ch ON ch.id = ct.channel_id WHERE ct.id = ? AND ch.brand_id = ?")
    .get(contactId, brandId) as { id: number; blocked: number } | undefined;
  if (!contact) throw new AppError("not_found:contact");
  if (!blocked && !roleAtLeast(role, "manager")) throw new AppError("forbidden:block", "Only a manager can unblock an author.");
  if (!!contact.blocked === blocked) return;
  db.$client.transaction(() => {
    db.$client
      .prepare("UPDATE contacts SET blocked = ?, blocked_by = ?, blocked_at = ? WHERE id = ?")
      .run(blocked ? 1 : 0, blocked ? actor.userId : null, blocked ? now : null, contactId);
    recordAudit(db, { actor, brandId, action: blocked ? "contact.block" : "contact.unblock", objectType: "contact", objectId: contactId, before: { blocked: !blocked }, after: { blocked } });
    const conversations = db.$client.prepare("SELECT id FROM conversations WHERE contact_id = ? AND brand_id = ?").all(contactId, brandId) as { id: number }[];
    for (const { id } of conversations) recordChange(db.$client, { brandId, kind: "conversation", objectId: id, conversationId: id, userId: actor.userId, at: now });
  })();
}
