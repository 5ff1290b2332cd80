import type { ChannelKind } from "@/db/schema";

export type CredentialField = { key: string; label: string; secret: boolean };

const token = (key: string, label: string): CredentialField => ({ key, label, secret: true });
const plain = (key: string, label: string): CredentialField => ({ key, label, secret: false });

// What each platform needs; keys match what the adapters, pollers and outbound clients read.
export const CREDENTIAL_FIELDS: Record<ChannelKind, CredentialField[]> = {
  facebook: [token("accessToken", "Page access token")],
  instagram: [token("accessToken", "Page access token")],
  telegram: [token("botToken", "Bot token"), token("webhookSecret", "Webhook secret token")],
  vk: [token("accessToken", "Community access token"), plain("confirmationCode", "Confirmation code"), token("secret", "Secret key")],
  youtube: [token("apiKey", "API key"), token("accessToken", "OAuth access token")],
  twitter: [token("bearerToken", "Bearer token"), token("accessToken", "OAuth 2.0 user access token")],
  email: [
    plain("imapUrl", "IMAP URL (imaps://host:993/INBOX or imap://…)"),
    plain("smtpUrl", "SMTP URL (smtps://host:465 or smtp://…)"),
    plain("user", "Mailbox user"),
    token("password", "Mailbox password"),
    plain("from", "From address (\"Brand Support <support@brand.example>\")"),
  ],
  web: [plain("origins", "Allowed origins"), plain("mode", "Mode (chat or form)"), plain("showResponseTime", "Show the response time")],
  api: [],
};

export const ACCOUNT_ID_LABEL: Partial<Record<ChannelKind, string>> = {
  facebook: "Page id",
  instagram: "Instagram professional account id",
  telegram: "Bot user id (optional)",
  vk: "Community (group) id",
  youtube: "YouTube channel id",
  twitter: "X user id",
  email: "Mailbox address",
};

export const POLLED_KINDS = ["youtube", "twitter", "email"] as const;

export function webhookPath({ kind, channelId }: { kind: ChannelKind; channelId: number }): string | null {
  if (kind === "facebook" || kind === "instagram") return "/api/webhooks/meta";
  if (kind === "telegram") return `/api/webhooks/telegram/${channelId}`;
  if (kind === "vk") return `/api/webhooks/vk/${channelId}`;
  return null;
}
