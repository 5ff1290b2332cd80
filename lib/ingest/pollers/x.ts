import { parseXMentions } from "@/lib/ingest/adapters/x";
import { callHttp, joinUrl } from "@/lib/outbound/clients/http";
import { xFailure } from "@/lib/outbound/clients/x";
import type { InboundEventInput } from "@/lib/ingest/event";
import type { PollChannel, PollResult } from "./types";

export type XCursor = { sinceId?: string } | null;

const fields = {
  "tweet.fields": "created_at,conversation_id,referenced_tweets,author_id,in_reply_to_user_id",
  // referenced_tweets.id puts the tweet a mention replies to in includes.tweets: the post context.
  expansions: "author_id,referenced_tweets.id",
  "user.fields": "username,name,public_metrics",
};

/** GET /2/users/:id/mentions since the last seen id, following next_token. Never throws on HTTP errors. */
export async function pollX({ baseUrl, channel, cursor, maxPages = 5, timeoutMs }: {
  baseUrl: string;
  channel: PollChannel;
  cursor: XCursor;
  maxPages?: number;
  timeoutMs?: number;
}): Promise<PollResult<XCursor>> {
  const token = channel.credentials.accessToken ?? channel.credentials.bearerToken;
  const events: InboundEventInput[] = [];
  let newestId: string | undefined;
  let nextToken: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const query = new URLSearchParams({ ...fields, max_results: "100" });
    if (cursor?.sinceId) query.set("since_id", cursor.sinceId);
    if (nextToken) query.set("pagination_token", nextToken);
    const url = `${joinUrl(baseUrl, `users/${encodeURIComponent(channel.accountId)}/mentions`)}?${query}`;
    const call = await callHttp({ url, method: "GET", headers: token ? { authorization: `Bearer ${token}` } : {}, timeoutMs });
    const failure = !call.ok ? call : call.reply.status !== 200 ? xFailure({ reply: call.reply, now: Date.now() }) : undefined;
    if (failure || !call.ok) {
      const retryAfterSeconds = failure!.retryAfterSeconds ?? (failure!.retryable ? 60 : undefined);
      return { events, cursor, retryAfterSeconds, error: { reason: failure!.reason, code: failure!.code, retryable: failure!.retryable } };
    }
    const parsed = parseXMentions(call.reply.body, { accountId: channel.accountId });
    events.push(...parsed.events);
    // The first page holds the newest mention; later pages go back in time.
    newestId ??= parsed.newestId;
    nextToken = parsed.nextToken;
    if (!nextToken) break;
  }
  return { events, cursor: newestId ? { sinceId: newestId } : cursor };
}
