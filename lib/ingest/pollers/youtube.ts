import { youtubeComment, parseYoutubeCommentThreads, type YoutubeComment } from "@/lib/ingest/adapters/youtube";
import { callHttp, joinUrl } from "@/lib/outbound/clients/http";
import { youtubeFailure } from "@/lib/outbound/clients/youtube";
import type { InboundEventInput } from "@/lib/ingest/event";
import { withPostContext } from "@/lib/ingest/post-context/attach";
import type { PollChannel, PollResult } from "./types";

export type YoutubeCursor = { since?: string } | null;

/**
 * commentThreads.list for everything on the channel, newest first, page by page until a page
 * reaches comments already seen. A comment published before the cursor but updated after it
 * is an edit. Never throws on HTTP errors: the failure and back-off come back in the result.
 */
export async function pollYoutube({ baseUrl, channel, cursor, maxPages = 5, timeoutMs }: {
  baseUrl: string;
  channel: PollChannel;
  cursor: YoutubeCursor;
  maxPages?: number;
  timeoutMs?: number;
}): Promise<PollResult<YoutubeCursor>> {
  const { poll, videos } = await pollComments({ baseUrl, channel, cursor, maxPages, timeoutMs });
  // A platform that just failed (quota, 5xx) is not asked again for the videos.
  if (poll.error) return poll;
  // The video a comment sits under is its post: videos.list, once per video (cached).
  const events = await withPostContext({
    channel: { id: channel.id ?? channel.accountId, kind: "youtube", credentials: channel.credentials },
    events: poll.events,
    postIdOf: (event) => videos.get(event.externalId),
    baseUrl,
  });
  return { ...poll, events };
}

async function pollComments({ baseUrl, channel, cursor, maxPages, timeoutMs }: {
  baseUrl: string;
  channel: PollChannel;
  cursor: YoutubeCursor;
  maxPages: number;
  timeoutMs?: number;
}): Promise<{ poll: PollResult<YoutubeCursor>; videos: Map<string, string> }> {
  const since = cursor?.since;
  const events: InboundEventInput[] = [];
  const videos = new Map<string, string>();
  let newest = since;
  const take = (comments: YoutubeComment[]) => {
    for (const c of comments) {
      if (c.videoId) videos.set(c.event.externalId, c.videoId);
      if (since && c.updatedAt <= since) continue;
      events.push(since && c.publishedAt <= since ? { ...c.event, action: "edit" } : c.event);
      if (!newest || c.updatedAt > newest) newest = c.updatedAt;
    }
  };
  const get = (path: string, params: Record<string, string>) => {
    const query = new URLSearchParams({ ...params, textFormat: "plainText", maxResults: "100" });
    const headers: Record<string, string> = {};
    if (channel.credentials.apiKey) query.set("key", channel.credentials.apiKey);
    else if (channel.credentials.accessToken) headers.authorization = `Bearer ${channel.credentials.accessToken}`;
    return callHttp({ url: `${joinUrl(baseUrl, path)}?${query}`, method: "GET", headers, timeoutMs });
  };
  let pageToken: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const params: Record<string, string> = { part: "snippet,replies", allThreadsRelatedToChannelId: channel.accountId, order: "time" };
    if (pageToken) params.pageToken = pageToken;
    const call = await get("commentThreads", params);
    const failure = !call.ok ? call : call.reply.status !== 200 ? youtubeFailure({ reply: call.reply }) : undefined;
    if (failure || !call.ok) return { poll: failed({ events, cursor, failure: failure! }), videos };
    const parsed = parseYoutubeCommentThreads(call.reply.body, { channelId: channel.accountId });
    take(parsed.comments);
    for (const { threadId } of parsed.replyCounts) {
      const replies = await get("comments", { part: "snippet", parentId: threadId });
      if (!replies.ok || replies.reply.status !== 200) continue;
      const items = Array.isArray((replies.reply.body as { items?: unknown })?.items) ? (replies.reply.body as { items: unknown[] }).items : [];
      const videoId = parsed.comments.find((c) => c.event.externalId === threadId)?.videoId;
      take(items.flatMap((item) => youtubeComment({ comment: item, threadId, channelId: channel.accountId, videoId }) ?? []));
    }
    const oldest = parsed.comments.filter((c) => !c.event.inReplyTo).at(-1);
    pageToken = parsed.nextPageToken;
    if (!pageToken || (since && oldest && oldest.updatedAt <= since)) break;
  }
  return { poll: { events: dedupe(events), cursor: newest ? { since: newest } : cursor }, videos };
}

function failed({ events, cursor, failure }: { events: InboundEventInput[]; cursor: YoutubeCursor; failure: { reason: string; code?: string; retryable: boolean; retryAfterSeconds?: number } }): PollResult<YoutubeCursor> {
  const retryAfterSeconds = failure.retryAfterSeconds ?? (failure.retryable ? 60 : undefined);
  // Events of earlier pages are returned (the pipeline dedupes) but the cursor stays put.
  return { events: dedupe(events), cursor, retryAfterSeconds, error: { reason: failure.reason, code: failure.code, retryable: failure.retryable } };
}

function dedupe(events: InboundEventInput[]) {
  const seen = new Set<string>();
  return events.filter((e) => !seen.has(e.externalId) && Boolean(seen.add(e.externalId)));
}
