import { z } from "zod";
import { CATEGORIES, CHANNEL_KINDS, DELIVERY_STATES, DIRECTIONS, PRIORITIES, SENTIMENTS, SLA_STATES, STATUSES } from "@/db/schema";
import { MAX_LABELS } from "@/lib/conversations/actions";
import { inboundEventSchema } from "@/lib/ingest/event";

// The API's shapes, once: routes validate with them and the OpenAPI document is generated from
// them. Response shapes are strict, so a field the code adds without documenting fails the tests.

export const idParam = z.string().regex(/^\d{1,15}$/, "An id is a string of digits.");
const id = z.string().describe("A decimal id.");
const when = z.iso.datetime().describe("ISO 8601, UTC.");
const maybe = <T extends z.ZodType>(schema: T) => schema.nullable();

export const errorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().describe("unauthorized, forbidden, not_found, bad_request, conflict, unprocessable, …"),
    message: z.string(),
    fields: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const eventsBodySchema = z.union([inboundEventSchema, z.object({ events: z.array(inboundEventSchema).min(1).max(1000) })]);

export const ingestResultSchema = z.strictObject({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  events: z.array(
    z.strictObject({
      externalId: z.string(),
      messageId: maybe(id),
      conversationId: maybe(id),
      duplicate: z.boolean(),
    }),
  ),
});

export const conversationSchema = z.strictObject({
  id,
  status: z.enum(STATUSES),
  category: z.enum(CATEGORIES),
  complaint: z.boolean(),
  sentiment: z.enum(SENTIMENTS),
  sentimentScore: z.number(),
  language: maybe(z.string()),
  priority: z.enum(PRIORITIES),
  labels: z.array(z.string()),
  snoozedUntil: maybe(when),
  assignee: maybe(z.strictObject({ id, name: z.string() })),
  channel: z.strictObject({ id, kind: z.enum(CHANNEL_KINDS), name: z.string() }),
  contact: z.strictObject({ id, handle: maybe(z.string()), name: maybe(z.string()) }),
  firstInboundAt: maybe(when),
  firstResponseAt: maybe(when),
  firstResponseDueAt: maybe(when),
  slaState: maybe(z.enum(SLA_STATES)),
  lastMessageAt: maybe(when),
  preview: z.string(),
});

export const conversationListSchema = z.strictObject({
  conversations: z.array(conversationSchema),
  nextCursor: maybe(z.string()).describe("Pass as cursor for the next page; null on the last."),
});

export const messageSchema = z.strictObject({
  id,
  direction: z.enum(DIRECTIONS),
  externalId: maybe(z.string()),
  inReplyTo: maybe(z.string()),
  text: z.string(),
  createdAt: maybe(when),
  receivedAt: maybe(when),
  automated: z.boolean(),
  language: maybe(z.string()),
  category: maybe(z.enum(CATEGORIES)),
  complaint: maybe(z.boolean()),
  sentiment: maybe(z.enum(SENTIMENTS)),
  sentimentScore: maybe(z.number()),
  deliveryState: maybe(z.enum(DELIVERY_STATES)),
  editedAt: maybe(when),
  deletedOnPlatformAt: maybe(when),
});

export const cycleSchema = z.strictObject({
  number: z.number().int(),
  category: z.enum(CATEGORIES),
  startedAt: maybe(when),
  firstResponseAt: maybe(when),
  firstResponseSeconds: maybe(z.number().int()),
  firstResponseBusinessSeconds: maybe(z.number().int()),
  targetSeconds: z.number().int(),
  dueAt: maybe(when),
  slaState: maybe(z.enum(SLA_STATES)),
  resolvedAt: maybe(when),
});

export const conversationDetailSchema = conversationSchema.extend({ messages: z.array(messageSchema), cycles: z.array(cycleSchema) });

const text = z.string().trim().min(1, "Write some text first.").max(10_000);

export const replyBodySchema = z.strictObject({
  text,
  visibility: z.enum(["public", "private"]).describe("public answers where the customer wrote; private sends a direct message."),
  automated: z.boolean().optional().describe("A bot's answer: sent, but never counted as the first response."),
});

export const replySchema = z.strictObject({
  id,
  conversationId: id,
  visibility: z.enum(["public", "private"]),
  automated: z.boolean(),
  deliveryState: z.enum(DELIVERY_STATES),
});

export const noteBodySchema = z.strictObject({ text });

export const noteSchema = z.strictObject({ id, conversationId: id, mentioned: z.number().int().describe("Teammates notified by an @mention.") });

export const conversationPatchSchema = z
  .strictObject({
    status: z.enum(STATUSES).optional(),
    snoozeUntil: z.iso.datetime({ offset: true }).optional().describe("Snoozes the conversation until then (status snoozed, which may be omitted)."),
    assigneeId: idParam.nullable().optional().describe("A member of the brand, or null for nobody. Anyone but yourself needs the manager role."),
    priority: z.enum(PRIORITIES).optional(),
    labels: z.array(z.string().trim().min(1).max(40)).max(MAX_LABELS).optional().describe("The whole new set of labels."),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "Name at least one field to change." })
  .refine((body) => !(body.status === "snoozed" && !body.snoozeUntil), { message: "Snoozing needs snoozeUntil.", path: ["snoozeUntil"] })
  .refine((body) => !(body.snoozeUntil && body.status && body.status !== "snoozed"), { message: "snoozeUntil goes with status snoozed.", path: ["status"] });

export const classificationBodySchema = z
  .strictObject({
    category: z.enum(CATEGORIES).optional(),
    sentiment: z.enum(SENTIMENTS).optional(),
    complaint: z.boolean().optional().describe("A complaint is always a request."),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "Name at least one of category, sentiment, complaint." });

export const classificationSchema = z.strictObject({
  id,
  conversationId: id,
  category: maybe(z.enum(CATEGORIES)),
  complaint: z.boolean(),
  sentiment: maybe(z.enum(SENTIMENTS)),
  corrected: z.boolean(),
});

export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, "Printable ASCII without spaces.")
  .describe("Any unique string (a UUID): a repeat within 24 hours returns the first answer and does nothing again.");
