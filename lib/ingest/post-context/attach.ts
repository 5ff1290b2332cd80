import type { InboundEventInput } from "@/lib/ingest/event";
import { clientFor } from "@/lib/outbound/registry";
import { PostCache } from "./cache";
import { type PostPlatform, fetchPostText } from "./fetch";

export const POST_TIMEOUT_MS = 2_000;
const shared = new PostCache();

export type PostChannel = { id: number | string; kind: string; credentials: Record<string, string> };

const platforms = new Set<string>(["facebook", "instagram", "vk", "youtube"]);

// Page feed and Instagram comments are threaded by post / media id; VK by `wall{owner}_{post}`.
function threadPost(kind: string, event: InboundEventInput): string | undefined {
  if (kind === "vk") return event.threadId && /^wall-?\d+_\d+$/.test(event.threadId) ? event.threadId : undefined;
  return kind === "facebook" || kind === "instagram" ? event.threadId : undefined;
}

/**
 * Fills `post` on the inbound comments of one channel with the text of the brand's post, media
 * or video they sit under: one cached platform call per post, each bounded by a timeout. Call it
 * before the ingest transaction opens. A failed call leaves `post` out and never fails the ingest.
 */
export async function withPostContext({ channel, events, postIdOf, baseUrl, timeoutMs = POST_TIMEOUT_MS, cache = shared }: {
  channel: PostChannel;
  events: InboundEventInput[];
  /** The post an event sits under, when the event's thread id is not it (YouTube: the video). */
  postIdOf?: (event: InboundEventInput) => string | undefined;
  baseUrl?: string;
  timeoutMs?: number;
  cache?: PostCache;
}): Promise<InboundEventInput[]> {
  const client = clientFor({ kind: channel.kind, credentials: channel.credentials });
  if (!platforms.has(channel.kind) || !client || channel.credentials.demo === "1") return events;
  const kind = channel.kind as PostPlatform;
  const url = baseUrl ?? client.baseUrl();
  const wanted = new Map<InboundEventInput, string>();
  for (const event of events) {
    const needs = !event.post && event.kind !== "private_message" && event.direction !== "outbound" && event.action !== "delete";
    const postId = needs ? (postIdOf?.(event) ?? threadPost(kind, event)) : undefined;
    if (postId) wanted.set(event, postId);
  }
  if (!wanted.size) return events;
  const texts = new Map<string, string | null>();
  await Promise.all(
    [...new Set(wanted.values())].map(async (postId) => {
      const text = await cache.load(`${kind}:${channel.id}:${postId}`, async () => {
        const result = await fetchPostText({ kind, postId, credentials: channel.credentials, baseUrl: url, timeoutMs });
        if (result.ok) return { text: result.text, failed: false };
        // The reason is the platform's message or ours, never the request URL with its token.
        console.warn(`post context: channel ${channel.id} (${kind}) post ${postId} unavailable: ${result.code ?? "error"}: ${result.reason}`);
        return { text: null, failed: true };
      });
      texts.set(postId, text);
    }),
  );
  return events.map((event) => {
    const postId = wanted.get(event);
    const text = postId ? texts.get(postId) : null;
    return postId && text ? { ...event, post: { id: postId, text } } : event;
  });
}
