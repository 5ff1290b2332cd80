import { channels } from "@/db/schema";
import type { Db } from "@/db/client";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import { loadSessionUser } from "@/lib/auth/access";
import { operator, type Principal } from "@/lib/auth/authorize";
import { createRule } from "@/lib/escalation/rules";
import { makeBrand, makeMember, testDb, sqlite, row, rows, run } from "../helpers/db";

export const NEGATIVE = "This is the worst airline ever. You lost my luggage and nobody answers. Disgusting service!";
export const PRAISE = "Thanks, love it!";

let seq = 0;

// The signed-in member as lib/ authorizes them.
export async function memberOf(db: Db, user: { id: number }): Promise<Principal> {
  const session = await loadSessionUser({ db, userId: user.id });
  if (!session) throw new Error(`user ${user.id} cannot sign in`);
  return { kind: "member", user: session };
}

// A brand with one person per role and a twitter channel; the default rules are removed unless kept.
export async function escalationBrand({ keepDefaults = false, db: given }: { keepDefaults?: boolean; db?: Db } = {}) {
  const db = given ?? testDb().db;
  const brand = await makeBrand({ db });
  if (!keepDefaults) await run(db, "DELETE FROM escalation_rules WHERE brand_id = ?", brand.id);
  const [admin, manager, agent] = [await makeMember({ db, brandId: brand.id, role: "admin" }), await makeMember({ db, brandId: brand.id, role: "manager" }), await makeMember({ db, brandId: brand.id, role: "agent" })];
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "twitter", name: "X", accountId: `acc-${brand.id}` }).returning());
  type Opts = { kind?: "public_comment" | "private_message"; author?: string; followers?: number; threadId?: string; direction?: "inbound" | "outbound"; at?: number; now?: number; userId?: number; channelId?: number; automated?: boolean };
  const item = (text: string, opts: Opts, id = `m-${++seq}-${Math.random().toString(36).slice(2, 8)}`) => ({
    channelId: opts.channelId ?? channel.id,
    userId: opts.userId ?? null,
    event: inboundEventSchema.parse({
      externalId: id,
      kind: opts.kind ?? "public_comment",
      threadId: opts.threadId,
      inReplyTo: opts.threadId,
      direction: opts.direction ?? "inbound",
      automated: opts.automated,
      text,
      createdAt: new Date(opts.at ?? opts.now ?? Date.now()).toISOString(),
      author: { id: opts.author ?? `author-${id}`, followers: opts.followers },
    }),
  });
  const ingest = async (text: string, opts: Opts = {}) => {
    const one = item(text, opts);
    const [outcome] = await ingestBatch({ db, brandId: brand.id, now: opts.now, items: [one] });
    return { messageId: Number(outcome.messageId), conversationId: Number(outcome.conversationId), externalId: one.event.externalId };
  };
  // Several events in one batch (one transaction), external ids as given.
  const ingestAll = async (events: { id: string; text: string; opts?: Opts }[], now?: number) => {
    const outcomes = await ingestBatch({ db, brandId: brand.id, now, items: events.map((e) => item(e.text, e.opts ?? {}, e.id)) });
    return outcomes.map((o) => ({ messageId: Number(o.messageId), conversationId: Number(o.conversationId) }));
  };
  const rule = (input: Record<string, unknown>) => createRule({ db, brandId: brand.id, input: { name: "Test rule", ...input }, actor: operator });
  const q = <T>(sql: string, ...params: unknown[]) => sqlite(db).prepare(sql).all(...params) as T[];
  const one = <T>(sql: string, ...params: unknown[]) => sqlite(db).prepare(sql).get(...params) as T;
  // the same on either engine, for the suites that also run on PostgreSQL
  const list = <T>(sql: string, ...params: unknown[]) => rows<T>(db, sql, ...params);
  const oneRow = async <T>(sql: string, ...params: unknown[]) => (await row<T>(db, sql, ...params)) as T;
  const as = (user: { id: number }) => memberOf(db, user);
  return { db, brand, admin, manager, agent, channel, ingest, ingestAll, rule, q, one, list, oneRow, as };
}
