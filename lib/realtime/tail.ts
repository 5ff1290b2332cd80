import { and, asc, gt, inArray, max } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { changes } from "@/db/schema";

export type ChangeRow = { id: number; brandId: number; kind: string; objectId: number | null; conversationId: number | null; userId: number | null };

export async function latestChangeId({ db = database() }: { db?: Db } = {}): Promise<number> {
  const [row] = await db.select({ id: max(changes.id) }).from(changes);
  return row?.id ?? 0;
}

// The change log since `afterId` for the caller's brands; any process's writes show up here.
export async function changesSince({ db = database(), brandIds, afterId, limit = 500 }: { db?: Db; brandIds: number[]; afterId: number; limit?: number }): Promise<ChangeRow[]> {
  if (brandIds.length === 0) return [];
  return db
    .select({ id: changes.id, brandId: changes.brandId, kind: changes.kind, objectId: changes.objectId, conversationId: changes.conversationId, userId: changes.userId })
    .from(changes)
    .where(and(gt(changes.id, afterId), inArray(changes.brandId, brandIds)))
    .orderBy(asc(changes.id))
    .limit(limit);
}
