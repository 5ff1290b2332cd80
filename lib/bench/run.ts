import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { cliActor } from "@/lib/audit/record";
import { createToken } from "@/lib/auth/tokens";
import { benchClassifier, type ClassifierFigures } from "./classifier";
import { benchDashboard, type DashboardFigures } from "./dashboard";
import { benchDashboardPages, type DashboardPagesFigures } from "./dashboard-pages";
import { freshEvents } from "./events";
import { fillDatabase, type BenchWorkspace, type FillResult } from "./fill";
import { benchHttp, requestBodies, type HttpFigures } from "./http";
import { benchInbox, type InboxFigures } from "./inbox";
import { benchIngest, type IngestFigures } from "./ingest";
import { profileIngest, type ProfileRow } from "./ingest-profile";
import { benchRealtime, type RealtimeFigures } from "./realtime";
import { signInCookie, startServer, treeRssMb } from "./server";
import { latency, type Latency } from "./stats";

export type BenchResult = {
  ingest: IngestFigures & { profile: ProfileRow[] };
  http: HttpFigures | null;
  inbox: InboxFigures & { serverPage?: Latency };
  dashboard: DashboardFigures & { serverPage?: Latency };
  /** 16 managers at once on the biggest brand's dashboard, over HTTP; null without the server. */
  dashboardPages: DashboardPagesFigures | null;
  classifier: ClassifierFigures;
  realtime: RealtimeFigures | null;
  /** The machine is shared: the load average at the start and the end says how much it was. */
  memory: { serverRssMb: number | null; benchRssMb: number; cpus: number; loadAverage: { start: number; end: number } };
  fill: Omit<FillResult, "workspace"> & { databasePath: string; databaseMb: number; days: number };
  seconds: number;
};

export type BenchOptions = {
  databasePath: string;
  conversations: number;
  days: number;
  /** Start the production server for the http, realtime and memory figures. */
  server: boolean;
  log: (line: string) => void;
  now?: number;
  /** Smaller samples for tests; the defaults scale with the fill. */
  ingestEvents?: number;
  classifierMs?: number;
};

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(value)));

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  const { databasePath, conversations, days, log } = options;
  const now = options.now ?? Math.floor(Date.now() / 1000) * 1000;
  if (fs.existsSync(databasePath) && fs.statSync(databasePath).size > 0)
    throw new Error(`${databasePath} exists: the bench fills a fresh database and never writes into an existing one.`);
  // Keys for this run only, shared with the server: nothing is written beside the database.
  process.env.AUTH_SECRET ||= crypto.randomBytes(32).toString("base64url");
  process.env.CREDENTIALS_KEY ||= crypto.randomBytes(32).toString("base64url");
  const db = openDatabase({ file: databasePath });
  try {
    log(`fill: ${conversations.toLocaleString("en")} conversations over ${days} days into ${databasePath}`);
    const { workspace, ...fill } = await fillDatabase({ db, conversations, days, now, log });
    log(`fill: ${fill.conversations.toLocaleString("en")} conversations, ${fill.messages.toLocaleString("en")} messages in ${fill.seconds.toFixed(0)} s (full-text rebuild ${fill.ftsSeconds.toFixed(0)} s)`);
    const sizes = { ingest: options.ingestEvents ?? clamp(conversations / 4, 2000, 30_000), http: clamp(conversations / 4, 2000, 20_000) };
    const live = Date.now();
    const ingestEvents = freshEvents({ count: sizes.ingest, now: live, seed: 81, suffix: "~i" });
    log(`ingest: ${ingestEvents.length.toLocaleString("en")} fresh events through the pipeline, batches of 500…`);
    const ingest = await benchIngest({ db, workspace, events: ingestEvents });
    log(`ingest: ${ingest.eventsPerSecond.toLocaleString("en")} events/s; raw insert ${ingest.rawInsertRowsPerSecond.toLocaleString("en")} rows/s`);
    const profile = await profileIngest({ databasePath, workspace, events: freshEvents({ count: Math.min(5000, sizes.ingest), now: live, seed: 82, suffix: "~p" }) });
    log("inbox: 200 calls…");
    const inbox: BenchResult["inbox"] = await benchInbox({ db, workspace });
    log("dashboard: 30 days, both brands…");
    const dashboard: BenchResult["dashboard"] = await benchDashboard({ db, workspace, now: Date.now() });
    log("classifier…");
    const classifier = benchClassifier({ texts: ingestEvents.filter((e) => e.event.direction === "inbound").map((e) => e.event.text), minMs: options.classifierMs });
    const served = options.server ? await serverPhases({ db, databasePath, workspace, sizes, log }) : null;
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
      memory: {
        serverRssMb: served?.rssMb ?? null,
        benchRssMb: Math.round(process.memoryUsage().rss / 1e5) / 10,
        cpus: os.cpus().length,
        loadAverage: { start: Math.round(loadAtStart * 10) / 10, end: Math.round(os.loadavg()[0] * 10) / 10 },
      },
      fill: { ...fill, databasePath, databaseMb: Math.round(fs.statSync(databasePath).size / 1e5) / 10, days },
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    closeDatabase(db);
  }
}

async function serverPhases({ db, databasePath, workspace, sizes, log }: { db: Db; databasePath: string; workspace: BenchWorkspace; sizes: { http: number }; log: (line: string) => void }) {
  log("server: starting `next start` against the filled database…");
  const server = await startServer({ databasePath, env: { AUTH_SECRET: process.env.AUTH_SECRET!, CREDENTIALS_KEY: process.env.CREDENTIALS_KEY! } });
  try {
    const tokens = new Map<string, string>();
    for (const [slug, brandId] of workspace.brandIds) tokens.set(slug, await createToken({ db, brandId, name: `bench-${Date.now()}`, scopes: ["ingest"], actor: cliActor }));
    const httpEvents = freshEvents({ count: sizes.http + 800, now: Date.now(), seed: 83, suffix: "~h" });
    log(`http: ${httpEvents.length.toLocaleString("en")} events, batches of 100, 8 clients…`);
    const http = await benchHttp({ url: server.url, bodies: requestBodies({ workspace, events: httpEvents, tokens }) });
    log(`http: ${http.eventsPerSecond.toLocaleString("en")} events/s, p95 ${http.p95Ms} ms`);
    const admin = workspace.logins.find((l) => l.role === "admin")!;
    const cookie = await signInCookie({ url: server.url, email: admin.email, password: admin.password });
    log("realtime: 50 ingests to a connected SSE client…");
    const realtimeEvents = freshEvents({ count: 50, now: Date.now(), seed: 84, suffix: "~r" });
    const realtime = await benchRealtime({ url: server.url, cookie, db, workspace, events: realtimeEvents });
    const inboxPage = await pageLatency({ url: `${server.url}/inbox`, cookie });
    const dashboardPage = await pageLatency({ url: `${server.url}/dashboard`, cookie });
    log("dashboard pages: 16 managers at once on the biggest brand, 20 s…");
    const dashboardPages = await benchDashboardPages({ url: server.url, db, workspace });
    log(`dashboard pages: ${dashboardPages.pagesPerSecond} pages/s, p50 ${dashboardPages.p50Ms} ms, p95 ${dashboardPages.p95Ms} ms`);
    const rssMb = treeRssMb(server.pid);
    log(`memory: server RSS ${rssMb} MB`);
    return { http, realtime, inboxPage, dashboardPage, dashboardPages, rssMb };
  } finally {
    await server.stop();
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
