import { z } from "zod";

// The one shape that enters the ingest pipeline; every adapter produces it.
export const MAX_TEXT_CHARS = 100_000;
export const MAX_MAIL_HTML = 200_000;

const platformId = z.string().trim().min(1).max(512);

// A reference to a file on the platform (for e-mail, an IMAP URL of the part): never its content.
export const attachmentSchema = z.object({
  kind: z.string().trim().min(1).max(32),
  url: z.string().trim().min(1).max(4096),
  name: z.string().max(512).optional(),
  size: z.number().int().nonnegative().max(10_000_000_000).optional(),
  contentType: z.string().max(255).optional(),
});

export const authorSchema = z.object({
  id: platformId,
  handle: z.string().max(512).optional(),
  name: z.string().max(1024).optional(),
  followers: z.number().int().nonnegative().max(10_000_000_000).optional(),
  // The language the platform says the person uses (Telegram's language_code): a hint for short texts.
  language: z.string().trim().toLowerCase().regex(/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/).optional(),
});

export const inboundEventSchema = z
  .object({
    externalId: platformId,
    kind: z.enum(["public_comment", "private_message"]).default("public_comment"),
    threadId: platformId.optional(),
    inReplyTo: platformId.optional(),
    author: authorSchema,
    text: z.string().max(MAX_TEXT_CHARS),
    createdAt: z.iso.datetime({ offset: true }),
    direction: z.enum(["inbound", "outbound"]).default("inbound"),
    // Outbound: an auto-reply that is no answer. Inbound: an auto-reply, bounce or bulk mail that starts no clock.
    automated: z.boolean().optional(),
    url: z.string().max(4096).optional(),
    attachments: z.array(attachmentSchema).max(100).optional(),
    channel: z.string().trim().min(1).max(64).optional(),
    // The brand's post, video or message a comment sits under: context for the classifier,
    // never stored as a message of the thread.
    post: z.object({ id: platformId, text: z.string().max(MAX_TEXT_CHARS) }).optional(),
    // E-mail: every Message-ID of the References chain, the subject, the quoted history cut off
    // the text, and the signed reply-address token of the conversation the mail was sent to.
    references: z.array(platformId).max(100).optional(),
    subject: z.string().max(1000).optional(),
    quoted: z.string().max(MAX_TEXT_CHARS).optional(),
    html: z.string().max(MAX_MAIL_HTML).optional(),
    replyToken: z.string().max(128).optional(),
    // An edit's own time when the platform gives only the original's (VK sends the comment's date).
    editedAt: z.iso.datetime({ offset: true }).optional(),
    // Platform-side edits and deletions of a message already stored: kept, marked.
    action: z.enum(["create", "edit", "delete"]).default("create"),
  });

export type InboundEventInput = z.input<typeof inboundEventSchema>;
export type InboundEvent = z.output<typeof inboundEventSchema>;
