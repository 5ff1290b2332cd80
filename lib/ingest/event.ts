import { z } from "zod";

// The one shape that enters the ingest pipeline; every adapter produces it.
export const MAX_TEXT_CHARS = 100_000;

const platformId = z.string().trim().min(1).max(512);

export const attachmentSchema = z.object({
  kind: z.string().trim().min(1).max(32),
  url: z.string().trim().min(1).max(4096),
});

export const authorSchema = z.object({
  id: platformId,
  handle: z.string().max(512).optional(),
  name: z.string().max(1024).optional(),
  followers: z.number().int().nonnegative().max(10_000_000_000).optional(),
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
    automated: z.boolean().optional(),
    url: z.string().max(4096).optional(),
    attachments: z.array(attachmentSchema).max(100).optional(),
    channel: z.string().trim().min(1).max(64).optional(),
    // The brand's post, video or message a comment sits under: context for the classifier,
    // never stored as a message of the thread.
    post: z.object({ id: platformId, text: z.string().max(MAX_TEXT_CHARS) }).optional(),
    // Platform-side edits and deletions of a message already stored: kept, marked.
    action: z.enum(["create", "edit", "delete"]).default("create"),
  })
  .refine((e) => !e.automated || e.direction === "outbound", {
    message: "automated applies to outbound events only",
    path: ["automated"],
  });

export type InboundEventInput = z.input<typeof inboundEventSchema>;
export type InboundEvent = z.output<typeof inboundEventSchema>;
