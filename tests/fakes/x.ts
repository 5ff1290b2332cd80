import { type Fault, type FakeResponse, type RecordedRequest, bearer, genericFault, startFake } from "./server";

export type XTweet = { id: string; text: string; author_id: string; conversation_id: string; created_at: string; referenced_tweets?: { type: string; id: string }[]; in_reply_to_user_id?: string; edit_history_tweet_ids?: string[] };
export type XUser = { id: string; name: string; username: string; public_metrics?: { followers_count: number; following_count: number; tweet_count: number; listed_count: number } };

const problem = (status: number, title: string, detail: string, extra: Record<string, unknown> = {}): FakeResponse => ({
  status,
  body: { title, detail, type: "about:blank", status, ...extra },
});

const byIdDesc = (a: XTweet, b: XTweet) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0);

/** X API v2 under /2: POST /tweets and GET /users/:id/mentions (since_id, pagination_token, max_results). */
export async function startFakeX({ accountId, accessToken = "x-token", pageSize }: { accountId: string; accessToken?: string; pageSize?: number }) {
  const mentions: XTweet[] = [];
  const users = new Map<string, XUser>();
  const tweets: { id: string; text: string; replyTo?: string }[] = [];
  const hidden: string[] = [];
  /** Tweets a mention may reference (the brand's posts), served in includes.tweets with the expansion. */
  const posts = new Map<string, XTweet>();
  let seq = 1_800_000_000_000_000_000n;
  const handle = (req: RecordedRequest): FakeResponse => {
    if (bearer(req) !== accessToken) return problem(401, "Unauthorized", "Unauthorized");
    if (req.method === "POST" && req.path === "/tweets") {
      const body = (req.json ?? {}) as { text?: unknown; reply?: { in_reply_to_tweet_id?: unknown } };
      if (typeof body.text !== "string") return problem(400, "Invalid Request", "One or more parameters to your request was invalid.");
      const replyTo = typeof body.reply?.in_reply_to_tweet_id === "string" ? body.reply.in_reply_to_tweet_id : undefined;
      if (tweets.some((t) => t.text === body.text && t.replyTo === replyTo)) {
        return problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
      }
      const id = String(++seq);
      tweets.push({ id, text: body.text, replyTo });
      return { status: 201, body: { data: { id, text: body.text, edit_history_tweet_ids: [id] } } };
    }
    // Hide replies: PUT /tweets/:id/hidden; only replies to the account's own posts can be hidden.
    const hide = /^\/tweets\/([^/]+)\/hidden$/.exec(req.path);
    if (req.method === "PUT" && hide) {
      const mention = mentions.find((t) => t.id === hide[1]);
      if (!mention || mention.in_reply_to_user_id !== accountId) return problem(403, "Forbidden", "You can only hide replies to your own posts.");
      if ((req.json as { hidden?: unknown })?.hidden !== true) return problem(400, "Invalid Request", "hidden must be a boolean");
      hidden.push(hide[1]);
      return { status: 200, body: { data: { hidden: true } } };
    }
    const match = /^\/users\/([^/]+)\/mentions$/.exec(req.path);
    if (req.method === "GET" && match) {
      if (match[1] !== accountId) return problem(403, "Forbidden", "You are not permitted to see this user's mentions.");
      const since = req.query.get("since_id");
      const size = pageSize ?? Number(req.query.get("max_results") ?? 10);
      const all = mentions.filter((t) => !since || BigInt(t.id) > BigInt(since)).sort(byIdDesc);
      const start = Number(req.query.get("pagination_token") ?? 0);
      const data = all.slice(start, start + size);
      if (!data.length) return { status: 200, body: { meta: { result_count: 0 } } };
      const meta: Record<string, unknown> = { result_count: data.length, newest_id: data[0].id, oldest_id: data.at(-1)!.id };
      if (start + size < all.length) meta.next_token = String(start + size);
      const includes: Record<string, unknown> = { users: [...new Set(data.map((t) => t.author_id))].flatMap((id) => users.get(id) ?? []) };
      if ((req.query.get("expansions") ?? "").split(",").includes("referenced_tweets.id")) {
        const refs = [...new Set(data.flatMap((t) => (t.referenced_tweets ?? []).map((r) => r.id)))].flatMap((id) => posts.get(id) ?? []);
        if (refs.length) includes.tweets = refs;
      }
      return { status: 200, body: { data, includes, meta } };
    }
    return problem(404, "Not Found Error", "Not found");
  };
  const renderFault = (fault: Fault): FakeResponse => {
    const generic = genericFault(fault);
    if (generic) return generic;
    if (fault.kind === "rate_limit") {
      const reset = Math.floor(Date.now() / 1000) + (fault.retryAfter ?? 60);
      const out = problem(429, "Too Many Requests", "Too Many Requests");
      return out === "hang" ? out : { ...out, headers: { "x-rate-limit-limit": "100", "x-rate-limit-remaining": "0", "x-rate-limit-reset": String(reset) } };
    }
    if (fault.kind === "access_tier") {
      return problem(403, "Client Forbidden", "This request needs an app attached to a Project with the appropriate level of API access.", {
        type: "https://api.twitter.com/2/problems/client-forbidden",
        reason: "client-not-enrolled",
        required_enrollment: "Appropriate Level of API Access",
        registration_url: "https://developer.x.com/en/portal/product",
        client_id: "12345678",
      });
    }
    return problem(503, "Service Unavailable", "Service Unavailable");
  };
  const server = await startFake({ handle, renderFault, basePath: "/2" });
  return {
    ...server,
    tweets,
    hidden,
    posts,
    addMention: ({ tweet, user }: { tweet: XTweet; user: XUser }) => {
      mentions.push(tweet);
      users.set(user.id, user);
    },
  };
}
