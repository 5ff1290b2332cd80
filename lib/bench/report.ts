import type { BenchResult } from "./run";

type Check = { name: string; figure: number | null; unit: string; target: number | null; better: "higher" | "lower" };

export function checks(r: BenchResult): Check[] {
  return [
    { name: "ingest: pipeline", figure: r.ingest.eventsPerSecond, unit: "events/s", target: 20_000, better: "higher" },
    { name: "ingest: pipeline / raw insert", figure: r.ingest.ratio, unit: "", target: 0.1, better: "higher" },
    { name: "http: POST /api/v1/events", figure: r.http?.eventsPerSecond ?? null, unit: "events/s", target: 3_000, better: "higher" },
    { name: "inbox: p95", figure: r.inbox.p95Ms, unit: "ms", target: 20, better: "lower" },
    { name: "dashboard: p95 (slowest query)", figure: r.dashboard.p95Ms, unit: "ms", target: 200, better: "lower" },
    { name: "classifier", figure: r.classifier.messagesPerSecond, unit: "messages/s", target: 50_000, better: "higher" },
    { name: "dashboard pages: 16 managers", figure: r.dashboardPages?.pagesPerSecond ?? null, unit: "pages/s", target: 40, better: "higher" },
    { name: "dashboard pages: 16 managers p95", figure: r.dashboardPages?.p95Ms ?? null, unit: "ms", target: 500, better: "lower" },
    { name: "inbox pages: 16 agents", figure: r.inboxPages?.pagesPerSecond ?? null, unit: "pages/s", target: null, better: "higher" },
    { name: "inbox pages: 16 agents p95", figure: r.inboxPages?.p95Ms ?? null, unit: "ms", target: null, better: "lower" },
    { name: "realtime: commit → SSE p95", figure: r.realtime?.p95Ms ?? null, unit: "ms", target: 1_000, better: "lower" },
    { name: "memory: server RSS", figure: r.memory.serverRssMb, unit: "MB", target: 400, better: "lower" },
  ];
}

export function passed(c: Check): boolean | null {
  if (c.figure == null || c.target == null) return null;
  return c.better === "higher" ? c.figure >= c.target : c.figure <= c.target;
}

/** The issue's shape, with the extra figures inside each section. */
export function toJson(r: BenchResult) {
  return {
    ingest: r.ingest,
    http: r.http ?? { eventsPerSecond: null, p95Ms: null, skipped: true },
    inbox: r.inbox,
    dashboard: r.dashboard,
    dashboardPages: r.dashboardPages ?? { concurrency: 16, pagesPerSecond: null, p50Ms: null, p95Ms: null, skipped: true },
    inboxPages: r.inboxPages ?? { concurrency: 16, pagesPerSecond: null, p50Ms: null, p95Ms: null, skipped: true },
    classifier: r.classifier,
    realtime: r.realtime ?? { p95Ms: null, skipped: true },
    memory: r.memory,
    setup: { engine: r.fill.engine, servers: r.servers, conversations: r.fill.conversations, messages: r.fill.messages, fillSeconds: Math.round(r.fill.seconds), databaseMb: r.fill.databaseMb, sharedBuffers: r.fill.sharedBuffers },
  };
}

