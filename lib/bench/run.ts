import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { databaseMb, sharedBuffers } from "@/db/bench";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { cliActor } from "@/lib/audit/record";
import { createToken } from "@/lib/auth/tokens";
import { benchClassifier, type ClassifierFigures } from "./classifier";
import { benchDashboard, type DashboardFigures } from "./dashboard";
import { benchDashboardPages, benchInboxPages, type DashboardPagesFigures, type InboxPagesFigures } from "./dashboard-pages";
import { freshEvents } from "./events";
import { fillDatabase, type BenchWorkspace, type FillResult } from "./fill";
import { benchHttp, HTTP_BATCH, HTTP_WARM_UP, requestBodies, type HttpFigures } from "./http";
import { benchInbox, type InboxFigures } from "./inbox";
import { benchIngest, type IngestFigures } from "./ingest";
import { profileIngest, type ProfileRow } from "./ingest-profile";
import { benchRealtime, type RealtimeFigures } from "./realtime";
import { processTree, signInCookie, startServer, treeRssMb } from "./server";
import { latency, type Latency } from "./stats";

export type BenchResult = {
  ingest: IngestFigures & { profile: ProfileRow[] };
  http: HttpFigures | null;
  inbox: InboxFigures & { serverPage?: Latency };
  dashboard: DashboardFigures & { serverPage?: Latency };
  /** 16 managers at once on the biggest brand's dashboard, over HTTP; null without the server. */
  dashboardPages: DashboardPagesFigures | null;
  /** 16 agents at once on the biggest brand's inbox (Waiting), over HTTP; null without the server. */
  inboxPages: InboxPagesFigures | null;
  classifier: ClassifierFigures;
  realtime: RealtimeFigures | null;
  /** The machine is shared: the load average at the start and the end says how much it was. */
  memory: { serverRssMb: number | null; benchRssMb: number; cpus: number; loadAverage: { start: number; end: number } };
  fill: Omit<FillResult, "workspace"> & { engine: "sqlite" | "postgres"; databasePath: string; databaseMb: number; sharedBuffers: string | null; days: number };
  /** App servers the HTTP measures ran against (0 without the server). */
  servers: number;
  seconds: number;
};

