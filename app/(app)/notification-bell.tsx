import type { SessionUser } from "@/lib/auth/access";
import { withLinks } from "@/lib/notifications/links";
import { notificationSummary } from "@/lib/notifications/list";
import { latestChangeId } from "@/lib/realtime/tail";
import { NotificationBell as Bell } from "./notification-bell.client";

export async function NotificationBell({ user }: { user: SessionUser }) {
  const afterId = await latestChangeId({});
  return <Bell userId={user.id} afterId={afterId} initial={withLinks(await notificationSummary({ userId: user.id }), user)} />;
}
