import { database, type Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { parseJson } from "@/lib/api/http";
import { parseVkCallback } from "@/lib/ingest/adapters/vk";
import { withPostContext } from "@/lib/ingest/post-context/attach";
import { ingestForChannel, loadWebhookChannel, webhookRefused } from "./channel";

export type VkAnswer = { text: string };

// VK puts its secret inside the JSON body, so the body is parsed first; VK wants the plain text "ok".
// Before the secret is checked nothing is recorded on the channel, and an unknown channel, a
// channel without a secret and a wrong secret all get the same answer.
export async function handleVkWebhook({ db = database(), channelId, rawBody, now, apiUrl }: {
  db?: Db; channelId: string; rawBody: Buffer; now?: number;
  /** VK API base URL for the post context; VK_API_URL by default. */
  apiUrl?: string;
}): Promise<VkAnswer> {
  const body = parseJson(rawBody);
  const channel = await loadWebhookChannel({ db, rawId: channelId, kind: "vk" });
  const { confirmationCode, secret } = channel.credentials;
  if (!channel.accountId || !secret) throw webhookRefused();
  const result = parseVkCallback(body, { groupId: channel.accountId, secret, now: now ? new Date(now) : undefined });
  if (result.type === "forbidden") throw webhookRefused();
  if (result.type === "confirmation") {
    // The confirmation request carries no secret: it must not change the channel's health either.
    if (!confirmationCode) throw new AppError("not_found:confirmation_code", "No confirmation code is set.");
    return { text: confirmationCode };
  }
  if (result.type === "event") {
    const events = await withPostContext({ channel, events: result.events, baseUrl: apiUrl });
    await ingestForChannel({ db, channel, events, now });
  }
  return { text: "ok" };
}