export type BenchOptions = {
  /** The SQLite file to fill; or, with `databaseUrl`, a label for the PostgreSQL database (no password). */
  databasePath: string;
  /** An empty PostgreSQL database (postgres://…); the process must run on PostgreSQL (db/engine.ts). */
  databaseUrl?: string;
  /** The PostgreSQL server runs on this machine (the bench's throwaway cluster): its processes' CPU is counted in the HTTP figures. */
  localDatabase?: boolean;
  /** How many web server processes serve the HTTP measures; the users are spread across them. */
  servers?: number;
  conversations: number;
  days: number;
  /** Start the production server for the http, realtime and memory figures. */
  server: boolean;
  log: (line: string) => void;
  now?: number;
  /** Smaller samples for tests; the defaults scale with the fill. */
  ingestEvents?: number;
  httpEvents?: number;
  classifierMs?: number;
  /** How long each page measure loads pages (20 s). */
  pageSeconds?: number;
};

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(value)));

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  const { databasePath, databaseUrl, conversations, days, log } = options;
  const servers = options.server ? Math.max(1, options.servers ?? 1) : 0;
  const now = options.now ?? Math.floor(Date.now() / 1000) * 1000;
  if (!databaseUrl && fs.existsSync(databasePath) && fs.statSync(databasePath).size > 0)
    throw new Error(`${databasePath} exists: the bench fills a fresh database and never writes into an existing one.`);
  // Keys for this run only, shared with the server: nothing is written beside the database.
  process.env.AUTH_SECRET ||= crypto.randomBytes(32).toString("base64url");
  process.env.CREDENTIALS_KEY ||= crypto.randomBytes(32).toString("base64url");
  const db = databaseUrl ? openDatabase({ url: databaseUrl }) : openDatabase({ file: databasePath });
  try {
    log(`fill: ${conversations.toLocaleString("en")} conversations over ${days} days into ${databasePath}`);
    const { workspace, ...fill } = await fillDatabase({ db, conversations, days, now, log });
    log(`fill: ${fill.conversations.toLocaleString("en")} conversations, ${fill.messages.toLocaleString("en")} messages in ${fill.seconds.toFixed(0)} s (full-text rebuild ${fill.ftsSeconds.toFixed(0)} s)`);
    const sizes = { ingest: options.ingestEvents ?? clamp(conversations / 4, 2000, 30_000), http: options.httpEvents ?? clamp(conversations / 4, 2000, 20_000), quick: options.httpEvents !== undefined };
    const live = Date.now();
    const ingestEvents = freshEvents({ count: sizes.ingest, now: live, seed: 81, suffix: "~i" });
    log(`ingest: ${ingestEvents.length.toLocaleString("en")} fresh events through the pipeline, batches of 500…`);
    const ingest = await benchIngest({ db, workspace, events: ingestEvents });
    log(`ingest: ${ingest.eventsPerSecond.toLocaleString("en")} events/s; raw insert ${ingest.rawInsertRowsPerSecond.toLocaleString("en")} rows/s`);
    // Statement timers are SQLite's (db/sqlite/bench.ts); on PostgreSQL the server's own statistics are the place to look.
    const profile = databaseUrl ? [] : await profileIngest({ databasePath, workspace, events: freshEvents({ count: Math.min(5000, sizes.ingest), now: live, seed: 82, suffix: "~p" }) });
    log("inbox: 200 calls…");
    const inbox: BenchResult["inbox"] = await benchInbox({ db, workspace });
    log("dashboard: 30 days, both brands…");
    const dashboard: BenchResult["dashboard"] = await benchDashboard({ db, workspace, now: Date.now() });
    log("classifier…");
    const classifier = benchClassifier({ texts: ingestEvents.filter((e) => e.event.direction === "inbound").map((e) => e.event.text), minMs: options.classifierMs });
    const served = servers ? await serverPhases({ db, database: databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_PATH: databasePath }, localDatabase: Boolean(databaseUrl && options.localDatabase), servers, workspace, sizes, pageSeconds: options.pageSeconds ?? 20, log }) : null;
    if (served) {
      inbox.serverPage = served.inboxPage;
      dashboard.serverPage = served.dashboardPage;
    }
    return {
      ingest: { ...ingest, profile },
      http: served?.http ?? null,
      inbox,
      dashboard,
      classifier,
      realtime: served?.realtime ?? null,
      dashboardPages: served?.dashboardPages ?? null,
      inboxPages: served?.inboxPages ?? null,
      memory: {
        serverRssMb: served?.rssMb ?? null,
        benchRssMb: Math.round(process.memoryUsage().rss / 1e5) / 10,
        cpus: os.cpus().length,
        loadAverage: { start: Math.round(loadAtStart * 10) / 10, end: Math.round(os.loadavg()[0] * 10) / 10 },
      },
      fill: { ...fill, engine: databaseUrl ? "postgres" : "sqlite", databasePath, databaseMb: await databaseMb(db), sharedBuffers: await sharedBuffers(db), days },
      servers,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await closeDatabase(db);
  }
}

