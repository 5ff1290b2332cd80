import { and, eq, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { channels } from "@/db/schema";

// A failure is shown to admins on the channel and flags its health until the next success.
export async function recordChannelError({ db = database(), channelId, message, now = Date.now() }: { db?: Db; channelId: number; message: string; now?: number }): Promise<void> {
  await db.transaction((tx) =>
    tx
      .update(channels)
      .set({ lastError: message.slice(0, 500), lastErrorAt: new Date(now), status: sql`CASE WHEN ${channels.status} = 'paused' THEN ${channels.status} ELSE 'error' END` })
      .where(eq(channels.id, channelId)),
  );
}

export async function recordChannelSuccess({ db = database(), channelId }: { db?: Db; channelId: number }): Promise<void> {
  await db.transaction((tx) => tx.update(channels).set({ status: "active" }).where(and(eq(channels.id, channelId), eq(channels.status, "error"))));
}
