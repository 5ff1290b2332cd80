import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { freshEvents } from "@/lib/bench/events";
import { fillDatabase } from "@/lib/bench/fill";
import { benchIngest } from "@/lib/bench/ingest";
import { sseParser } from "@/lib/bench/realtime";
import { checks, toJson, toText } from "@/lib/bench/report";
import { runBench } from "@/lib/bench/run";
import { treeRssMb } from "@/lib/bench/server";
import { postgresBin } from "@/scripts/lib/postgres";
import { tempDir, sqlite } from "../helpers/db";

process.env.AUTH_SECRET ||= crypto.randomBytes(32).toString("base64url");
process.env.CREDENTIALS_KEY ||= crypto.randomBytes(32).toString("base64url");

const dirs: string[] = [];
const fresh = () => {
  const dir = tempDir("replyhour-bench-test-");
  dirs.push(dir);
  return path.join(dir, "bench.db");
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const positive = (value: unknown) => expect(typeof value === "number" && Number.isFinite(value) && value > 0, `${value}`).toBe(true);

describe("bench", () => {
  it("runs every in-process measure at a tiny size and reports the issue's JSON shape", async () => {
    const result = await runBench({ databasePath: fresh(), conversations: 300, days: 30, server: false, log: () => {}, ingestEvents: 600, classifierMs: 50 });
    const json = JSON.parse(JSON.stringify(toJson(result)));
    expect(Object.keys(json)).toEqual(["ingest", "http", "inbox", "dashboard", "dashboardPages", "inboxPages", "classifier", "realtime", "memory", "setup"]);
    expect(json.setup).toMatchObject({ engine: "sqlite", servers: 0, conversations: result.fill.conversations, sharedBuffers: null });
    for (const key of ["eventsPerSecond", "rawInsertRowsPerSecond", "ratio"]) positive(json.ingest[key]);
    for (const key of ["conversations", "p50Ms", "p95Ms"]) positive(json.inbox[key]);
    for (const key of ["conversations", "p50Ms", "p95Ms"]) positive(json.dashboard[key]);
    positive(json.classifier.messagesPerSecond);
    // Counted when measured: the fill plus what the ingest measure added.
    expect(json.inbox.conversations).toBeGreaterThan(result.fill.conversations);
    expect(json.inbox.perCall["countViews"].calls).toBeGreaterThan(0);
    expect(Object.keys(json.dashboard.perQuery).sort()).toEqual(["brandChannels", "dashboardData", "liveTiles"]);
    // Without the server these are reported as skipped, never as made-up figures.
    expect(json.http).toMatchObject({ eventsPerSecond: null, p95Ms: null, skipped: true });
    expect(json.realtime).toMatchObject({ p95Ms: null, skipped: true });
    expect(json.dashboardPages).toMatchObject({ concurrency: 16, pagesPerSecond: null, p50Ms: null, p95Ms: null, skipped: true });
    expect(json.inboxPages).toMatchObject({ concurrency: 16, pagesPerSecond: null, p50Ms: null, p95Ms: null, skipped: true });
    expect(json.memory.serverRssMb).toBeNull();
    const shares = result.ingest.profile.reduce((sum, row) => sum + row.share, 0);
    expect(shares).toBeGreaterThan(0.95);
    expect(shares).toBeLessThan(1.05);
    expect(result.ingest.profile.some((row) => row.part.startsWith("INSERT INTO messages"))).toBe(true);
    const text = toText(result);
    for (const check of checks(result)) expect(text).toContain(check.name);
  }, 180_000);

  it("refuses to fill a database that already exists", async () => {
    const file = fresh();
    fs.writeFileSync(file, "not empty");
    await expect(runBench({ databasePath: file, conversations: 100, days: 1, server: false, log: () => {} })).rejects.toThrow(/exists/);
  });

  it("fills a consistent database that the pipeline goes on from, and the raw insert leaves no trace", async () => {
    const db = openDatabase({ file: fresh() });
    const now = Date.parse("2026-03-01T12:00:00Z");
    const fill = await fillDatabase({ db, conversations: 400, days: 20, now });
    const q = <T>(sql: string) => sqlite(db).prepare(sql).get() as T;
    expect(q<{ n: number }>("SELECT count(*) AS n FROM messages").n).toBe(fill.messages);
    expect(q<{ n: number }>("SELECT count(*) AS n FROM conversations").n).toBe(fill.conversations);
    expect(q<{ n: number }>("SELECT count(*) AS n FROM response_cycles").n).toBe(fill.cycles);
    expect(fill.messages / fill.conversations).toBeGreaterThan(2.5);
    expect(sqlite(db).prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    // Every current cycle is the conversation's own, and every message's cycle too.
    expect(q<{ n: number }>("SELECT count(*) AS n FROM conversations c LEFT JOIN response_cycles r ON r.id = c.current_cycle_id WHERE c.current_cycle_id IS NOT NULL AND (r.id IS NULL OR r.conversation_id != c.id)").n).toBe(0);
    expect(q<{ n: number }>("SELECT count(*) AS n FROM messages m JOIN response_cycles r ON r.id = m.cycle_id WHERE r.conversation_id != m.conversation_id").n).toBe(0);
    expect(q<{ n: number }>("SELECT count(*) AS n FROM conversations WHERE awaiting_first_response = 1 AND status = 'resolved'").n).toBe(0);
    expect(q<{ n: number }>("SELECT count(*) AS n FROM response_cycles WHERE first_response_at IS NOT NULL AND sla_state NOT IN ('met', 'missed')").n).toBe(0);
    expect(q<{ n: number }>("SELECT count(*) AS n FROM conversations WHERE status = 'resolved'").n).toBeGreaterThan(fill.conversations / 2);
    // Every filled message is in the full-text index and the cursor stands past the last one.
    expect(q<{ n: number }>("SELECT CAST(value AS INTEGER) AS n FROM worker_state WHERE key = 'fts-cursor'").n).toBe(q<{ n: number }>("SELECT max(id) AS n FROM messages").n);
    expect(q<{ n: number }>("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'a* OR e* OR o*'").n).toBeGreaterThan(0);

    const events = freshEvents({ count: 300, now: Date.now(), seed: 5, suffix: "~t" });
    const figures = await benchIngest({ db, workspace: fill.workspace, events });
    positive(figures.eventsPerSecond);
    positive(figures.rawInsertRowsPerSecond);
    positive(figures.rawInsertWithFtsTriggerRowsPerSecond);
    positive(figures.rawInsertBatchFtsRowsPerSecond);
    // The pipeline's rows stay; the raw copies were rolled back, trigger included.
    expect(q<{ n: number }>("SELECT count(*) AS n FROM messages").n).toBe(fill.messages + events.length);
    expect(q<{ n: number }>("SELECT count(*) AS n FROM messages WHERE external_id LIKE '%~raw'").n).toBe(0);
    // Every filled message is in the full-text index and the cursor stands past the last one.
    expect(q<{ n: number }>("SELECT CAST(value AS INTEGER) AS n FROM worker_state WHERE key = 'fts-cursor'").n).toBe(q<{ n: number }>("SELECT max(id) AS n FROM messages").n);
    sqlite(db).exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)");
    closeDatabase(db);
  }, 120_000);

  it("reads server-sent change events split across chunks", () => {
    const seen: number[] = [];
    const feed = sseParser((change) => seen.push(change.conversationId ?? -1));
    feed("retry: 2000\nid: 4\n\n: keep-alive\n\nid: 5\nevent: change\ndata: {\"id\":5,\"kind\":\"conv");
    expect(seen).toEqual([]);
    feed("ersation\",\"conversationId\":42}\n\nid: 6\nevent: change\ndata: {\"id\":6,\"kind\":\"message\",\"conversationId\":7}\n\n");
    expect(seen).toEqual([42, 7]);
  });

  it("reads a process tree's resident memory from /proc", () => {
    positive(treeRssMb(process.pid));
  });
});

// The bench as `npm run bench` runs it, in a process of its own (the engine is chosen per
// process): PostgreSQL on a throwaway cluster, two app servers when there is a production build.
const hasBuild = fs.existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"));
const hasPostgres = !!postgresBin();

function benchCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _url, DATABASE_PATH: _path, ...env } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench.ts", ...args], { env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

