import type { Db } from "@/db/client";
import type { Actor } from "@/lib/audit/record";
import { queueReply } from "@/lib/outbound/outbox";

export type NewerReply = { id: number; direction: "outbound" | "note"; author: string; text: string; createdAt: number };

// Replies and notes by anyone but `userId` (including replies made on the platform itself)
// added after the newest message the agent had on screen.
export function repliesSince({ db, brandId, conversationId, afterMessageId, userId }: { db: Db; brandId: number; conversationId: number; afterMessageId: number; userId: number }): NewerReply[] {
  return db.$client
    .prepare(
      `SELECT m.id, m.direction, coalesce(u.name, 'Someone on the platform') AS author, m.text, m.created_at AS createdAt
         FROM messages m LEFT JOIN users u ON u.id = m.user_id
        WHERE m.conversation_id = ? AND m.brand_id = ? AND m.id > ? AND m.direction IN ('outbound', 'note')
          AND m.automated = 0 AND (m.user_id IS NULL OR m.user_id != ?)
        ORDER BY m.id DESC LIMIT 5`,
    )
    .all(conversationId, brandId, afterMessageId, userId) as NewerReply[];
}

// The check and the queueing share one transaction, so no reply slips in between them.
export function queueReplyUnlessReplied({
  db,
  brandId,
  conversationId,
  text,
  visibility,
  actor,
  seenMessageId,
  force,
}: {
  db: Db;
  brandId: number;
  conversationId: number;
  text: string;
  visibility: "public" | "private";
  actor: Actor & { userId: number };
  seenMessageId: number;
  force: boolean;
}): { messageId: number; conflict?: undefined } | { messageId?: undefined; conflict: NewerReply[] } {
  return db.$client.transaction(() => {
    if (!force) {
      const newer = repliesSince({ db, brandId, conversationId, afterMessageId: seenMessageId, userId: actor.userId });
      if (newer.length > 0) return { conflict: newer };
    }
    return { messageId: queueReply({ db, brandId, conversationId, text, visibility, actor }) };
  })();
}
