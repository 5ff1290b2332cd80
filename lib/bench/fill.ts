import type { Db } from "@/db/client";
import { indexNewMessages } from "@/lib/search/fts-index";
import { DEMO_BRANDS } from "@/lib/demo/brands";
import { generateScale } from "@/lib/demo/generate";
import { createDemoWorkspace } from "@/lib/seed/seed-demo";
import type { DemoLogin } from "@/lib/seed/demo-logins";
import { loadBrandPolicies } from "@/lib/sla/policy-store";
import { getUserByEmail } from "@/lib/team/users";
import { FillSimulation, type FillWorkspace } from "./fill-sim";
import { fillStatements } from "./fill-store";

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
  const users = Object.fromEntries(logins.map((l) => [l.role, getUserByEmail({ db, email: l.email })!.id])) as BenchWorkspace["users"];
  const assignees = new Map<number, number[]>();
  const policies = new Map<number, ReturnType<typeof loadBrandPolicies>>();
  for (const demo of DEMO_BRANDS) {
    const brandId = workspace.brandIds.get(demo.slug)!;
    assignees.set(brandId, [...demo.agents.map((a) => workspace.agentIds.get(a.key)!), users.agent, users.manager]);
    policies.set(brandId, loadBrandPolicies({ sqlite: db.$client, brandId }));
  }
  return { ...workspace, assignees, policies, logins, users };
}

function nextIds(db: Db) {
  const max = (table: string) => (db.$client.prepare(`SELECT coalesce(max(id), 0) AS id FROM ${table}`).get() as { id: number }).id;
  return { message: max("messages"), conversation: max("conversations"), cycle: max("response_cycles") };
}

/**
 * Fills a fresh database with the demo workspace and `conversations` conversations of scale traffic
 * over `days` days ending at `now`: prepared statements in large transactions. The full-text
 * index is rebuilt in one pass at the end and its cursor set past the last message, as the
 * pipeline's per-transaction indexing would have left it.
 */
export async function fillDatabase({
  db,
  conversations,
  days,
  now,
  seed = FILL_SEED,
  fts = "rebuild",
  log = () => {},
}: {
  db: Db;
  conversations: number;
  days: number;
  now: number;
  seed?: number;
  /** "trigger": index once at the end with the pipeline's own indexer instead of a rebuild. */
  fts?: "rebuild" | "trigger";
  log?: (line: string) => void;
}): Promise<FillResult> {
  const started = performance.now();
  const sqlite = db.$client;
  const workspace = await benchWorkspace(db);
  log(`fill: workspace (2 brands, ${workspace.agentIds.size + workspace.logins.length} people) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const rebuild = fts !== "trigger";
  // Rows reference conversations written later, when they are final; the checks come back on at the end.
  sqlite.pragma("foreign_keys = OFF");
  sqlite.pragma("synchronous = OFF");
  const sim = new FillSimulation(fillStatements(sqlite), workspace, now, nextIds(db));
  const expected = Math.round(conversations * 3.05);
  let items = 0;
  let nextReport = 0;
  sqlite.exec("BEGIN");
  try {
    for (const item of generateScale({ seed, conversations, end: new Date(now), days })) {
      sim.add(item);
      if (++items % COMMIT_EVERY === 0) {
        sqlite.exec("COMMIT; BEGIN");
        if (items >= nextReport) {
          const seconds = (performance.now() - started) / 1000;
          log(`fill: ${items.toLocaleString("en")} / ~${expected.toLocaleString("en")} messages, ${Math.round(items / seconds).toLocaleString("en")}/s`);
          nextReport = items + Math.max(COMMIT_EVERY, Math.round(expected / 10));
        }
      }
    }
    sim.finish();
    sqlite.exec(
      `UPDATE channels SET last_event_at = (SELECT max(created_at) FROM messages m WHERE m.channel_id = channels.id AND m.direction = 'inbound')
        WHERE id IN (SELECT DISTINCT channel_id FROM conversations)`,
    );
    sqlite.exec("COMMIT");
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  }
  const ftsStarted = performance.now();
  if (rebuild) {
    log("fill: rebuilding the full-text index…");
    sqlite.exec("INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')");
    // A rebuild leaves many half-merged segments that every later insert would go on merging;
    // 'optimize' merges them into one: the kindest start for the inserts the bench then measures.
    sqlite.exec("INSERT INTO messages_fts(messages_fts) VALUES ('optimize')");
    sqlite
      .prepare("INSERT INTO worker_state (key, value, updated_at) VALUES ('fts-cursor', (SELECT coalesce(max(id), 0) FROM messages), ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(Date.now());
  } else {
    indexNewMessages(sqlite);
  }
  const ftsSeconds = (performance.now() - ftsStarted) / 1000;
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const contacts = (sqlite.prepare("SELECT count(*) AS n FROM contacts").get() as { n: number }).n;
  return { ...sim.counts, contacts, seconds: (performance.now() - started) / 1000, ftsSeconds, workspace };
}