describe.skipIf(!hasPostgres)("bench on PostgreSQL", () => {
  it(`fills a throwaway cluster and measures it${hasBuild ? " through two app servers" : " (no production build: without the servers)"}`, async () => {
    const args = ["--db", "postgres", "--conversations", "200", "--days", "20", "--events", "200", "--page-seconds", "2", "--json", "--no-build"];
    const { code, stdout, stderr } = await benchCli(hasBuild ? [...args, "--servers", "2"] : [...args, "--no-server"]);
    expect(code, stderr.slice(-3000)).toBe(0);
    const json = JSON.parse(stdout);
    // The figures name the database's buffer cache, which they depend on (the throwaway cluster's).
    expect(json.setup).toMatchObject({ engine: "postgres", servers: hasBuild ? 2 : 0, sharedBuffers: "128MB" });
    expect(json.setup.conversations).toBeGreaterThan(150);
    positive(json.setup.databaseMb);
    for (const key of ["eventsPerSecond", "rawInsertRowsPerSecond", "ratio"]) positive(json.ingest[key]);
    for (const key of ["p50Ms", "p95Ms"]) positive(json.inbox[key]);
    for (const key of ["p50Ms", "p95Ms"]) positive(json.dashboard[key]);
    expect(json.inbox.conversations).toBeGreaterThan(json.setup.conversations);
    if (!hasBuild) return;
    positive(json.http.eventsPerSecond);
    expect(json.http.servers).toBe(2);
    // Where the HTTP measure's CPU went: the servers' and the throwaway cluster's processes are counted, and within the machine's.
    const spent = json.http.cpu.msPerEvent;
    for (const part of [spent.server, spent.database, spent.machine]) positive(part);
    expect(spent.server + spent.database + spent.loadGenerator).toBeLessThanOrEqual(spent.machine * 1.25 + 0.2);
    expect(json.realtime.missed).toBe(0);
    for (const pages of [json.dashboardPages, json.inboxPages]) {
      expect(pages).toMatchObject({ concurrency: 16, servers: 2 });
      for (const key of ["pagesPerSecond", "p50Ms", "p95Ms"]) positive(pages[key]);
      positive(pages.loadGeneratorCpu.userSeconds + pages.loadGeneratorCpu.systemSeconds);
      expect(pages.loadGeneratorCpu.cores).toBeGreaterThan(0);
      // The machine's busy cores include the load generator's own.
      expect(pages.machineCpu.cores).toBeGreaterThan(0);
      expect(pages.machineCpu.busyCores).toBeGreaterThanOrEqual(pages.loadGeneratorCpu.cores * 0.9);
      expect(pages.machineCpu.busyCores + pages.machineCpu.idleCores).toBeLessThanOrEqual(pages.machineCpu.cores * 1.05);
    }
    positive(json.memory.serverRssMb);
  }, 150_000);

});

describe("bench command line", () => {
  it("says what --db and --servers take", async () => {
    const engine = await benchCli(["--db", "mysql", "--no-server"]);
    expect(engine.code).toBe(64);
    expect(engine.stderr).toContain("--db must be sqlite or postgres");
    const servers = await benchCli(["--servers", "0", "--no-server"]);
    expect(servers.code).toBe(64);
    expect(servers.stderr).toContain("--servers must be a whole number ≥ 1");
  });
});
