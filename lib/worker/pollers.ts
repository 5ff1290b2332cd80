import type { Db } from "@/db/client";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { pollX, type XCursor } from "@/lib/ingest/pollers/x";
import { pollYoutube, type YoutubeCursor } from "@/lib/ingest/pollers/youtube";
import type { PollChannel, PollResult } from "@/lib/ingest/pollers/types";
import { decryptCredentials } from "@/lib/security/credentials";
import { recordChannelError, recordChannelSuccess } from "@/lib/channels/status";

export const POLL_INTERVAL_MS = 60_000;
export const MAX_BACKOFF_MS = 3600_000;

type DueChannel = { id: number; brand_id: number; kind: "youtube" | "twitter"; account_id: string; credentials: string | null; poll_cursor: string | null };
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

function failures(db: Db, channelId: number): number {
  const row = db.$client.prepare("SELECT value FROM worker_state WHERE key = ?").get(failureKey(channelId)) as { value: string } | undefined;
  return row ? Number(row.value) || 0 : 0;
}

function schedule(db: Db, { channel, cursor, nextAt, failed, now }: { channel: DueChannel; cursor: unknown; nextAt: number; failed: number; now: number }) {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    sqlite.prepare("UPDATE channels SET poll_cursor = ?, poll_next_at = ? WHERE id = ?").run(cursor == null ? null : JSON.stringify(cursor), nextAt, channel.id);
    if (failed) sqlite.prepare("INSERT INTO worker_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at").run(failureKey(channel.id), String(failed), now);
    else sqlite.prepare("DELETE FROM worker_state WHERE key = ?").run(failureKey(channel.id));
  })();
}

async function callPoller({ channel, poll, cursor, baseUrls }: { channel: DueChannel; poll: PollChannel; cursor: unknown; baseUrls: BaseUrls }): Promise<PollResult<unknown>> {
  if (channel.kind === "youtube") return pollYoutube({ baseUrl: baseUrls.youtube, channel: poll, cursor: cursor as YoutubeCursor });
  return pollX({ baseUrl: baseUrls.x, channel: poll, cursor: cursor as XCursor });
}

// Events are stored before the cursor moves: a crash in between re-fetches them and the pipeline dedupes.
export async function pollChannel({ db, channel, now, baseUrls }: { db: Db; channel: DueChannel; now: number; baseUrls: BaseUrls }): Promise<void> {
  const fail = (message: string, retryAfterSeconds?: number) => {
    const failed = failures(db, channel.id) + 1;
    recordChannelError({ db, channelId: channel.id, message, now });
    schedule(db, { channel, cursor: parseCursor(channel.poll_cursor), nextAt: now + backoffMs({ failures: failed, retryAfterSeconds }), failed, now });
  };
  let credentials: Record<string, string>;
  try {
    credentials = decryptCredentials(channel.credentials);
  } catch {
    return fail("The stored credentials cannot be decrypted (was CREDENTIALS_KEY changed?).");
  }
  const result = await callPoller({ channel, poll: { accountId: channel.account_id, credentials }, cursor: parseCursor(channel.poll_cursor), baseUrls });
  const items = result.events.flatMap((event) => {
    const parsed = inboundEventSchema.safeParse(event);
    return parsed.success ? [{ event: parsed.data, channelId: channel.id }] : [];
  });
  if (items.length) ingestBatch({ db, brandId: channel.brand_id, items, now });
  if (result.error) return fail(`Poll failed: ${result.error.reason}`, result.retryAfterSeconds);
  recordChannelSuccess({ db, channelId: channel.id });
  schedule(db, { channel, cursor: result.cursor, nextAt: now + POLL_INTERVAL_MS, failed: 0, now });
}

function parseCursor(stored: string | null): unknown {
  if (!stored) return null;
  try {
    return JSON.parse(stored);
  } catch {
    return null;
  }
}

export function dueChannels({ db, now }: { db: Db; now: number }): DueChannel[] {
  return db.$client
    .prepare(
      `SELECT id, brand_id, kind, account_id, credentials, poll_cursor FROM channels
       WHERE kind IN ('youtube', 'twitter') AND status != 'paused' AND account_id IS NOT NULL AND account_id != '' AND credentials IS NOT NULL
         AND (poll_next_at IS NULL OR poll_next_at <= ?)
       ORDER BY coalesce(poll_next_at, 0)`,
    )
    .all(now) as DueChannel[];
}

const globalForPollers = globalThis as unknown as { replyhourPolling?: boolean };

/** One pass over the due channels; a pass still running makes the next call a no-op. */
export async function pollDueChannels({ db, now = Date.now(), baseUrls = pollBaseUrls() }: { db: Db; now?: number; baseUrls?: BaseUrls }): Promise<void> {
  if (globalForPollers.replyhourPolling) return;
  globalForPollers.replyhourPolling = true;
  try {
    for (const channel of dueChannels({ db, now })) {
      try {
        await pollChannel({ db, channel, now, baseUrls });
      } catch (error) {
        console.error(`poll of channel ${channel.id} failed`, error instanceof Error ? error.message : error);
        recordChannelError({ db, channelId: channel.id, message: "Storing polled events failed; the poll will be retried.", now });
      }
    }
  } finally {
    globalForPollers.replyhourPolling = false;
  }
}
