import { database, type Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { parseJson } from "@/lib/api/http";
import { parseVkCallback } from "@/lib/ingest/adapters/vk";
import { withPostContext } from "@/lib/ingest/post-context/attach";
import { failOnChannel, ingestForChannel, loadWebhookChannel } from "./channel";

export type VkAnswer = { text: string };

// VK puts its secret inside the JSON body, so the body is parsed first; VK wants the plain text "ok".
export async function handleVkWebhook({ db = database(), channelId, rawBody, now, apiUrl }: {
  db?: Db; channelId: string; rawBody: Buffer; now?: number;
  /** VK API base URL for the post context; VK_API_URL by default. */
  apiUrl?: string;
}): Promise<VkAnswer> {
  const channel = await loadWebhookChannel({ db, rawId: channelId, kind: "vk" });
  let body: unknown;
  try {
    body = parseJson(rawBody);
  } catch (error) {
    throw await failOnChannel({ db, channelId: channel.id, error: error as AppError, message: "Received a callback body that is not valid JSON." });
  }
  const { confirmationCode, secret } = channel.credentials;
  if (!channel.accountId || !secret)
    throw await failOnChannel({ db, channelId: channel.id, error: new AppError("unauthorized:channel", "The channel has no group id or secret."), message: "A callback arrived but the channel has no group id or secret key set." });
  const result = parseVkCallback(body, { groupId: channel.accountId, secret, now: now ? new Date(now) : undefined });
  if (result.type === "forbidden")
    throw await failOnChannel({ db, channelId: channel.id, error: new AppError("unauthorized:signature", "Wrong secret or group."), message: "Rejected a callback with a wrong secret key or group id." });
  if (result.type === "confirmation") {
    if (!confirmationCode)
      throw await failOnChannel({ db, channelId: channel.id, error: new AppError("not_found:confirmation_code", "No confirmation code is set."), message: "VK asked for the confirmation code but none is set." });
    return { text: confirmationCode };
  }
  if (result.type === "event") {
    const events = await withPostContext({ channel, events: result.events, baseUrl: apiUrl });
    await ingestForChannel({ db, channel, events, now });
  }
  return { text: "ok" };
}