const n = (v: number) => (Number.isInteger(v) ? v.toLocaleString("en") : String(v));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function toText(r: BenchResult): string {
  const f = r.fill;
  const out: string[] = [
    `Replyhour bench — ${n(f.conversations)} conversations, ${n(f.messages)} messages, ${n(f.cycles)} cycles, ${n(f.contacts)} contacts over ${f.days} days`,
    `${f.engine === "postgres" ? "PostgreSQL" : "SQLite"} database ${f.databasePath} (${n(f.databaseMb)} MB${f.sharedBuffers ? `, shared_buffers ${f.sharedBuffers}` : ""}), filled in ${f.seconds.toFixed(0)} s; whole run ${r.seconds.toFixed(0)} s; ${r.servers === 0 ? "no app server" : `${r.servers} app server${r.servers > 1 ? "s" : ""}`}`,
    `machine: ${r.memory.cpus} cores, load average ${r.memory.loadAverage.start} at the start, ${r.memory.loadAverage.end} at the end (figures from a busy machine are low)`,
    "",
    table(
      ["measure", "figure", "target", ""],
      checks(r).map((c) => {
        const ok = passed(c);
        const cmp = c.better === "higher" ? "≥" : "≤";
        return [c.name, c.figure == null ? "skipped" : `${n(c.figure)} ${c.unit}`.trim(), c.target == null ? "–" : `${cmp} ${n(c.target)} ${c.unit}`.trim(), ok == null ? "–" : ok ? "✓" : "✗"];
      }),
    ),
    "",
    `ingest: ${n(r.ingest.events)} events in batches of ${r.ingest.batchSize} (${r.ingest.batchMs} ms a batch); raw insert ${n(r.ingest.rawInsertRowsPerSecond)} rows/s (table and indexes), ${n(r.ingest.rawInsertWithFtsTriggerRowsPerSecond)} with the full-text trigger, ${n(r.ingest.rawInsertBatchFtsRowsPerSecond)} indexing each batch in one statement`,
    table(["where one ingested event's time goes", "calls/event", "µs/event", "share"], r.ingest.profile.map((p) => [p.part, String(p.callsPerEvent), String(p.microsPerEvent), `${Math.round(p.share * 100)}%`])),
    "",
    table(["inbox call", "calls", "p50 ms", "p95 ms", "max ms"], Object.entries(r.inbox.perCall).map(([k, v]) => [k, String(v.calls), String(v.p50Ms), String(v.p95Ms), String(v.maxMs)])),
    "",
    table(
      ["dashboard (30 days)", "calls", "p50 ms", "p95 ms", "max ms"],
      [...Object.entries(r.dashboard.perQuery), ...Object.entries(r.dashboard.parts).map(([k, v]) => [`  part: ${k}`, v] as const)].map(([k, v]) => [k, String(v.calls), String(v.p50Ms), String(v.p95Ms), String(v.maxMs)]),
    ),
    `dashboard range: ${n(r.dashboard.cyclesInRange)} cycles started in the last 30 days`,
  ];
  if (r.http) out.push("", `http: ${n(r.http.events)} events in ${n(r.http.requests)} requests of ${r.http.batchSize}, ${r.http.clients} clients on ${r.http.servers} server${r.http.servers > 1 ? "s" : ""}; p50 ${r.http.p50Ms} ms, p95 ${r.http.p95Ms} ms a request${r.http.retried ? `; ${r.http.retried} answered 5xx and were sent again` : ""}`);
  if (r.http?.cpu) {
    const c = r.http.cpu;
    out.push(
      `  CPU per event: ${c.msPerEvent.machine} ms on the machine (busy ${c.busyCores} of ${c.cores} cores): servers ${c.msPerEvent.server ?? "–"} ms, database ${c.msPerEvent.database ?? "– (in the servers, or another machine)"} ms, load generator ${c.msPerEvent.loadGenerator} ms`,
    );
  }
  if (r.realtime) out.push(`realtime: ${r.realtime.samples} ingests, p50 ${r.realtime.p50Ms} ms, p95 ${r.realtime.p95Ms} ms, max ${r.realtime.maxMs} ms${r.realtime.missed ? `, ${r.realtime.missed} never arrived` : ""}`);
  if (r.inbox.serverPage && r.dashboard.serverPage)
    out.push(`rendered pages over HTTP (p50 / p95): /inbox ${r.inbox.serverPage.p50Ms} / ${r.inbox.serverPage.p95Ms} ms, /dashboard ${r.dashboard.serverPage.p50Ms} / ${r.dashboard.serverPage.p95Ms} ms`);
  for (const [what, who, p] of [["dashboard pages", "managers", r.dashboardPages], ["inbox pages (Waiting)", "agents", r.inboxPages]] as const)
    if (p)
      out.push(
        `${what}: ${p.concurrency} ${who} on ${p.brand} across ${p.servers} server${p.servers > 1 ? "s" : ""} for ${p.seconds} s: ${n(p.pages)} pages, ${p.pagesPerSecond} pages/s, p50 ${p.p50Ms} ms, p95 ${p.p95Ms} ms; the load generator used ${p.loadGeneratorCpu.userSeconds} s user + ${p.loadGeneratorCpu.systemSeconds} s system CPU (${p.loadGeneratorCpu.cores} cores); the machine was busy ${p.machineCpu.busyCores} of ${p.machineCpu.cores} cores`,
      );
  return out.join("\n") + "\n";
}
