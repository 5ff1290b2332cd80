import { and, count, eq, isNotNull, lt, ne, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { brands, channels, conversations, messages, responseCycles } from "@/db/schema";
import { cliActor } from "@/lib/audit/record";
import { createBrand, updateBrand } from "@/lib/brands/brands";
import { saveWebConfig } from "@/lib/channels/web";
import { createUser, setMembership } from "@/lib/team/users";
import { generatePassword } from "@/lib/auth/password";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch, type IngestItem } from "@/lib/ingest/pipeline";
import { resolveConversations } from "@/lib/conversations/resolve";
import { retrainBrand } from "@/lib/classify/brand-training";
import { settleDemoEscalations } from "@/lib/escalation/demo-history";
import { DEMO_BRANDS } from "@/lib/demo/brands";
import { generateHistory, type DemoItem } from "@/lib/demo/generate";
import { triageMisreads } from "@/lib/demo/triage";
import { encryptCredentials } from "@/lib/security/credentials";
import type { DemoLogin } from "./demo-logins";
import { seedDemoAvailability } from "./demo-availability";

export type DemoWorkspace = {
  brandIds: Map<string, number>;
  channelIds: Map<string, number>;
  agentIds: Map<string, number>;
};

const BATCH = 500;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export async function isEmpty({ db = database() }: { db?: Db } = {}): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(brands);
  return (row?.n ?? 0) === 0;
}

// Brands, channels and people of the demo; one login per role is printed and shown on /login.
export async function createDemoWorkspace({ db = database() }: { db?: Db } = {}): Promise<{ workspace: DemoWorkspace; logins: DemoLogin[] }> {
  const workspace: DemoWorkspace = { brandIds: new Map(), channelIds: new Map(), agentIds: new Map() };
  for (const demo of DEMO_BRANDS) {
    const brand = await createBrand({ db, slug: demo.slug, name: demo.name, timezone: demo.timezone, actor: cliActor });
    if (demo.publicStatus) await updateBrand({ db, brandId: brand.id, publicStatus: true, actor: cliActor });
    workspace.brandIds.set(demo.slug, brand.id);
    await db.transaction(async (tx) => {
      for (const channel of demo.channels) {
        const [row] = await tx
          .insert(channels)
          .values({ brandId: brand.id, kind: channel.kind, name: channel.name, accountId: channel.accountId, credentials: encryptCredentials({ demo: "1" }) })
          .returning({ id: channels.id });
        workspace.channelIds.set(channel.key, row.id);
        if (channel.kind === "web")
          await saveWebConfig({ db: tx, brandId: brand.id, channelId: row.id, config: { origins: demoSiteOrigins(), mode: channel.widgetMode ?? "chat", showResponseTime: true } });
      }
    });
  }
  const logins: DemoLogin[] = [
    { role: "admin", email: "admin@replyhour.demo", name: "Alex Admin", password: generatePassword() },
    { role: "manager", email: "manager@replyhour.demo", name: "Maria Manager", password: generatePassword() },
    { role: "agent", email: "agent@replyhour.demo", name: "Sam Agent", password: generatePassword() },
  ];
  for (const login of logins) {
    const user = await createUser({ db, email: login.email, password: login.password, name: login.name, languages: ["en", "ru", "de"], actor: cliActor });
    for (const brandId of workspace.brandIds.values()) await setMembership({ db, userId: user.id, brandId, role: login.role, actor: cliActor });
  }
  for (const demo of DEMO_BRANDS)
    for (const agent of demo.agents) {
      const user = await createUser({ db, email: agent.email, password: generatePassword(), name: agent.name, languages: agent.languages, actor: cliActor });
      await setMembership({ db, userId: user.id, brandId: workspace.brandIds.get(demo.slug)!, role: "agent", actor: cliActor });
      workspace.agentIds.set(agent.key, user.id);
    }
  return { workspace, logins };
}

// The demo site is served by Replyhour itself (/demo/site), so its origin is this server's.
export function demoSiteOrigins(): string[] {
  const port = process.env.PORT || "3000";
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  try {
    if (process.env.REPLYHOUR_URL) origins.unshift(new URL(process.env.REPLYHOUR_URL).origin);
  } catch {
    // A malformed REPLYHOUR_URL is reported where it is used for links.
  }
  return [...new Set(origins)];
}

export function toIngestItem(workspace: DemoWorkspace, item: DemoItem): IngestItem {
  return {
    event: inboundEventSchema.parse(item.event),
    channelId: workspace.channelIds.get(item.channelKey)!,
    userId: item.agentKey ? (workspace.agentIds.get(item.agentKey) ?? null) : null,
  };
}

