import { MAX_TEXT_CHARS } from "@/lib/ingest/event";
import { type Failure, callHttp, httpFailure, isObject, joinUrl, missing } from "@/lib/outbound/clients/http";
import { graphFailure } from "@/lib/outbound/clients/meta";
import { VK_API_VERSION } from "@/lib/outbound/clients/vk";
import { youtubeFailure } from "@/lib/outbound/clients/youtube";

export type PostPlatform = "facebook" | "instagram" | "vk" | "youtube";
export type PostFetch = { ok: true; text: string | null } | Failure;

type Args = { postId: string; credentials: Record<string, string>; baseUrl: string; timeoutMs: number };

/** The text of the brand's post, media or video; null when it has none. Never throws. */
export function fetchPostText({ kind, ...args }: Args & { kind: PostPlatform }): Promise<PostFetch> {
  if (kind === "vk") return vkPost(args);
  if (kind === "youtube") return youtubeVideo(args);
  return graphNode({ ...args, field: kind === "instagram" ? "caption" : "message" });
}

const clean = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim().slice(0, MAX_TEXT_CHARS) : null);

// GET /{post-id}?fields=message (page post) or /{media-id}?fields=caption (Instagram media).
async function graphNode({ postId, credentials, baseUrl, timeoutMs, field }: Args & { field: "message" | "caption" }): Promise<PostFetch> {
  const token = credentials.accessToken;
  if (!token) return missing("The channel has no access token");
  const query = new URLSearchParams({ fields: field, access_token: token });
  const call = await callHttp({ url: `${joinUrl(baseUrl, encodeURIComponent(postId))}?${query}`, method: "GET", timeoutMs });
  if (!call.ok) return call;
  if (call.reply.status !== 200 || !isObject(call.reply.body)) return graphFailure(call.reply);
  return { ok: true, text: clean(call.reply.body[field]) };
}

// wall.getById with posts={owner_id}_{post_id}; thread ids are `wall-1_2` (lib/ingest/adapters/vk-comments.ts).
async function vkPost({ postId, credentials, baseUrl, timeoutMs }: Args): Promise<PostFetch> {
  const token = credentials.accessToken;
  if (!token) return missing("The channel has no access token");
  const posts = /^wall(-?\d+_\d+)$/.exec(postId)?.[1];
  if (!posts) return missing("Not a VK wall post");
  const call = await callHttp({ url: joinUrl(baseUrl, "wall.getById"), form: { posts, access_token: token, v: VK_API_VERSION }, timeoutMs });
  if (!call.ok) return call;
  const body = isObject(call.reply.body) ? call.reply.body : undefined;
  const error = isObject(body?.error) ? body.error : undefined;
  if (error) return { ok: false, retryable: false, reason: String(error.error_msg ?? "VK API error"), code: `vk_${Number(error.error_code)}` };
  if (call.reply.status !== 200 || !body) return httpFailure({ reply: call.reply });
  // Older API versions answer a bare array, newer ones { items }.
  const items = Array.isArray(body.response) ? body.response : isObject(body.response) && Array.isArray(body.response.items) ? body.response.items : [];
  const post = items.find(isObject);
  return { ok: true, text: clean(post?.text) };
}

// videos.list?part=snippet: the title and the description are what the viewer reads above the comments.
async function youtubeVideo({ postId, credentials, baseUrl, timeoutMs }: Args): Promise<PostFetch> {
  const query = new URLSearchParams({ part: "snippet", id: postId });
  const headers: Record<string, string> = {};
  if (credentials.apiKey) query.set("key", credentials.apiKey);
  else if (credentials.accessToken) headers.authorization = `Bearer ${credentials.accessToken}`;
  else return missing("The channel has no API key or access token");
  const call = await callHttp({ url: `${joinUrl(baseUrl, "videos")}?${query}`, method: "GET", headers, timeoutMs });
  if (!call.ok) return call;
  if (call.reply.status !== 200 || !isObject(call.reply.body)) return youtubeFailure({ reply: call.reply });
  const items = Array.isArray(call.reply.body.items) ? call.reply.body.items : [];
  const snippet = isObject(items[0]) && isObject(items[0].snippet) ? items[0].snippet : undefined;
  const text = [clean(snippet?.title), clean(snippet?.description)].filter(Boolean).join("\n\n");
  return { ok: true, text: clean(text) };
}
