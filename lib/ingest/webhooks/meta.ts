import { and, eq, ne } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { channels } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseJson } from "@/lib/api/http";
import { metaVerifyChallenge, parseMetaWebhook, verifyMetaSignature } from "@/lib/ingest/adapters/meta";
import { decryptCredentials } from "@/lib/security/credentials";
import { withPostContext } from "@/lib/ingest/post-context/attach";
import { ingestForChannel } from "./channel";

export function answerMetaChallenge({ query, verifyToken }: { query: URLSearchParams; verifyToken: string }): string {
  const result = metaVerifyChallenge({ query, verifyToken });
  if (!result.ok) throw new AppError("forbidden:verify_token", "Wrong verify token.");
  return result.challenge;
}

/**
 * One Meta app serves every page of the installation: the signature is checked over the raw
 * body, then each entry goes to the channels of its page / Instagram account. Entries of an
 * account no channel has are counted, not refused: a non-2xx makes Meta disable the webhook.
 */
export async function handleMetaWebhook({ db = database(), rawBody, signature, appSecret, appId, now, graphUrl }: {
  db?: Db; rawBody: Buffer; signature: string | null; appSecret: string; appId?: string; now?: number;
  /** Graph API base URL for the post context; META_GRAPH_URL by default. */
  graphUrl?: string;
}): Promise<{ stored: number; duplicates: number; unrouted: number }> {
  if (!verifyMetaSignature({ rawBody, header: signature, appSecret })) throw new AppError("unauthorized:signature", "Bad X-Hub-Signature-256.");
  const groups = parseMetaWebhook(parseJson(rawBody), { appId });
  let stored = 0;
  let duplicates = 0;
  let unrouted = 0;
  for (const group of groups) {
    const kind = group.object === "page" ? "facebook" : "instagram";
    const rows = await db.select().from(channels).where(and(eq(channels.kind, kind), eq(channels.accountId, group.accountId), ne(channels.status, "paused")));
    if (!rows.length) unrouted += group.events.length;
    const ours = new Set(group.fromOurApp);
    const events = group.events.filter((e) => !ours.has(e.externalId));
    for (const row of rows) {
      // Meta needs no per-channel secret to receive: the app secret signed the body. The page
      // token, when set, reads the post a comment sits under.
      const channel = { id: row.id, brandId: row.brandId, kind: row.kind, accountId: row.accountId, status: row.status, credentials: pageCredentials(row.credentials) };
      const withPosts = await withPostContext({ channel, events, baseUrl: graphUrl });
      const outcomes = await ingestForChannel({ db, channel, events: withPosts, now });
      stored += outcomes.filter((o) => !o.duplicate).length;
      duplicates += outcomes.filter((o) => o.duplicate).length;
    }
  }
  return { stored, duplicates, unrouted };
}

function pageCredentials(stored: string | null): Record<string, string> {
  try {
    return decryptCredentials(stored);
  } catch {
    return {};
  }
}