async function serverPhases({ db, database, localDatabase, servers, workspace, sizes, pageSeconds, log }: { db: Db; database: Record<string, string>; localDatabase: boolean; servers: number; workspace: BenchWorkspace; sizes: { http: number; quick: boolean }; pageSeconds: number; log: (line: string) => void }) {
  log(`server: starting ${servers} web server process${servers > 1 ? "es" : ""} against the filled database…`);
  const env = { ...database, AUTH_SECRET: process.env.AUTH_SECRET!, CREDENTIALS_KEY: process.env.CREDENTIALS_KEY! };
  const started = await Promise.allSettled(Array.from({ length: servers }, () => startServer({ env })));
  const running = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await Promise.all(running.map((s) => s.stop()));
    throw failed.reason;
  }
  const urls = running.map((s) => s.url);
  const server = running[0];
  try {
    const tokens = new Map<string, string>();
    for (const [slug, brandId] of workspace.brandIds) tokens.set(slug, await createToken({ db, brandId, name: `bench-${Date.now()}`, scopes: ["ingest"], actor: cliActor }));
    // A quick run (the sizes given) warms the route up with fewer requests and samples realtime fewer times.
    const quick = sizes.quick;
    const warmUp = quick ? 2 : HTTP_WARM_UP;
    const httpEvents = freshEvents({ count: sizes.http + warmUp * HTTP_BATCH, now: Date.now(), seed: 83, suffix: "~h" });
    log(`http: ${httpEvents.length.toLocaleString("en")} events, batches of 100, 8 clients…`);
    const http = await benchHttp({
      urls,
      warmUp,
      bodies: requestBodies({ workspace, events: httpEvents, tokens }),
      serverPids: running.flatMap((s) => processTree(s.pid)),
      databaseProcess: localDatabase ? "postgres" : undefined,
    });
    const spent = http.cpu.msPerEvent;
    log(
      `http: ${http.eventsPerSecond.toLocaleString("en")} events/s, p95 ${http.p95Ms} ms; CPU per event ${spent.machine} ms on the machine (servers ${spent.server ?? "?"}, database ${spent.database ?? "in the servers or elsewhere"}, load generator ${spent.loadGenerator}), busy ${http.cpu.busyCores} of ${http.cpu.cores} cores`,
    );
    const admin = workspace.logins.find((l) => l.role === "admin")!;
    const cookie = await signInCookie({ url: server.url, email: admin.email, password: admin.password });
    const realtimeEvents = freshEvents({ count: quick ? 10 : 50, now: Date.now(), seed: 84, suffix: "~r" });
    log(`realtime: ${realtimeEvents.length} ingests to a connected SSE client…`);
    const realtime = await benchRealtime({ url: server.url, cookie, db, workspace, events: realtimeEvents });
    const inboxPage = await pageLatency({ url: `${server.url}/inbox`, cookie });
    const dashboardPage = await pageLatency({ url: `${server.url}/dashboard`, cookie });
    log(`dashboard pages: 16 managers at once on the biggest brand, ${pageSeconds} s…`);
    const dashboardPages = await benchDashboardPages({ urls, db, workspace, seconds: pageSeconds });
    log(`dashboard pages: ${dashboardPages.pagesPerSecond} pages/s, p50 ${dashboardPages.p50Ms} ms, p95 ${dashboardPages.p95Ms} ms; load generator ${dashboardPages.loadGeneratorCpu.cores} cores, machine busy ${dashboardPages.machineCpu.busyCores} of ${dashboardPages.machineCpu.cores}`);
    log(`inbox pages: 16 agents at once on the biggest brand's Waiting view, ${pageSeconds} s…`);
    const inboxPages = await benchInboxPages({ urls, db, workspace, seconds: pageSeconds });
    log(`inbox pages: ${inboxPages.pagesPerSecond} pages/s, p50 ${inboxPages.p50Ms} ms, p95 ${inboxPages.p95Ms} ms; load generator ${inboxPages.loadGeneratorCpu.cores} cores, machine busy ${inboxPages.machineCpu.busyCores} of ${inboxPages.machineCpu.cores}`);
    const rssMb = Math.round(running.reduce((sum, s) => sum + treeRssMb(s.pid), 0) * 10) / 10;
    log(`memory: server RSS ${rssMb} MB${servers > 1 ? ` (${servers} servers together)` : ""}`);
    return { http, realtime, inboxPage, dashboardPage, dashboardPages, inboxPages, rssMb };
  } catch (error) {
    // What the servers said is the only trace of a 500.
    for (const [i, s] of running.entries()) log(`server ${i + 1} output (last lines):\n${s.output().slice(-4000)}`);
    throw error;
  } finally {
    await Promise.all(running.map((s) => s.stop()));
  }
}

// The rendered pages over HTTP, as the browser gets them: not a target, shown beside the functions.
async function pageLatency({ url, cookie, times = 5 }: { url: string; cookie: string; times?: number }): Promise<Latency> {
  const samples: number[] = [];
  for (let i = 0; i <= times; i++) {
    const t0 = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
    if (i > 0) samples.push(performance.now() - t0);
  }
  return latency(samples);
}
