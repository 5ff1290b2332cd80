import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { channels, type ChannelKind } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { decryptCredentials } from "@/lib/security/credentials";
import { inboundEventSchema, type InboundEventInput } from "@/lib/ingest/event";
import type { IngestOutcome } from "@/lib/ingest/pipeline";
import { ingestTogether } from "@/lib/ingest/together";
import { recordChannelError, recordChannelSuccess } from "@/lib/channels/status";

export type WebhookChannel = { id: number; brandId: number; kind: ChannelKind; accountId: string | null; status: string; credentials: Record<string, string> };

// One answer for an unknown channel and a wrong secret, so a caller cannot learn which ids exist.
export const webhookRefused = () => new AppError("unauthorized:signature", "Wrong or missing secret.");

// A channel id from the URL; anything else than an existing channel of that kind is refused
// like a wrong secret.
export async function loadWebhookChannel({ db, rawId, kind }: { db: Db; rawId: string; kind: ChannelKind }): Promise<WebhookChannel> {
  const id = /^\d{1,15}$/.test(rawId) ? Number(rawId) : NaN;
  const [row] = Number.isSafeInteger(id) ? await db.select().from(channels).where(eq(channels.id, id)) : [];
  if (!row || row.kind !== kind) throw webhookRefused();
  return withCredentials({ db, row });
}

export async function withCredentials({ db, row }: { db: Db; row: typeof channels.$inferSelect }): Promise<WebhookChannel> {
  try {
    return { id: row.id, brandId: row.brandId, kind: row.kind, accountId: row.accountId, status: row.status, credentials: decryptCredentials(row.credentials) };
  } catch {
    await recordChannelError({ db, channelId: row.id, message: "The stored credentials cannot be decrypted (was CREDENTIALS_KEY changed?)." });
    throw webhookRefused();
  }
}

/** Records the failure on the channel for admins and gives back the error, thrown for the HTTP answer. */
export async function failOnChannel({ db, channelId, error, message }: { db: Db; channelId: number; error: AppError; message: string }): Promise<AppError> {
  await recordChannelError({ db, channelId, message });
  return error;
}

// Paused channels acknowledge and store nothing, so the platform does not retry forever.
export async function ingestForChannel({ db, channel, events, now }: { db: Db; channel: WebhookChannel; events: InboundEventInput[]; now?: number }): Promise<IngestOutcome[]> {
  if (channel.status === "paused" || events.length === 0) return [];
  const items = events.map((event) => ({ event: inboundEventSchema.parse(event), channelId: channel.id }));
  try {
    const outcomes = await ingestTogether({ db, brandId: channel.brandId, items, now });
    await recordChannelSuccess({ db, channelId: channel.id });
    return outcomes;
  } catch (error) {
    await recordChannelError({ db, channelId: channel.id, message: "Storing a webhook delivery failed; the platform will retry." });
    throw error;
  }
}
