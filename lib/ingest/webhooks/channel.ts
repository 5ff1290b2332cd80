import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { channels, type ChannelKind } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { decryptCredentials } from "@/lib/security/credentials";
import { inboundEventSchema, type InboundEventInput } from "@/lib/ingest/event";
import { ingestBatch, type IngestOutcome } from "@/lib/ingest/pipeline";
import { recordChannelError, recordChannelSuccess } from "@/lib/channels/status";

export type WebhookChannel = { id: number; brandId: number; kind: ChannelKind; accountId: string | null; status: string; credentials: Record<string, string> };

// A channel id from the URL; anything else than an existing channel of that kind is a 404.
export function loadWebhookChannel({ db, rawId, kind }: { db: Db; rawId: string; kind: ChannelKind }): WebhookChannel {
  const id = /^\d{1,15}$/.test(rawId) ? Number(rawId) : NaN;
  const row = Number.isSafeInteger(id) ? db.select().from(channels).where(eq(channels.id, id)).get() : undefined;
  if (!row || row.kind !== kind) throw new AppError("not_found:channel");
  return withCredentials({ db, row });
}

export function withCredentials({ db, row }: { db: Db; row: typeof channels.$inferSelect }): WebhookChannel {
  try {
    return { id: row.id, brandId: row.brandId, kind: row.kind, accountId: row.accountId, status: row.status, credentials: decryptCredentials(row.credentials) };
  } catch {
    recordChannelError({ db, channelId: row.id, message: "The stored credentials cannot be decrypted (was CREDENTIALS_KEY changed?)." });
    throw new AppError("unauthorized:channel", "The channel is not configured.");
  }
}

/** Records the failure on the channel for admins, then rethrows it for the HTTP answer. */
export function failOnChannel({ db, channelId, error, message }: { db: Db; channelId: number; error: AppError; message: string }): never {
  recordChannelError({ db, channelId, message });
  throw error;
}

// Paused channels acknowledge and store nothing, so the platform does not retry forever.
export function ingestForChannel({ db, channel, events, now }: { db: Db; channel: WebhookChannel; events: InboundEventInput[]; now?: number }): IngestOutcome[] {
  if (channel.status === "paused" || events.length === 0) return [];
  const items = events.map((event) => ({ event: inboundEventSchema.parse(event), channelId: channel.id }));
  try {
    const outcomes = ingestBatch({ db, brandId: channel.brandId, items, now });
    recordChannelSuccess({ db, channelId: channel.id });
    return outcomes;
  } catch (error) {
    recordChannelError({ db, channelId: channel.id, message: "Storing a webhook delivery failed; the platform will retry." });
    throw error;
  }
}
