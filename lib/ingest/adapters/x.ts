import type { InboundEventInput } from "@/lib/ingest/event";
import { type Obj, arr, compact, followers, id, obj, short, str, text, toIso, valid } from "./read";

/** One page of GET /2/users/:id/mentions with expansions=author_id. */
export function parseXMentions(response: unknown, { accountId }: { accountId: string }) {
  const r = obj(response);
  const users = new Map<string, Obj>();
  for (const raw of arr(obj(r?.includes)?.users)) {
    const user = obj(raw);
    const userId = id(user?.id);
    if (user && userId) users.set(userId, user);
  }
  const events: InboundEventInput[] = [];
  let skipped = 0;
  for (const raw of arr(r?.data)) {
    const event = tweetEvent({ tweet: obj(raw), users, accountId });
    if (event) events.push(event);
    else skipped++;
  }
  const meta = obj(r?.meta);
  return { events, newestId: id(meta?.newest_id), nextToken: str(meta?.next_token) || undefined, skipped };
}

function tweetEvent({ tweet, users, accountId }: { tweet: Obj | undefined; users: Map<string, Obj>; accountId: string }): InboundEventInput | undefined {
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
    url: `https://x.com/${username ? encodeURIComponent(username) : "i/web"}/status/${tweetId}`.slice(0, 4096),
  });
  return valid(event) ? event : undefined;
}

/** Twitter escapes &, < and > in tweet text; the stored text is what the author typed. */
export function unescapeTweet(value: string) {
  return value.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
