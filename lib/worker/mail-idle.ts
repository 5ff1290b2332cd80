import { and, eq, ne } from "drizzle-orm";
import type { ImapFlow } from "imapflow";
import { database, type Db } from "@/db/client";
import { channels } from "@/db/schema";
import { imapClient, imapServer } from "@/lib/ingest/pollers/imap";
import { decryptCredentials } from "@/lib/security/credentials";

// E-mail channels whose server offers IDLE keep one connection open that only wakes the poller
// (its next poll is due now) when a mail arrives; the poller, with its cursor, does the fetching.
// A server without IDLE is simply polled every minute.

type Watch = { client: ImapFlow; fingerprint: string };
const globalForIdle = globalThis as unknown as { replyhourMailIdle?: Map<number, Watch> };
const watches = (globalForIdle.replyhourMailIdle ??= new Map());
// Stored credentials of mailboxes whose server has no IDLE: not asked again until they change.
const withoutIdle = new Set<string>();

async function wake(db: Db, channel: { id: number; brandId: number }): Promise<void> {
  await db.transaction((tx) => tx.update(channels).set({ pollNextAt: new Date() }).where(and(eq(channels.id, channel.id), eq(channels.brandId, channel.brandId))));
}

async function open(db: Db, channel: { id: number; brandId: number; credentials: Record<string, string> }): Promise<ImapFlow | null> {
  const server = imapServer(channel.credentials.imapUrl);
  const client = await imapClient({ server, credentials: channel.credentials, idle: true });
  client.on("error", () => undefined);
  await client.connect();
  if (!client.capabilities.has("IDLE")) {
    await client.logout().catch(() => client.close());
    return null;
  }
  await client.mailboxOpen(server.mailbox, { readOnly: true });
  // imapflow enters IDLE by itself when the connection is quiet; "exists" is a new message.
  client.on("exists", () => void wake(db, channel).catch(() => undefined));
  return client;
}

/** Opens, keeps or closes the IDLE connections so they match the active e-mail channels. */
export async function watchMailboxes({ db = database() }: { db?: Db } = {}): Promise<number> {
  const rows = await db
    .select({ id: channels.id, brandId: channels.brandId, credentials: channels.credentials })
    .from(channels)
    .where(and(eq(channels.kind, "email"), ne(channels.status, "paused")));
  const wanted = new Map<number, (typeof rows)[number]>();
  for (const row of rows) if (row.credentials) wanted.set(row.id, row);
  for (const [id, watch] of watches) {
    const row = wanted.get(id);
    if (!row || row.credentials !== watch.fingerprint || !watch.client.usable) {
      watches.delete(id);
      await watch.client.logout().catch(() => watch.client.close());
    }
  }
  for (const row of wanted.values()) {
    if (watches.has(row.id) || withoutIdle.has(row.credentials!)) continue;
    let credentials: Record<string, string>;
    try {
      credentials = decryptCredentials(row.credentials);
      if (credentials.demo === "1" || !credentials.imapUrl) continue;
      const client = await open(db, { ...row, credentials });
      if (client) watches.set(row.id, { client, fingerprint: row.credentials! });
      else withoutIdle.add(row.credentials!);
    } catch {
      // The poller records connection errors on the channel; the next tick tries again.
    }
  }
  return watches.size;
}

export async function closeMailWatches(): Promise<void> {
  for (const [id, watch] of watches) {
    watches.delete(id);
    await watch.client.logout().catch(() => watch.client.close());
  }
}
