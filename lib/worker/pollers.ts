import { and, asc, eq, inArray, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { channels, workerState } from "@/db/schema";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { pollX, type XCursor } from "@/lib/ingest/pollers/x";
import { pollYoutube, type YoutubeCursor } from "@/lib/ingest/pollers/youtube";
import { pollImap, type ImapCursor } from "@/lib/ingest/pollers/imap";
import type { PollChannel, PollResult } from "@/lib/ingest/pollers/types";
import { decryptCredentials } from "@/lib/security/credentials";
import { recordChannelError, recordChannelSuccess } from "@/lib/channels/status";

export const POLL_INTERVAL_MS = 60_000;
export const MAX_BACKOFF_MS = 3600_000;

type DueChannel = Awaited<ReturnType<typeof dueChannels>>[number];
export type BaseUrls = { youtube: string; x: string };

export function pollBaseUrls(): BaseUrls {
  return {
    youtube: process.env.YOUTUBE_API_URL || "https://www.googleapis.com/youtube/v3",
    x: process.env.X_API_URL || "https://api.x.com/2",
  };
}

/** Doubles from one interval per consecutive failure, never sooner than the platform's Retry-After. */
export function backoffMs({ failures, retryAfterSeconds }: { failures: number; retryAfterSeconds?: number }): number {
  const exponential = Math.min(MAX_BACKOFF_MS, POLL_INTERVAL_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(exponential, (retryAfterSeconds ?? 0) * 1000);
}

const failureKey = (channelId: number) => `poll-failures:${channelId}`;

async function failures(db: Db, channelId: number): Promise<number> {
  const [row] = await db.select({ value: workerState.value }).from(workerState).where(eq(workerState.key, failureKey(channelId))).limit(1);
  return row ? Number(row.value) || 0 : 0;
}

async function schedule(db: Db, { channel, cursor, nextAt, failed, now }: { channel: DueChannel; cursor: unknown; nextAt: number; failed: number; now: number }): Promise<void> {
  const key = failureKey(channel.id);
  await db.transaction(async (tx) => {
    await tx
      .update(channels)
      .set({ pollCursor: cursor == null ? null : JSON.stringify(cursor), pollNextAt: new Date(nextAt) })
      .where(and(eq(channels.id, channel.id), eq(channels.brandId, channel.brandId)));
    if (failed)
      await tx
        .insert(workerState)
        .values({ key, value: String(failed), updatedAt: new Date(now) })
        .onConflictDoUpdate({ target: workerState.key, set: { value: String(failed), updatedAt: new Date(now) } });
    else await tx.delete(workerState).where(eq(workerState.key, key));
  });
}

async function callPoller({ channel, poll, cursor, baseUrls }: { channel: DueChannel; poll: PollChannel; cursor: unknown; baseUrls: BaseUrls }): Promise<PollResult<unknown>> {
  if (channel.kind === "email") return pollImap({ channel: poll, cursor: cursor as ImapCursor });
  if (channel.kind === "youtube") return pollYoutube({ baseUrl: baseUrls.youtube, channel: poll, cursor: cursor as YoutubeCursor });
  return pollX({ baseUrl: baseUrls.x, channel: poll, cursor: cursor as XCursor });
}

// Events are stored before the cursor moves: a crash in between re-fetches them and the pipeline dedupes.
export async function pollChannel({ db, channel, now, baseUrls }: { db: Db; channel: DueChannel; now: number; baseUrls: BaseUrls }): Promise<void> {
  const fail = (message: string, retryAfterSeconds?: number) =>
    db.transaction(async (tx) => {
      const failed = (await failures(tx, channel.id)) + 1;
      await recordChannelError({ db: tx, channelId: channel.id, message, now });
      await schedule(tx, { channel, cursor: parseCursor(channel.pollCursor), nextAt: now + backoffMs({ failures: failed, retryAfterSeconds }), failed, now });
    });
  let credentials: Record<string, string>;
  try {
    credentials = decryptCredentials(channel.credentials);
  } catch {
    return fail("The stored credentials cannot be decrypted (was CREDENTIALS_KEY changed?).");
  }
  // Demo channels have no platform behind them: their traffic comes from the demo generator.
  if (credentials.demo === "1") return schedule(db, { channel, cursor: parseCursor(channel.pollCursor), nextAt: now + MAX_BACKOFF_MS, failed: 0, now });
  const result = await callPoller({ channel, poll: { id: channel.id, accountId: channel.accountId ?? "", credentials }, cursor: parseCursor(channel.pollCursor), baseUrls });
  const items = result.events.flatMap((event) => {
    const parsed = inboundEventSchema.safeParse(event);
    return parsed.success ? [{ event: parsed.data, channelId: channel.id }] : [];
  });
  if (items.length) await ingestBatch({ db, brandId: channel.brandId, items, now });
  if (result.error) return fail(`Poll failed: ${result.error.reason}`, result.retryAfterSeconds);
  await recordChannelSuccess({ db, channelId: channel.id });
  await schedule(db, { channel, cursor: result.cursor, nextAt: now + POLL_INTERVAL_MS, failed: 0, now });
}

function parseCursor(stored: string | null): unknown {
  if (!stored) return null;
  try {
    return JSON.parse(stored);
  } catch {
    return null;
  }
}

export async function dueChannels({ db, now }: { db: Db; now: number }) {
  const c = channels;
  return db
    .select({ id: c.id, brandId: c.brandId, kind: c.kind, accountId: c.accountId, credentials: c.credentials, pollCursor: c.pollCursor })
    .from(c)
    .where(
      and(
        inArray(c.kind, ["youtube", "twitter", "email"]),
        ne(c.status, "paused"),
        isNotNull(c.accountId),
        ne(c.accountId, ""),
        isNotNull(c.credentials),
        or(isNull(c.pollNextAt), lte(c.pollNextAt, new Date(now))),
      ),
    )
    .orderBy(asc(sql`coalesce(${c.pollNextAt}, 0)`));
}

const globalForPollers = globalThis as unknown as { replyhourPolling?: boolean };

/** One pass over the due channels; a pass still running makes the next call a no-op. */
export async function pollDueChannels({ db = database(), now = Date.now(), baseUrls = pollBaseUrls() }: { db?: Db; now?: number; baseUrls?: BaseUrls }): Promise<void> {
  if (globalForPollers.replyhourPolling) return;
  globalForPollers.replyhourPolling = true;
  try {
    for (const channel of await dueChannels({ db, now })) {
      try {
        await pollChannel({ db, channel, now, baseUrls });
      } catch (error) {
        console.error(`poll of channel ${channel.id} failed`, error instanceof Error ? error.message : error);
        await recordChannelError({ db, channelId: channel.id, message: "Storing polled events failed; the poll will be retried.", now });
      }
    }
  } finally {
    globalForPollers.replyhourPolling = false;
  }
}
