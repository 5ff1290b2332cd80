import type { Db } from "@/db/client";
import { changes } from "@/db/schema";

type Tx = Pick<Db, "insert">;

export type ChangeKind =
  | "conversation"
  | "message"
  | "escalation"
  | "notification"
  | "presence"
  | "brand";

// Appended in the same transaction as the write it describes; live pages tail this table.
export function recordChange(
  tx: Tx,
  change: { brandId: number; kind: ChangeKind; objectId?: number | null; conversationId?: number | null; userId?: number | null; data?: unknown },
): void {
  tx.insert(changes)
    .values({
      brandId: change.brandId,
      kind: change.kind,
      objectId: change.objectId ?? null,
      conversationId: change.conversationId ?? null,
      userId: change.userId ?? null,
      data: change.data ?? null,
    })
    .run();
}