// Two weeks of history through the real pipeline, a day at a time as a team lives it: each
// evening the day's misreads are marked "Not a request" and the brands' layers retrain on the
// corrections and replies so far (every brand's default schedule), so the next day is
// classified by what the team taught. Then the team's past work: answered conversations quiet
// for a few hours were resolved, unanswered ones closed the next day.
export async function seedHistory({
  db = database(),
  workspace,
  now,
  days = 14,
  onProgress,
}: {
  db?: Db;
  workspace: DemoWorkspace;
  now: number;
  days?: number;
  onProgress?: (done: number) => void;
}): Promise<number> {
  const pending = new Map<string, IngestItem[]>();
  // what each inbound message really is, for the team's triage
  const truth = new Map<string, boolean>();
  const asks = (channelId: number, externalId: string) => truth.get(`${channelId}:${externalId}`) === true;
  let done = 0;
  const flush = async (slug: string) => {
    const items = pending.get(slug);
    if (!items?.length) return;
    const at = Date.parse(items[items.length - 1].event.createdAt);
    await ingestBatch({ db, brandId: workspace.brandIds.get(slug)!, items, now: Math.max(at, 0) + 1000 });
    done += items.length;
    pending.set(slug, []);
    onProgress?.(done);
  };
  const flushAll = async () => {
    for (const slug of pending.keys()) await flush(slug);
  };
  let evening = now - (days - 1) * DAY;
  for (const item of generateHistory({ seed: 20261122, end: new Date(now), days })) {
    const at = Date.parse(item.event.createdAt);
    for (; at >= evening && evening < now; evening += DAY) {
      await flushAll();
      await triageHistory({ db, workspace, at: evening, asks });
      for (const brandId of workspace.brandIds.values()) await retrainBrand({ db, brandId });
    }
    const ingestItem = toIngestItem(workspace, item);
    if (item.event.direction === "inbound") truth.set(`${ingestItem.channelId}:${ingestItem.event.externalId}`, item.truth.request);
    const list = pending.get(item.brandSlug) ?? [];
    list.push(ingestItem);
    pending.set(item.brandSlug, list);
    if (list.length >= BATCH) await flush(item.brandSlug);
  }
  await flushAll();
  await triageHistory({ db, workspace, at: now, asks });
  await resolveAnsweredHistory({ db, workspace, now });
  await settleDemoEscalations({ db, brandIds: workspace.brandIds.values(), now });
  await seedDemoAvailability({ db, brandIds: workspace.brandIds.values(), agentIds: [...workspace.agentIds.values()], since: now - days * DAY, now });
  return done;
}

// Each brand's first agent triages its queue; what arrived in the last hour is not triaged yet.
// `classify -- eval --demo` measures the classifier on the same traffic without this.
async function triageHistory({ db, workspace, at, asks }: { db: Db; workspace: DemoWorkspace; at: number; asks: (channelId: number, externalId: string) => boolean }): Promise<void> {
  for (const demo of DEMO_BRANDS) {
    const agent = demo.agents[0];
    if (!agent) continue;
    const actor = { userId: workspace.agentIds.get(agent.key) ?? null, label: agent.email };
    await triageMisreads({ db, brandId: workspace.brandIds.get(demo.slug)!, actor, asks, at });
  }
}

async function resolveAnsweredHistory({ db, workspace, now }: { db: Db; workspace: DemoWorkspace; now: number }): Promise<void> {
  const c = conversations;
  const last = sql<number>`max(${messages.createdAt})`;
  for (const brandId of workspace.brandIds.values()) {
    const answered = await db
      .select({ id: c.id, last })
      .from(c)
      .innerJoin(responseCycles, eq(responseCycles.id, c.currentCycleId))
      .innerJoin(messages, eq(messages.conversationId, c.id))
      .where(and(eq(c.brandId, brandId), ne(c.status, "resolved"), isNotNull(responseCycles.firstResponseAt)))
      .groupBy(c.id)
      .having(lt(last, now - 3 * HOUR));
    for (const row of answered)
      await resolveConversations({ db, brandId, conversationIds: [row.id], at: row.last + 20 * 60_000, actor: { userId: null, label: "demo" } });
    // Requests the team never answered were closed the next day, as a real backlog is worked off;
    // they stay in the reports as resolved without a reply. What waits today is the last day's.
    const stale = await db
      .select({ id: c.id, last })
      .from(c)
      .innerJoin(messages, eq(messages.conversationId, c.id))
      .where(and(eq(c.brandId, brandId), ne(c.status, "resolved"), eq(c.awaitingFirstResponse, true)))
      .groupBy(c.id)
      .having(lt(last, now - 24 * HOUR));
    for (const row of stale)
      await resolveConversations({ db, brandId, conversationIds: [row.id], at: row.last + 23 * HOUR, actor: { userId: null, label: "demo" } });
  }
}
