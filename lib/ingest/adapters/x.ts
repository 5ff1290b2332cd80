import type { InboundEventInput } from "@/lib/ingest/event";
import { type Obj, arr, compact, followers, id, obj, short, str, text, toIso, valid } from "./read";

/** One page of GET /2/users/:id/mentions with expansions=author_id,referenced_tweets.id. */
export function parseXMentions(response: unknown, { accountId }: { accountId: string }) {
  const r = obj(response);
  const users = byId(obj(r?.includes)?.users);
  const referenced = byId(obj(r?.includes)?.tweets);
  const events: InboundEventInput[] = [];
  let skipped = 0;
  for (const raw of arr(r?.data)) {
    const event = tweetEvent({ tweet: obj(raw), users, referenced, accountId });
    if (event) events.push(event);
    else skipped++;
  }
  const meta = obj(r?.meta);
  return { events, newestId: id(meta?.newest_id), nextToken: str(meta?.next_token) || undefined, skipped };
}

function byId(list: unknown): Map<string, Obj> {
  const map = new Map<string, Obj>();
  for (const raw of arr(list)) {
    const item = obj(raw);
    const itemId = id(item?.id);
    if (item && itemId) map.set(itemId, item);
  }
  return map;
}

// The brand's own tweet a mention replies to, when the expansion carried it.
function brandPost({ repliedTo, referenced, accountId }: { repliedTo: string | undefined; referenced: Map<string, Obj>; accountId: string }) {
  const parent = repliedTo ? referenced.get(repliedTo) : undefined;
  if (!parent || id(parent.author_id) !== accountId || typeof parent.text !== "string" || !parent.text.trim()) return undefined;
  return { id: repliedTo!, text: unescapeTweet(parent.text) };
}

function tweetEvent({ tweet, users, referenced, accountId }: { tweet: Obj | undefined; users: Map<string, Obj>; referenced: Map<string, Obj>; accountId: string }): InboundEventInput | undefined {
  const tweetId = id(tweet?.id);
  const authorId = id(tweet?.author_id);
  const createdAt = toIso(tweet?.created_at);
  if (!tweet || !tweetId || !authorId || !createdAt || typeof tweet.text !== "string") return undefined;
  const user = users.get(authorId);
  const username = short(user?.username);
  const repliedTo = arr(tweet.referenced_tweets).map(obj).find((ref) => ref?.type === "replied_to");
  const event: InboundEventInput = compact({
    externalId: tweetId,
    kind: "public_comment" as const,
    threadId: id(tweet.conversation_id) ?? tweetId,
    inReplyTo: id(repliedTo?.id),
    author: compact({ id: authorId, handle: username, name: short(user?.name, 1024), followers: followers(obj(user?.public_metrics)?.followers_count) }),
    text: unescapeTweet(text(tweet.text)),
    createdAt,
    direction: authorId === accountId ? ("outbound" as const) : ("inbound" as const),
    post: authorId === accountId ? undefined : brandPost({ repliedTo: id(repliedTo?.id), referenced, accountId }),
    url: `https://x.com/${username ? encodeURIComponent(username) : "i/web"}/status/${tweetId}`.slice(0, 4096),
  });
  return valid(event) ? event : undefined;
}

/** Twitter escapes &, < and > in tweet text; the stored text is what the author typed. */
export function unescapeTweet(value: string) {
  return value.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
