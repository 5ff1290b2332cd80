import type { Tx } from "@/db/client";
import { auditLog } from "@/db/schema";

export type Actor = { userId: number | null; label: string };

export const cliActor: Actor = { userId: null, label: "cli" };

// Append-only: written in the same transaction as the change it records.
export async function recordAudit(
  tx: Tx,
  entry: {
    actor: Actor;
    brandId: number | null;
    action: string;
    objectType: string;
    objectId: string | number | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    actor: entry.actor.label,
    userId: entry.actor.userId,
    brandId: entry.brandId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId == null ? null : String(entry.objectId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
