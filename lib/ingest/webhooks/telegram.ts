import { database, type Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { parseJson } from "@/lib/api/http";
import { parseTelegramUpdate, verifyTelegramSecret } from "@/lib/ingest/adapters/telegram";
import { failOnChannel, ingestForChannel, loadWebhookChannel, webhookRefused } from "./channel";

// The secret header is checked before the body is parsed; only an authenticated call can
// change the channel's health.
export async function handleTelegramWebhook({ db = database(), channelId, rawBody, secretHeader, now }: {
  db?: Db; channelId: string; rawBody: Buffer; secretHeader: string | null; now?: number;
}): Promise<{ stored: number; duplicates: number }> {
  const channel = await loadWebhookChannel({ db, rawId: channelId, kind: "telegram" });
  if (!verifyTelegramSecret({ header: secretHeader, secret: channel.credentials.webhookSecret ?? "" }))
    throw webhookRefused();
  let body: unknown;
  try {
    body = parseJson(rawBody);
  } catch (error) {
    throw await failOnChannel({ db, channelId: channel.id, error: error as AppError, message: "Received a webhook body that is not valid JSON." });
  }
  const botId = channel.accountId || channel.credentials.botToken?.split(":")[0];
  const outcomes = await ingestForChannel({ db, channel, events: parseTelegramUpdate(body, { botId }), now });
  return { stored: outcomes.filter((o) => !o.duplicate).length, duplicates: outcomes.filter((o) => o.duplicate).length };
}
