import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { z } from "zod";
import { database, type Db } from "@/db/client";
import { contacts, conversations, messages } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import type { Widget } from "./channel";
import { limitRate, WIDGET_LIMITS } from "./rate-limit";

export const MAX_VISITOR_TEXT = 5_000;
export const MAX_WIDGET_BODY_BYTES = 16_384;
const HISTORY = 200;

export type VisitorMessage = { id: string; from: "visitor" | "agent"; text: string; at: string };

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

export const visitorMessageSchema = z.object({
  text: z.string().trim().min(1, "Write a message first.").max(MAX_VISITOR_TEXT, `A message has at most ${MAX_VISITOR_TEXT} characters.`),
  name: optionalText(200),
  email: optionalText(254).pipe(z.email("This is not an e-mail address.").optional()),
  // The honeypot: a field people never see, so only a form-filling robot fills it.
  website: z.string().max(2000).optional(),
  // The widget's own id for a message, so a retry after a lost answer is stored once.
  clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
});
export type VisitorMessageInput = z.input<typeof visitorMessageSchema>;

export function parseVisitorMessage({ widget, input }: { widget: Widget; input: unknown }): z.output<typeof visitorMessageSchema> {
  const result = visitorMessageSchema.safeParse(input);
  if (!result.success) {
    const fields = result.error.issues.map((i) => ({ path: i.path.join(".") || "body", message: i.message }));
    throw new AppError("bad_request:message", fields.map((f) => `${f.path}: ${f.message}`).join("; "), { fields });
  }
  if (result.data.website) throw new AppError("bad_request:honeypot", "This looks like an automated submission; nothing was stored.");
  if (widget.mode === "form" && !result.data.email) throw new AppError("bad_request:email", "email: Leave an e-mail address so the team can answer you.", { fields: [{ path: "email", message: "Leave an e-mail address so the team can answer you." }] });
  return result.data;
}

async function visitorContact(db: Db, widget: Widget, visitorId: string) {
  const [contact] = await db
    .select({ id: contacts.id, handle: contacts.handle, name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.channelId, widget.channelId), eq(contacts.externalId, visitorId)))
    .limit(1);
  return contact ?? null;
}

/** The visitor's conversations on this channel (one private dialogue, reopened when they write again). */
export async function visitorConversationIds({ db = database(), widget, visitorId }: { db?: Db; widget: Widget; visitorId: string }): Promise<number[]> {
  const contact = await visitorContact(db, widget, visitorId);
  if (!contact) return [];
  const rows = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.contactId, contact.id), eq(conversations.channelId, widget.channelId), eq(conversations.brandId, widget.brandId)));
  return rows.map((row) => row.id);
}

/** The visitor's own conversation on this channel: their messages and the replies sent to them, never notes or queued drafts. */
export async function visitorMessages({ db = database(), widget, visitorId }: { db?: Db; widget: Widget; visitorId: string }): Promise<VisitorMessage[]> {
  const contact = await visitorContact(db, widget, visitorId);
  if (!contact) return [];
  const rows = await db
    .select({ id: messages.id, direction: messages.direction, text: messages.text, createdAt: messages.createdAt, sentAt: messages.sentAt })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(conversations.contactId, contact.id),
        eq(conversations.channelId, widget.channelId),
        eq(conversations.brandId, widget.brandId),
        eq(messages.brandId, widget.brandId),
        inArray(messages.direction, ["inbound", "outbound"]),
        or(eq(messages.direction, "inbound"), eq(messages.deliveryState, "sent"), isNull(messages.deliveryState)),
        isNull(messages.hiddenAt),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(HISTORY);
  return rows.reverse().map((row) => ({
    id: String(row.id),
    from: row.direction === "inbound" ? "visitor" : "agent",
    text: row.text,
    at: (row.sentAt ?? row.createdAt).toISOString(),
  }));
}

/**
 * A visitor's message enters the inbox through the ingest pipeline as a private message on the
 * web channel: one transaction, so a refusal or failure stores nothing. Name and e-mail, when
 * given, go on the contact (the e-mail as its handle) and are kept when a later message omits them.
 */
export async function postVisitorMessage({ db = database(), widget, visitorId, ip, input, now = Date.now() }: { db?: Db; widget: Widget; visitorId: string; ip: string; input: unknown; now?: number }): Promise<VisitorMessage> {
  await limitRate({ db, key: `visitor:${widget.channelId}:${visitorId}`, limit: WIDGET_LIMITS.visitorMessages, what: "messages from you", now });
  await limitRate({ db, key: `messages:${ip}`, limit: WIDGET_LIMITS.ipMessages, what: "messages from this address", now });
  const message = parseVisitorMessage({ widget, input });
  const known = await visitorContact(db, widget, visitorId);
  const event = inboundEventSchema.parse({
    externalId: `${visitorId}:${message.clientId ?? crypto.randomUUID()}`,
    kind: "private_message",
    // An anonymous visitor still gets a name agents can tell apart in the inbox.
    author: { id: visitorId, handle: message.email ?? known?.handle ?? undefined, name: message.name ?? known?.name ?? `Website visitor ${visitorId.slice(0, 6)}` },
    text: message.text,
    createdAt: new Date(now).toISOString(),
  });
  const [outcome] = await ingestBatch({ db, brandId: widget.brandId, items: [{ event, channelId: widget.channelId }], now });
  if (!outcome?.messageId) throw new AppError("conflict:message", "The message could not be stored; nothing was kept.");
  return { id: outcome.messageId, from: "visitor", text: message.text, at: new Date(now).toISOString() };
}
