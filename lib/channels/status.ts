import type { Db } from "@/db/client";

// A failure is shown to admins on the channel and flags its health until the next success.
export function recordChannelError({ db, channelId, message, now = Date.now() }: { db: Db; channelId: number; message: string; now?: number }): void {
  db.$client
    .prepare("UPDATE channels SET last_error = ?, last_error_at = ?, status = CASE WHEN status = 'paused' THEN status ELSE 'error' END WHERE id = ?")
    .run(message.slice(0, 500), now, channelId);
}

export function recordChannelSuccess({ db, channelId }: { db: Db; channelId: number }): void {
  db.$client.prepare("UPDATE channels SET status = 'active' WHERE id = ? AND status = 'error'").run(channelId);
}
