import { and, eq, gte, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations as conversationsTable, messages } from "@/db/schema";
import { DEMO_BRANDS } from "@/lib/demo/brands";
import { Rng } from "@/lib/demo/rng";
import { conversationCycles, requireConversation, threadMessages } from "@/lib/inbox/conversation";
import type { InboxFilters } from "@/lib/inbox/filters";
import { countViews } from "@/lib/inbox/counts";
import { listConversations } from "@/lib/inbox/list";
import { VIEWS, type View } from "@/lib/inbox/views";
import type { BenchWorkspace } from "./fill";
import { latency, Samples, type Latency } from "./stats";

export type InboxFigures = Latency & { conversations: number; perCall: Record<string, Latency> };

// One page view of the inbox is a handful of these calls; the mix is what agents do all day.
const PLAN = ["view", "view", "view", "count", "open", "open", "next", "filter", "filter", "search"] as const;

/**
 * `calls` calls of the functions the inbox page uses (lib/inbox): the lists of every view, their
 * next pages, the view counts, opening a conversation (header, thread, cycles), filters and full
 * text search, for both brands, as the agent login. Search words come from stored messages.
 */
export async function benchInbox({ db, workspace, calls = 200, seed = 8 }: { db: Db; workspace: BenchWorkspace; calls?: number; seed?: number }): Promise<InboxFigures> {
  const rng = new Rng(seed);
  const brands = [...workspace.brandIds.values()];
  const userId = workspace.users.agent;
  const words = await searchWords(db, rng);
  const seen: { brandId: number; id: number }[] = [];
  const cursors: { brandId: number; view: View; cursor: string }[] = [];
  const samples = new Samples();
  let viewTurn = 0;
  const run = async (i: number) => {
    const brandId = brands[i % brands.length];
    const kind = PLAN[i % PLAN.length];
    if (kind === "view" || (kind === "next" && cursors.length === 0) || (kind === "open" && seen.length === 0)) {
      const view = VIEWS[Math.floor(viewTurn++ / brands.length) % VIEWS.length];
      const page = await samples.time(`list: ${view}`, () => listConversations({ db, brandId, view, userId }));
      collect(page, brandId, view);
    } else if (kind === "count") await samples.time("countViews", () => countViews({ db, brandId, userId }));
    else if (kind === "open") {
      const pick = rng.pick(seen);
      await samples.time("open conversation", async () => {
        await requireConversation({ db, brandId: pick.brandId, id: pick.id });
        await threadMessages({ db, conversationId: pick.id });
        await conversationCycles({ db, conversationId: pick.id });
      });
    } else if (kind === "next") {
      const at = cursors.splice(rng.int(0, cursors.length - 1), 1)[0];
      const page = await samples.time("list: next page", () => listConversations({ db, brandId: at.brandId, view: at.view, userId, cursor: at.cursor }));
      collect(page, at.brandId, at.view);
    } else if (kind === "filter") {
      const view = rng.pick(["open", "resolved", "noise", "waiting"] as const);
      const filters = rng.pick(filterChoices(workspace, brandId));
      await samples.time(`filter: ${Object.keys(filters).join("+")}`, () => listConversations({ db, brandId, view, userId, filters }));
    } else {
      const view = rng.chance(0.5) ? "resolved" : "open";
      await samples.time("search", () => listConversations({ db, brandId, view, userId, filters: { q: rng.pick(words) } }));
    }
  };
  const collect = (page: Awaited<ReturnType<typeof listConversations>>, brandId: number, view: View) => {
    for (const item of page.items.slice(0, 5)) seen.push({ brandId, id: item.id });
    if (page.nextCursor) cursors.push({ brandId, view, cursor: page.nextCursor });
  };
  // Warm the statement cache and SQLite's page cache the way a running server already has.
  for (let i = 0; i < 20; i++) await run(i);
  samples.byName.clear();
  for (let i = 0; i < calls; i++) await run(i);
  const conversations = await db.$count(conversationsTable);
  return { ...latency(samples.pooled()), conversations, perCall: samples.each() };
}

function filterChoices(workspace: BenchWorkspace, brandId: number): InboxFilters[] {
  const slug = [...workspace.brandIds].find(([, id]) => id === brandId)![0];
  const channel = workspace.channelIds.get(DEMO_BRANDS.find((b) => b.slug === slug)!.channels[0].key)!;
  return [
    { channel },
    { sentiment: "negative" },
    { language: "de" },
    { sla: "breached" },
    { assignee: "none" },
    { assignee: "me" },
    { priority: "high" },
    { category: "request", sentiment: "negative" },
  ];
}

// Words that occur in stored messages, as an agent would look for an order number or a city.
async function searchWords(db: Db, rng: Rng): Promise<string[]> {
  const [{ max: last }] = await db.select({ max: max(messages.id) }).from(messages);
  const words: string[] = [];
  for (let tries = 0; words.length < 40 && tries < 400; tries++) {
    const [row] = await db
      .select({ text: messages.text })
      .from(messages)
      .where(and(gte(messages.id, rng.int(1, Math.max(1, last ?? 0))), eq(messages.direction, "inbound")))
      // Without an order PostgreSQL returns the first such row of the table for every id.
      .orderBy(messages.id)
      .limit(1);
    const candidates = row?.text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 5) ?? [];
    if (candidates.length) words.push(rng.pick(candidates).toLowerCase());
  }
  return words.length ? words : ["delay"];
}
