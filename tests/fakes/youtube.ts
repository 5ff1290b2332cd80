import { type Fault, type FakeResponse, type RecordedRequest, bearer, genericFault, startFake } from "./server";

type Comment = { kind: "youtube#comment"; etag: string; id: string; snippet: Record<string, unknown> };
export type YoutubeThread = { kind: "youtube#commentThread"; etag: string; id: string; snippet: Record<string, unknown>; replies?: { comments: Comment[] } };

const googleError = (code: number, reason: string, message: string, domain = "youtube.commentThread"): FakeResponse => ({
  status: code,
  body: { error: { code, message, errors: [{ message, domain, reason }] } },
});

/**
 * YouTube Data API v3: GET /commentThreads (allThreadsRelatedToChannelId, pageToken), GET /comments
 * (parentId), GET /videos (part=snippet, id) and POST /comments?part=snippet. Threads are served newest first, `pageSize` a page.
 */
export async function startFakeYoutube({ channelId, accessToken = "yt-token", apiKey = "yt-key", pageSize = 2 }: { channelId: string; accessToken?: string; apiKey?: string; pageSize?: number }) {
  const threads: YoutubeThread[] = [];
  const inserted: Comment[] = [];
  const moderated: { id: string; status: string }[] = [];
  const videos = new Map<string, { title: string; description: string }>();
  let videosDown = false;
  let seq = 1;
  const authorised = (req: RecordedRequest) => bearer(req) === accessToken || req.query.get("key") === apiKey;
  const handle = (req: RecordedRequest): FakeResponse => {
    if (!authorised(req)) return googleError(401, "required", "Request is missing required authentication credential.", "global");
    if (req.method === "GET" && req.path === "/commentThreads") {
      if (req.query.get("allThreadsRelatedToChannelId") !== channelId) return googleError(404, "channelNotFound", "The channel could not be found.");
      const sorted = [...threads].sort((a, b) => String(topOf(b).publishedAt).localeCompare(String(topOf(a).publishedAt)));
      const start = Number(req.query.get("pageToken") ?? 0);
      // Like the API, a listing carries at most five replies; comments.list gives the rest.
      const items = sorted.slice(start, start + pageSize).map((t) => ({
        ...t,
        snippet: { ...t.snippet, totalReplyCount: t.replies?.comments.length ?? 0 },
        ...(t.replies ? { replies: { comments: t.replies.comments.slice(0, 5) } } : {}),
      }));
      const next = start + pageSize < sorted.length ? String(start + pageSize) : undefined;
      return { status: 200, body: { kind: "youtube#commentThreadListResponse", nextPageToken: next, pageInfo: { totalResults: items.length, resultsPerPage: pageSize }, items } };
    }
    if (req.method === "GET" && req.path === "/videos") {
      if (videosDown) return googleError(500, "backendError", "Backend Error", "global");
      const ids = (req.query.get("id") ?? "").split(",");
      const items = ids.flatMap((id) => {
        const video = videos.get(id);
        return video ? [{ kind: "youtube#video", etag: `etag-${id}`, id, snippet: { publishedAt: "2026-03-01T00:00:00Z", channelId, ...video, channelTitle: "Brand" } }] : [];
      });
      return { status: 200, body: { kind: "youtube#videoListResponse", items, pageInfo: { totalResults: items.length, resultsPerPage: items.length } } };
    }
    if (req.method === "POST" && req.path === "/comments/setModerationStatus") {
      if (!bearer(req)) return googleError(403, "forbidden", "The request is not properly authorized.", "youtube.comment");
      const status = req.query.get("moderationStatus");
      if (!["heldForReview", "published", "rejected"].includes(status ?? "")) return googleError(400, "invalidModerationStatus", "The moderation status is invalid.", "youtube.comment");
      moderated.push({ id: req.query.get("id") ?? "", status: status! });
      return { status: 204 };
    }
    if (req.method === "GET" && req.path === "/comments") {
      const thread = threads.find((t) => t.id === req.query.get("parentId"));
      return { status: 200, body: { kind: "youtube#commentListResponse", items: thread?.replies?.comments ?? [] } };
    }
    if (req.method === "POST" && req.path === "/comments" && req.query.get("part") === "snippet") {
      if (!bearer(req)) return googleError(403, "forbidden", "The request is not properly authorized.", "youtube.comment");
      const snippet = (req.json as { snippet?: { parentId?: unknown; textOriginal?: unknown } })?.snippet;
      const thread = threads.find((t) => t.id === snippet?.parentId);
      if (typeof snippet?.textOriginal !== "string" || !snippet.textOriginal) return googleError(400, "commentTextRequired", "The comment text is required.", "youtube.comment");
      if (typeof snippet.parentId !== "string") return googleError(400, "parentIdMissing", "No parent comment was specified.", "youtube.comment");
      const now = new Date().toISOString();
      const comment: Comment = { kind: "youtube#comment", etag: `e${seq}`, id: `${snippet.parentId}.reply${seq++}`, snippet: {
        channelId, textOriginal: snippet.textOriginal, textDisplay: snippet.textOriginal, parentId: snippet.parentId,
        authorDisplayName: "Brand", authorChannelId: { value: channelId }, publishedAt: now, updatedAt: now, canRate: true, likeCount: 0, viewerRating: "none",
      } };
      inserted.push(comment);
      if (thread) (thread.replies ??= { comments: [] }).comments.push(comment);
      return { status: 200, body: comment };
    }
    return googleError(404, "notFound", "Not found.", "global");
  };
  const renderFault = (fault: Fault): FakeResponse => {
    const generic = genericFault(fault);
    if (generic) return generic;
    if (fault.kind === "quota") {
      return googleError(403, "quotaExceeded", "The request cannot be completed because you have exceeded your quota.", "youtube.quota");
    }
    if (fault.kind === "rate_limit") {
      const out = googleError(429, "rateLimitExceeded", "The request was rate limited.", "youtube.quota");
      return out === "hang" ? out : { ...out, headers: { "retry-after": String(fault.retryAfter ?? 30) } };
    }
    return googleError(500, "backendError", "Backend Error", "global");
  };
  const server = await startFake({ handle, renderFault });
  return { ...server, threads, inserted, moderated, videos, setVideosDown: (down: boolean) => (videosDown = down), addThread: (thread: YoutubeThread) => threads.push(thread) };
}

function topOf(thread: YoutubeThread): Record<string, unknown> {
  return ((thread.snippet.topLevelComment as Comment | undefined)?.snippet ?? {}) as Record<string, unknown>;
}
