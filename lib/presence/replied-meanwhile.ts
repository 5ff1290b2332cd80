import { and, desc, eq, gt, inArray, isNull, ne, or } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { messages, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/record";
import { queueReply } from "@/lib/outbound/outbox";

export type NewerReply = { id: number; direction: "outbound" | "note"; author: string; text: string; createdAt: number };

// Replies and notes by anyone but `userId` (including replies made on the platform itself)
// added after the newest message the agent had on screen.
export async function repliesSince({ db, brandId, conversationId, afterMessageId, userId }: { db: Db; brandId: number; conversationId: number; afterMessageId: number; userId: number }): Promise<NewerReply[]> {
  const m = messages;
  const rows = await db
    .select({ id: m.id, direction: m.direction, author: users.name, text: m.text, createdAt: m.createdAt })
    .from(m)
    .leftJoin(users, eq(users.id, m.userId))
    .where(
      and(
        eq(m.conversationId, conversationId),
        eq(m.brandId, brandId),
        gt(m.id, afterMessageId),
        inArray(m.direction, ["outbound", "note"]),
        eq(m.automated, false),
        or(isNull(m.userId), ne(m.userId, userId)),
      ),
    )
    .orderBy(desc(m.id))
    .limit(5);
  return rows.map((r) => ({ ...r, direction: r.direction as NewerReply["direction"], author: r.author ?? "Someone on the platform", createdAt: r.createdAt.getTime() }));
}

// The check and the queueing share one transaction, so no reply slips in between them.
export async function queueReplyUnlessReplied({
  db = database(),
  brandId,
  conversationId,
  text,
  visibility,
  actor,
  seenMessageId,
  force,
}: {
  db?: Db;
  brandId: number;
  conversationId: number;
  text: string;
  visibility: "public" | "private";
  actor: Actor & { userId: number };
  seenMessageId: number;
  force: boolean;
}): Promise<{ messageId: number; conflict?: undefined } | { messageId?: undefined; conflict: NewerReply[] }> {
  return db.transaction(async (tx) => {
    if (!force) {
      const newer = await repliesSince({ db: tx, brandId, conversationId, afterMessageId: seenMessageId, userId: actor.userId });
      if (newer.length > 0) return { conflict: newer };
    }
    return { messageId: await queueReply({ db: tx, brandId, conversationId, text, visibility, actor }) };
  });
}
