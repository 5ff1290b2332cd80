import type { Db } from "@/db/client";

export type ChangeRow = { id: number; brand_id: number; kind: string; object_id: number | null; conversation_id: number | null; user_id: number | null };

export function latestChangeId({ db }: { db: Db }): number {
  return (db.$client.prepare("SELECT coalesce(max(id), 0) AS id FROM changes").get() as { id: number }).id;
}

// The change log since `afterId` for the caller's brands; any process's writes show up here.
export function changesSince({ db, brandIds, afterId, limit = 500 }: { db: Db; brandIds: number[]; afterId: number; limit?: number }): ChangeRow[] {
  if (brandIds.length === 0) return [];
  return db.$client
    .prepare(
      `SELECT id, brand_id, kind, object_id, conversation_id, user_id FROM changes
        WHERE id > ? AND brand_id IN (${brandIds.map(() => "?").join(",")}) ORDER BY id LIMIT ?`,
    )
    .all(afterId, ...brandIds, limit) as ChangeRow[];
}
