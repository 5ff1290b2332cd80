import { and, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { conversations } from "@/db/schema";
import { enqueuePush } from "./enqueue";

type Transition = { id: number; conversationId: number; brandId: number; next: "at_risk" | "breached" };

/** The assignee hears when their conversation turns at risk, and again if it passes its target. */
export async function pushSlaTransitions({ tx, transitions, now }: { tx: Tx; transitions: Transition[]; now: number }): Promise<void> {
  if (transitions.length === 0) return;
  const owned = await tx
    .select({ id: conversations.id, brandId: conversations.brandId, assigneeId: conversations.assigneeId, preview: conversations.preview })
    .from(conversations)
    .where(and(inArray(conversations.id, [...new Set(transitions.map((t) => t.conversationId))]), isNotNull(conversations.assigneeId)));
  const byId = new Map(owned.map((c) => [c.id, c]));
  for (const transition of transitions) {
    const conversation = byId.get(transition.conversationId);
    if (!conversation || conversation.brandId !== transition.brandId || conversation.assigneeId == null) continue;
    const preview = conversation.preview.replace(/\s+/g, " ").trim().slice(0, 100);
    await enqueuePush(tx, {
      brandId: transition.brandId,
      kind: "at_risk",
      targets: [{ userId: conversation.assigneeId, eventKey: `sla:${transition.id}:${transition.next}` }],
      conversationId: conversation.id,
      title: transition.next === "breached" ? "push.title.breached" : "push.title.at_risk",
      body: { key: transition.next === "breached" ? "push.body.breached" : "push.body.at_risk", vars: { preview } },
      at: now,
    });
  }
}
