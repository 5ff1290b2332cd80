import { getDb } from "@/db/client";
import type { SessionUser } from "@/lib/auth/access";
import { roleAtLeast } from "@/lib/auth/access";
import { notificationSummary, type NotificationSummary } from "@/lib/notifications/list";
import { latestChangeId } from "@/lib/realtime/tail";
import { NotificationBell as Bell, type BellData } from "./notification-bell.client";

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

export function NotificationBell({ user }: { user: SessionUser }) {
  const db = getDb();
  const afterId = latestChangeId({ db });
  return <Bell userId={user.id} afterId={afterId} initial={withLinks(notificationSummary({ db, userId: user.id }), user)} />;
}
