import { inArray, max, sql } from "drizzle-orm";
import { engineOf, type Db } from "@/db/client";
import { channels, contacts, conversations, messages, responseCycles } from "@/db/schema";
import { indexNewMessages, rebuildSearchIndex } from "@/db/search";
import { bulkLoadMode, checkpoint } from "@/db/ops";
import { DEMO_BRANDS } from "@/lib/demo/brands";
import { generateScale } from "@/lib/demo/generate";
import { createDemoWorkspace } from "@/lib/seed/seed-demo";
import type { DemoLogin } from "@/lib/seed/demo-logins";
import { loadBrandPolicies, type BrandPolicy } from "@/lib/sla/policy-store";
import { getUserByEmail } from "@/lib/team/users";
import { FillSimulation, type FillWorkspace } from "./fill-sim";
import { batchedFillStatements, fillStatements, type ContactIds } from "./fill-store";

export type BenchWorkspace = FillWorkspace & { logins: DemoLogin[]; users: Record<DemoLogin["role"], number> };

export type FillResult = {
  conversations: number;
  messages: number;
  cycles: number;
  contacts: number;
  resolved: number;
  seconds: number;
  ftsSeconds: number;
  workspace: BenchWorkspace;
};

const COMMIT_EVERY = 50_000;
export const FILL_SEED = 20_260_801;

async function benchWorkspace(db: Db): Promise<BenchWorkspace> {
  const { workspace, logins } = await createDemoWorkspace({ db });
  const users = Object.fromEntries(await Promise.all(logins.map(async (l) => [l.role, (await getUserByEmail({ db, email: l.email }))!.id]))) as BenchWorkspace["users"];
  const assignees = new Map<number, number[]>();
  const policies = new Map<number, BrandPolicy[]>();
  for (const demo of DEMO_BRANDS) {
    const brandId = workspace.brandIds.get(demo.slug)!;
    assignees.set(brandId, [...demo.agents.map((a) => workspace.agentIds.get(a.key)!), users.agent, users.manager]);
    policies.set(brandId, await loadBrandPolicies({ db, brandId }));
  }
  return { ...workspace, assignees, policies, logins, users };
}

async function nextIds(db: Db) {
  const [[message], [conversation], [cycle], [contact]] = await Promise.all([
    db.select({ id: max(messages.id) }).from(messages),
    db.select({ id: max(conversations.id) }).from(conversations),
    db.select({ id: max(responseCycles.id) }).from(responseCycles),
    db.select({ id: max(contacts.id) }).from(contacts),
  ]);
  return { message: message.id ?? 0, conversation: conversation.id ?? 0, cycle: cycle.id ?? 0, contact: contact.id ?? 0 };
}

/**
 * Fills a fresh database with the demo workspace and `conversations` conversations of scale traffic
 * over `days` days ending at `now`: prepared statements in large transactions on SQLite,
 * multi-row INSERTs of 1,000 rows on PostgreSQL. On SQLite the full-text index is rebuilt in one
 * pass at the end (PostgreSQL's GIN index follows every insert) and its cursor set past the last
 * message, as the pipeline's per-transaction indexing would have left it.
 */
export async function fillDatabase({
  db,
  conversations: count,
  days,
  now,
  seed = FILL_SEED,
  fts,
  log = () => {},
}: {
  db: Db;
  conversations: number;
  days: number;
  now: number;
  seed?: number;
  /** "trigger": index once at the end with the pipeline's own indexer instead of a rebuild; the default on PostgreSQL, whose index follows every insert. */
  fts?: "rebuild" | "trigger";
  log?: (line: string) => void;
}): Promise<FillResult> {
  const started = performance.now();
  const workspace = await benchWorkspace(db);
  log(`fill: workspace (2 brands, ${workspace.agentIds.size + workspace.logins.length} people) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Rows reference conversations written later, when they are final; the checks come back on at the end.
  await bulkLoadMode(db, true);
  const postgres = engineOf(db).kind === "postgres";
  const { contact: lastContact, ...ids } = await nextIds(db);
  const sim = new FillSimulation(workspace, now, ids);
  const known: ContactIds = { last: lastContact, ids: new Map() };
  const expected = Math.round(count * 3.05);
  const stream = generateScale({ seed, conversations: count, end: new Date(now), days })[Symbol.iterator]();
  let items = 0;
  let nextReport = 0;
  for (let more = true; more; ) {
    await db.transaction(async (tx) => {
      sim.s = postgres ? batchedFillStatements(tx, known) : fillStatements(tx);
      for (let next = stream.next(); ; next = stream.next()) {
        if (next.done) {
          more = false;
          await sim.finish();
          await sim.s.flush();
          await tx
            .update(channels)
            .set({ lastEventAt: sql`(SELECT max(${messages.createdAt}) FROM ${messages} WHERE ${messages.channelId} = ${channels.id} AND ${messages.direction} = 'inbound')` })
            .where(inArray(channels.id, tx.selectDistinct({ id: conversations.channelId }).from(conversations)));
          return;
        }
        await sim.add(next.value);
        if (++items % COMMIT_EVERY === 0) break;
      }
      await sim.s.flush();
    });
    if (more && items >= nextReport) {
      const seconds = (performance.now() - started) / 1000;
      log(`fill: ${items.toLocaleString("en")} / ~${expected.toLocaleString("en")} messages, ${Math.round(items / seconds).toLocaleString("en")}/s`);
      nextReport = items + Math.max(COMMIT_EVERY, Math.round(expected / 10));
    }
  }
  const ftsStarted = performance.now();
  if ((fts ?? (postgres ? "trigger" : "rebuild")) === "trigger") await indexNewMessages(db);
  else {
    log("fill: rebuilding the full-text index…");
    await rebuildSearchIndex(db);
  }
  const ftsSeconds = (performance.now() - ftsStarted) / 1000;
  await bulkLoadMode(db, false);
  await checkpoint(db);
  const contactCount = await db.$count(contacts);
  return { ...sim.counts, contacts: contactCount, seconds: (performance.now() - started) / 1000, ftsSeconds, workspace };
}
