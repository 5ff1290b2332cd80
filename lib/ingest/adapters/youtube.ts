import type { InboundEventInput } from "@/lib/ingest/event";
import { arr, compact, id, obj, short, str, text, toIso, valid } from "./read";

export type YoutubeComment = { event: InboundEventInput; publishedAt: string; updatedAt: string; videoId?: string };

/** One page of commentThreads.list (part=snippet,replies): top-level comments and their replies. */
export function parseYoutubeCommentThreads(response: unknown, { channelId }: { channelId: string }) {
  const r = obj(response);
  const comments: YoutubeComment[] = [];
  let skipped = 0;
  for (const raw of arr(r?.items)) {
    const thread = obj(raw);
    const threadId = id(thread?.id);
    const snippet = obj(thread?.snippet);
    const top = youtubeComment({ comment: snippet?.topLevelComment, threadId, channelId, videoId: str(snippet?.videoId) });
    if (!threadId || !top) {
      skipped++;
      continue;
    }
    comments.push(top);
    for (const reply of arr(obj(thread?.replies)?.comments)) {
      const parsed = youtubeComment({ comment: reply, threadId, channelId, videoId: str(snippet?.videoId) });
      if (parsed) comments.push(parsed);
      else skipped++;
    }
  }
  const nextPageToken = str(r?.nextPageToken) || undefined;
  return { events: comments.map((c) => c.event), comments, nextPageToken, skipped, replyCounts: replyCounts(r) };
}

/** Threads whose replies were cut off in the listing (the API includes only a few). */
function replyCounts(r: Record<string, unknown> | undefined) {
  const counts: { threadId: string; total: number; included: number }[] = [];
  for (const raw of arr(r?.items)) {
    const thread = obj(raw);
    const threadId = id(thread?.id);
    const total = obj(thread?.snippet)?.totalReplyCount;
    const included = arr(obj(thread?.replies)?.comments).length;
    if (threadId && typeof total === "number" && total > included) counts.push({ threadId, total, included });
  }
  return counts;
}

export function youtubeComment({ comment, threadId, channelId, videoId }: { comment: unknown; threadId: string | undefined; channelId: string; videoId?: string }): YoutubeComment | undefined {
  const c = obj(comment);
  const s = obj(c?.snippet);
  const commentId = id(c?.id);
  const authorId = id(obj(s?.authorChannelId)?.value);
  const publishedAt = toIso(s?.publishedAt);
  if (!commentId || !authorId || !publishedAt || !s) return undefined;
  const updatedAt = toIso(s.updatedAt) ?? publishedAt;
  const parentId = id(s.parentId);
  const video = str(s.videoId) ?? videoId;
  const channelUrl = str(s.authorChannelUrl);
  const handle = channelUrl ? /\/(@[^/?#]+)/.exec(channelUrl)?.[1] : undefined;
  const event: InboundEventInput = compact({
    externalId: commentId,
    kind: "public_comment" as const,
    threadId: threadId ?? parentId ?? commentId,
    inReplyTo: parentId,
    author: compact({ id: authorId, handle: short(handle), name: short(s.authorDisplayName, 1024) }),
    // textOriginal is the author's own text; textDisplay is HTML and only for the owner's view.
    text: text(s.textOriginal ?? s.textDisplay),
    createdAt: publishedAt,
    direction: authorId === channelId ? ("outbound" as const) : ("inbound" as const),
    url: video ? short(`https://www.youtube.com/watch?v=${encodeURIComponent(video)}&lc=${encodeURIComponent(commentId)}`, 4096) : undefined,
  });
  return valid(event) ? { event, publishedAt, updatedAt, videoId: video } : undefined;
}
