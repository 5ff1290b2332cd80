import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { brands, channels, conversations, messages, webChannels } from "@/db/schema";
import { smtpConfig } from "@/lib/escalation/mail";
import { isLocale, translator } from "@/lib/i18n/messages";
import { parseSender, sendReply as sendMail } from "@/lib/outbound/clients/email";
import { sendReply as showInWidget } from "@/lib/outbound/clients/web";
import type { ReplyRequest, SendResult } from "@/lib/outbound/clients/types";
import { decryptCredentials } from "@/lib/security/credentials";
import { teamOnlineAt } from "./channel";
import { issueVisitorToken } from "./token";

// A visitor who wrote from the contact form, or while the team was offline, was promised the
// answer by e-mail. The reply is then delivered by that mail (the widget shows it once it is
// sent): through the brand's e-mail channel, else the installation's sender (SMTP_URL,
// SMTP_FROM), with a link that reopens the conversation in the widget. One send, one
// Message-ID from the reply's idempotency key, so a retry is the same mail.

export const LINK_PARAM = "replyhour";

type Sender = { baseUrl: string; credentials: Record<string, string>; simulated: boolean };
export type WebReply = { brandId: number; channelId: number; conversationId: number; visitorId: string; address: string | null; request: ReplyRequest };

/** Whether the reply goes by e-mail: an address was left, and the form asked for it or the team was offline when the visitor last wrote. */
async function wantsMail(db: Db, reply: WebReply): Promise<boolean> {
  if (!reply.address || !parseSender(reply.address)) return false;
  const [site] = await db
    .select({ mode: webChannels.mode })
    .from(webChannels)
    .where(and(eq(webChannels.channelId, reply.channelId), eq(webChannels.brandId, reply.brandId)))
    .limit(1);
  if (!site) return false;
  if (site.mode === "form") return true;
  const [last] = await db
    .select({ createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.conversationId, reply.conversationId), eq(messages.brandId, reply.brandId), eq(messages.direction, "inbound")))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  return last != null && !(await teamOnlineAt({ db, brandId: reply.brandId, at: last.createdAt.getTime() }));
}

async function sender(db: Db, brandId: number, brandName: string): Promise<Sender | null> {
  const mailboxes = await db
    .select({ accountId: channels.accountId, credentials: channels.credentials })
    .from(channels)
    .where(and(eq(channels.brandId, brandId), eq(channels.kind, "email"), ne(channels.status, "paused")))
    .orderBy(asc(channels.id));
  for (const mailbox of mailboxes) {
    const credentials = decryptCredentials(mailbox.credentials);
    const from = credentials.from || mailbox.accountId || "";
    if (!parseSender(from)) continue;
    return { baseUrl: process.env.SMTP_URL || "smtp://localhost:25", credentials: { ...credentials, from }, simulated: credentials.demo === "1" };
  }
  const system = smtpConfig();
  const address = system ? parseSender(system.from) : null;
  if (!system || !address) return null;
  const credentials: Record<string, string> = { from: `"${brandName.replace(/["\\\r\n]/g, "")}" <${address.address}>` };
  if (system.user) credentials.user = system.user;
  if (system.password) credentials.password = system.password;
  return { baseUrl: system.baseUrl, credentials, simulated: false };
}

// The brand's previous mailed answer in this conversation: the new one answers it, so the
// visitor's mail program shows one thread.
async function previousMail(db: Db, reply: WebReply): Promise<string | null> {
  const [previous] = await db
    .select({ externalId: messages.externalId })
    .from(messages)
    .where(and(eq(messages.conversationId, reply.conversationId), eq(messages.brandId, reply.brandId), eq(messages.direction, "outbound"), eq(messages.deliveryState, "sent")))
    .orderBy(desc(messages.sentAt), desc(messages.id))
    .limit(1);
  return previous?.externalId && /^<[^<>\s]+@[^<>\s]+>$/.test(previous.externalId) ? previous.externalId : null;
}

/** Delivers an agent's reply on a web channel: by e-mail when the visitor asked for it, else to the widget alone. */
export async function sendWebReply({ db, reply }: { db: Db; reply: WebReply }): Promise<SendResult> {
  // The demo's sites have no mail behind them: the answer is shown in the widget as if mailed.
  const demo = reply.request.channel.credentials.demo === "1";
  if (demo || reply.request.conversation.kind !== "private_message" || !(await wantsMail(db, reply))) return showInWidget({ baseUrl: "widget:", request: reply.request });
  const [context] = await db
    .select({ brandName: brands.name, language: conversations.language, origins: webChannels.origins })
    .from(conversations)
    .innerJoin(brands, eq(brands.id, conversations.brandId))
    .innerJoin(webChannels, eq(webChannels.channelId, conversations.channelId))
    .where(and(eq(conversations.id, reply.conversationId), eq(conversations.brandId, reply.brandId)))
    .limit(1);
  if (!context) return { ok: false, retryable: false, code: "not_found", reason: "The conversation's website channel is gone." };
  const from = await sender(db, reply.brandId, context.brandName);
  if (!from) return { ok: false, retryable: false, code: "invalid_request", reason: "The visitor asked for the answer by e-mail, but the brand has no e-mail channel and SMTP_URL / SMTP_FROM are not set." };
  if (from.simulated) return { ok: true, externalId: `web-${reply.request.idempotencyKey}`, sentAt: new Date() };
  const t = translator(isLocale(context.language) ? context.language : "en");
  const { token } = issueVisitorToken({ channelId: reply.channelId, visitorId: reply.visitorId });
  const site = context.origins[0];
  const link = site ? `${site}/#${LINK_PARAM}=${encodeURIComponent(token)}` : null;
  const text = link ? `${reply.request.text}\n\n-- \n${t("widget.mail.continue", { link })}` : reply.request.text;
  const parent = await previousMail(db, reply);
  return sendMail({
    baseUrl: from.baseUrl,
    request: {
      ...reply.request,
      channel: { kind: "email", accountId: from.credentials.from, credentials: from.credentials },
      conversation: { kind: "private_message", externalThreadId: null, contactExternalId: reply.address! },
      inReplyToExternalId: parent,
      subject: t("widget.mail.subject", { brand: context.brandName }),
      text,
    },
  });
}
