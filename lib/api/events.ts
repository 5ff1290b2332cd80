import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { database, type Db } from "@/db/client";
import { channels, contacts, messages } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/auth/authorize";
import type { TokenPrincipal } from "@/lib/auth/tokens";
import { apiChannelId } from "@/lib/brands/brands";
import { inboundEventSchema, type InboundEvent } from "@/lib/ingest/event";
import type { IngestOutcome } from "@/lib/ingest/pipeline";
import { ingestTogether } from "@/lib/ingest/together";

export const MAX_EVENTS = 1000;

type FieldError = { path: string; message: string };

function pathOf(prefix: string, path: PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), prefix);
}

// The whole body is validated before anything is written: one bad event stores nothing.
export function parseEventsBody(body: unknown): { events: InboundEvent[]; batch: boolean } {
  const batch = !!body && typeof body === "object" && !Array.isArray(body) && "events" in body;
  const list: unknown[] = batch ? ((body as { events: unknown }).events as unknown[]) : [body];
  if (!Array.isArray(list)) throw new AppError("bad_request:events", "events must be an array.", { fields: [{ path: "events", message: "Expected an array" }] });
  if (list.length === 0) throw new AppError("bad_request:events", "events is empty.", { fields: [{ path: "events", message: "Send at least one event" }] });
  if (list.length > MAX_EVENTS)
    throw new AppError("bad_request:events", `At most ${MAX_EVENTS} events per request.`, { fields: [{ path: "events", message: `Too many events (${list.length})` }] });
  const fields: FieldError[] = [];
  const events: InboundEvent[] = [];
  list.forEach((item, index) => {
    const result = inboundEventSchema.safeParse(item);
    if (result.success) events.push(result.data);
    else for (const issue of result.error.issues) fields.push({ path: pathOf(batch ? `events[${index}]` : "", issue.path), message: issue.message });
  });
  if (fields.length) throw new AppError("bad_request:event", `Invalid event${batch ? "s" : ""}: ${fields.slice(0, 3).map((f) => `${f.path || "body"}: ${f.message}`).join("; ")}`, { fields });
  return { events, batch };
}

export type IngestResult = { accepted: number; duplicates: number; events: IngestOutcome[] };

/**
 * POST /api/v1/events for an authenticated token: the token needs the ingest scope before its
 * body is read; then the whole body is validated, and every event stored in one batch.
 */
export async function receiveEvents({ db = database(), token, readBody }: { db?: Db; token: TokenPrincipal; readBody: () => Promise<unknown> }): Promise<IngestResult> {
  const { brandId } = authorize({ actor: { kind: "token", token }, brandId: token.brandId, needs: { scope: "ingest" } });
  const { events } = parseEventsBody(await readBody());
  return ingestApiEvents({ db, brandId, events });
}

// A channel named by its id: digits only, within a safe integer.
const channelIdOf = (channel: string | undefined): number | null => (channel && /^\d{1,15}$/.test(channel) ? Number(channel) : null);

export async function ingestApiEvents({ db, brandId, events }: { db: Db; brandId: number; events: InboundEvent[] }): Promise<IngestResult> {
  const defaultChannel = await apiChannelId({ db, brandId });
  // The channels the events name, of the token's brand, read in one statement.
  const named = [...new Set(events.map((e) => channelIdOf(e.channel)).filter((id): id is number => id != null))];
  const ours = new Set(named.length ? (await db.select({ id: channels.id }).from(channels).where(and(inArray(channels.id, named), eq(channels.brandId, brandId)))).map((c) => c.id) : []);
  const known = new Map<string, number>();
  const fields: FieldError[] = [];
  for (const [index, event] of events.entries()) {
    if (!event.channel || known.has(event.channel)) continue;
    const id = channelIdOf(event.channel);
    if (id != null && ours.has(id)) known.set(event.channel, id);
    else fields.push({ path: `events[${index}].channel`, message: `Unknown channel ${event.channel}` });
  }
  if (fields.length) throw new AppError("bad_request:channel", fields.map((f) => f.message).join("; "), { fields });
  await requireOwnEdits({ db, events, channelOf: (event) => (event.channel ? known.get(event.channel)! : defaultChannel) });
  const outcomes = await ingestTogether({
    db,
    brandId,
    items: events.map((event) => ({ event, channelId: event.channel ? known.get(event.channel)! : defaultChannel })),
  });
  const duplicates = outcomes.filter((o) => o.duplicate).length;
  return { accepted: outcomes.filter((o) => !o.duplicate && o.messageId != null).length, duplicates, events: outcomes };
}

// A token may edit or delete only what came in through the API, as the same author: it must
// not rewrite a customer's words on a platform channel, nor another author's message.
async function requireOwnEdits({ db, events, channelOf }: { db: Db; events: InboundEvent[]; channelOf: (event: InboundEvent) => number }): Promise<void> {
  const fields: FieldError[] = [];
  for (const [index, event] of events.entries()) {
    if (event.action === "create") continue;
    const channelId = channelOf(event);
    const [channel] = await db.select({ kind: channels.kind }).from(channels).where(eq(channels.id, channelId));
    const [stored] = await db
      .select({ author: contacts.externalId })
      .from(messages)
      .leftJoin(contacts, eq(contacts.id, messages.contactId))
      .where(and(eq(messages.channelId, channelId), eq(messages.externalId, event.externalId)));
    if (!stored) continue;
    if (channel?.kind !== "api") fields.push({ path: `events[${index}].action`, message: "Edits and deletions through the API apply only to messages of the API channel" });
    else if (stored.author !== event.author.id) fields.push({ path: `events[${index}].author.id`, message: "Only the message's own author can edit or delete it" });
  }
  if (fields.length) throw new AppError("forbidden:message", fields.map((f) => f.message).join("; "), { fields });
}

export const conversationFilterSchema = z.object({
  status: z.enum(["open", "pending", "snoozed", "resolved"]).optional(),
  category: z.enum(["request", "noise"]).optional(),
  channel: z.string().regex(/^\d+$/).optional(),
  assignee: z.union([z.literal("none"), z.string().regex(/^\d+$/)]).optional(),
  slaState: z.enum(["on_track", "at_risk", "breached", "met", "missed"]).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
});
