import type { InboundEventInput } from "@/lib/ingest/event";

export type PollChannel = {
  accountId: string;
  credentials: Record<string, string>;
  /** The channel's id: keys the post-context cache per channel (the account id when absent). */
  id?: number;
};

export type PollResult<Cursor> = {
  events: InboundEventInput[];
  /** Store this and pass it back on the next poll; unchanged when the poll failed. */
  cursor: Cursor;
  /** Wait at least this long before the next poll (429, 5xx, quota). */
  retryAfterSeconds?: number;
  error?: { reason: string; code?: string; retryable: boolean };
};
