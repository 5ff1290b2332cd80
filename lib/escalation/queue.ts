import type { Db } from "@/db/client";

export type QueueItem = { id: number; conversationId: number; level: number; reason: string; status: string; createdAt: number; preview: string };

// Open escalations of one brand, highest level first, then oldest.
export function openEscalations({ db, brandId, limit = 200 }: { db: Db; brandId: number; limit?: number }): QueueItem[] {
  return db.$client
    .prepare(
      `SELECT e.id, e.conversation_id AS conversationId, e.level, e.reason, e.status, e.created_at AS createdAt, c.preview
         FROM escalations e JOIN conversations c ON c.id = e.conversation_id
        WHERE e.brand_id = ? AND e.status != 'resolved' ORDER BY e.level DESC, e.created_at LIMIT ?`,
    )
    .all(brandId, limit) as QueueItem[];
}
