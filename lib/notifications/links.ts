import { roleAtLeast, type SessionUser } from "@/lib/auth/access";
import type { NotificationSummary } from "./list";

export type BellItem = { id: number; kind: string; text: string; href: string; read: boolean; createdAt: number };
// `at` is the server time the data was read: the newer of props and fetched data wins.
export type BellData = { at: number; unread: number; items: BellItem[] };

// Managers land on the queue to act on an escalation; everyone else on the conversation.
export function withLinks(summary: NotificationSummary, user: SessionUser, at = Date.now()): BellData {
  const roles = new Map(user.memberships.map((m) => [m.brandId, m.role]));
  return {
    at,
    unread: summary.unread,
    items: summary.items.map((n) => {
      const brand = encodeURIComponent(n.brandSlug);
      const manager = roleAtLeast(roles.get(n.brandId) ?? "agent", "manager");
      const href =
        n.escalationId != null && manager
          ? `/escalations?brand=${brand}#escalation-${n.escalationId}`
          : n.conversationId != null
            ? `/inbox?brand=${brand}&c=${n.conversationId}`
            : manager
              ? `/escalations?brand=${brand}`
              : `/inbox?brand=${brand}`;
      return { id: n.id, kind: n.kind, text: n.text, href, read: n.readAt != null, createdAt: n.createdAt };
    }),
  };
}
