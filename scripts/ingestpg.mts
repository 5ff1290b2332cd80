// In-process ingest on an existing bench database, either engine:
// [DATABASE_URL=postgres://…] node --import tsx /work/notes/ingestpg.mts DB_OR_URL COUNT SEED [profile.cpuprofile]
import fs from "node:fs";
import inspector from "node:inspector";
import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase } from "@/db/client";
import { selectRow } from "@/db/sql";
import { DEMO_BRANDS } from "@/lib/demo/brands";
import { freshEvents } from "@/lib/bench/events";
import { toIngestItems } from "@/lib/bench/ingest";
import { ingestBatch } from "@/lib/ingest/pipeline";
import type { BenchWorkspace } from "@/lib/bench/fill";

const [target, countArg = "5000", seedArg = "91", profileOut] = process.argv.slice(2);
const db = target.startsWith("postgres") ? openDatabase({ url: target, runMigrations: false }) : openDatabase({ file: target, runMigrations: false });
const workspace = { brandIds: new Map(), channelIds: new Map(), agentIds: new Map() } as unknown as BenchWorkspace;
const one = async (q: ReturnType<typeof sql>) => Number(Object.values((await selectRow<Record<string, unknown>>(db, q))!)[0]);
for (const demo of DEMO_BRANDS) {
  const brandId = await one(sql`select id from brands where slug = ${demo.slug}`);
  workspace.brandIds.set(demo.slug, brandId);
  for (const c of demo.channels) workspace.channelIds.set(c.key, await one(sql`select id from channels where brand_id = ${brandId} and account_id = ${c.accountId}`));
  for (const a of demo.agents) workspace.agentIds.set(a.key, await one(sql`select id from users where email = ${a.email}`));
}
const events = freshEvents({ count: Number(countArg), now: Date.now(), seed: Number(seedArg), suffix: `~x${seedArg}` });
const batches = toIngestItems(workspace, events);
// warm up on the first batch
await ingestBatch({ db, brandId: batches[0].brandId, items: batches[0].items });
const session = new inspector.Session();
if (profileOut) {
  session.connect();
  await new Promise((r) => session.post("Profiler.enable", () => session.post("Profiler.start", r)));
}
const c0 = process.cpuUsage();
const t0 = performance.now();
let n = 0;
for (const b of batches.slice(1)) {
  await ingestBatch({ db, brandId: b.brandId, items: b.items });
  n += b.items.length;
}
const ms = performance.now() - t0;
const c = process.cpuUsage(c0);
if (profileOut) await new Promise((r) => session.post("Profiler.stop", (_e, { profile }) => r(fs.writeFileSync(profileOut, JSON.stringify(profile)))));
console.log(`${n} events: ${Math.round((n / ms) * 1000)} ev/s, client CPU ${Math.round((c.user + c.system) / n)} µs/event`);
closeDatabase(db);
