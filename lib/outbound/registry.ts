import type { SendReply } from "./clients/types";
import { sendReply as meta } from "./clients/meta";
import { sendReply as telegram } from "./clients/telegram";
import { sendReply as vk } from "./clients/vk";
import { sendReply as youtube } from "./clients/youtube";
import { sendReply as x } from "./clients/x";
import { sendReply as email } from "./clients/email";
import { sendReply as web } from "./clients/web";

type Client = { sendReply: SendReply; baseUrl: () => string };

const CLIENTS: Record<string, Client> = {
  facebook: { sendReply: meta, baseUrl: () => process.env.META_GRAPH_URL || "https://graph.facebook.com/v21.0" },
  instagram: { sendReply: meta, baseUrl: () => process.env.META_GRAPH_URL || "https://graph.facebook.com/v21.0" },
  telegram: { sendReply: telegram, baseUrl: () => process.env.TELEGRAM_API_URL || "https://api.telegram.org" },
  vk: { sendReply: vk, baseUrl: () => process.env.VK_API_URL || "https://api.vk.com/method" },
  youtube: { sendReply: youtube, baseUrl: () => process.env.YOUTUBE_API_URL || "https://www.googleapis.com/youtube/v3" },
  twitter: { sendReply: x, baseUrl: () => process.env.X_API_URL || "https://api.x.com/2" },
  email: { sendReply: email, baseUrl: () => process.env.SMTP_URL || "smtp://localhost:25" },
  web: { sendReply: web, baseUrl: () => "widget:" },
};

// Demo channels (but the website's, which has no platform) simulate the platform accepting the reply; they have no platform behind them.
const DEMO: Client = {
  sendReply: async ({ request }) => ({ ok: true, externalId: `demo-${request.idempotencyKey}`, sentAt: new Date() }),
  baseUrl: () => "demo:",
};

// The `api` channel has no platform to post to: the reply is delivered by the API that reads it.
export function clientFor({ kind, credentials }: { kind: string; credentials: Record<string, string> }): Client | null {
  if (credentials.demo === "1" && kind !== "web") return DEMO;
  return CLIENTS[kind] ?? null;
}
