import { and, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { channels, conversations, messages } from "@/db/schema";
import { engineKind } from "@/db/engine";
import { selectRows } from "@/db/sql";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema, type InboundEventInput } from "@/lib/ingest/event";
import { addNote, correctMessage } from "@/lib/conversations/actions";
import { notify } from "@/lib/notifications/notify";
import type { Classification } from "@/lib/classify/types";
import { makeBrand, makeMember } from "../helpers/db";

// A person who wrote to a brand, was answered, named in notes and a bell entry, and corrected.
export const T0 = Date.parse("2026-03-02T10:00:00Z");
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
// Distinctive words that must leave every column and every byte of the database.
export const SECRET = "Quokkaplum7731";
export const NAME = "Zenobia Thistlewood";
export const HANDLE = "@zenthistle";

function fakeClassify(text: string): Classification {
  const request = /\?|refund|broken/i.test(text);
  return { language: "en", category: request ? "request" : "noise", complaint: /broken/i.test(text), sentiment: "neutral", sentimentScore: 0, confidence: 0.9, reasons: [`“${text.split(" ")[0].toLowerCase()}”`], modelVersion: "test" };
}

export async function seedPerson(db: Db) {
  const brand = await makeBrand({ db });
  const other = await makeBrand({ db });
  const admin = await makeMember({ db, brandId: brand.id, role: "admin" });
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "facebook", name: "FB", accountId: "page-1" }).returning());
  const ingest = (events: InboundEventInput[]) =>
    ingestBatch({ db, brandId: brand.id, items: events.map((e) => ({ event: inboundEventSchema.parse(e), channelId: channel.id })), now: T0 + 10 * 24 * 3600_000, classifyText: fakeClassify });
  const person = { id: "fb-user-981", handle: HANDLE, name: NAME };
  const bystander = { id: "fb-user-2", handle: "@bystander", name: "Bystander" };
  const page = { id: "page-1", name: "Brand" };
  const original: InboundEventInput[] = [
    { externalId: "c1", text: `${SECRET} my order arrived broken, refund?`, createdAt: at(0), author: person, threadId: "post-1", attachments: [{ kind: "image", url: `https://cdn.example/${SECRET}.jpg` }] },
    { externalId: "r1", text: `Sorry ${NAME}, we are on it`, createdAt: at(12), author: page, inReplyTo: "c1", direction: "outbound" },
    { externalId: "c2", text: `Same here ${HANDLE}, broken too?`, createdAt: at(20), author: bystander, threadId: "post-2" },
    { externalId: "c3", text: "I have the same problem", createdAt: at(15), author: bystander, inReplyTo: "c1" },
  ];
  await ingest(original);
  const [theirs] = await db.select().from(messages).where(and(eq(messages.brandId, brand.id), eq(messages.externalId, "c1")));
  const [own] = await db.select().from(conversations).where(eq(conversations.id, theirs.conversationId));
  const [bystanderMessage] = await db.select().from(messages).where(and(eq(messages.brandId, brand.id), eq(messages.externalId, "c2")));
  const actor = { userId: agent.id, label: agent.email };
  await addNote({ db, brandId: brand.id, actor, conversationId: own.id, text: `Called ${NAME} about ${SECRET}` });
  await addNote({ db, brandId: brand.id, actor, conversationId: bystanderMessage.conversationId, text: `Linked to ${NAME}'s complaint` });
  await correctMessage({ db, brandId: brand.id, actor, messageId: theirs.id, complaint: true });
  await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [agent.id], kind: "mention", text: `New note: ${SECRET}`, conversationId: own.id }));
  return { brand, other, admin, agent, channel, ingest, original, own, theirs, bystanderMessage };
}

// Every text and JSON column of every table, read through SQL on either engine: which of them
// still hold a trace ("table.column").
export async function columnsHolding(db: Db, trace: string): Promise<string[]> {
  const columns =
    engineKind() === "postgres"
      ? await selectRows<{ t: string; c: string }>(db, sql`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND data_type IN ('text', 'json', 'jsonb', 'character varying')`)
      : await selectRows<{ t: string; c: string }>(db, sql`SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '%_fts%' AND (p.type = 'TEXT' OR p.type = '')`);
  expect(columns.length).toBeGreaterThan(40);
  const holding: string[] = [];
  const pattern = `%${trace.toLowerCase()}%`;
  for (const { t, c } of columns) {
    const [row] = await selectRows<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(t)} WHERE lower(CAST(${sql.identifier(c)} AS TEXT)) LIKE ${pattern}`);
    if (Number(row.n) > 0) holding.push(`${t}.${c}`);
  }
  return holding;
}
