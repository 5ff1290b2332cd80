import os from "node:os";
import { cpuTimes, namedProcessesCpuSeconds, processCpuSeconds } from "./cpu";
import { brandBatches, type FreshEvent } from "./events";
import type { BenchWorkspace } from "./fill";
import { latency, type Latency } from "./stats";

export type HttpFigures = { eventsPerSecond: number; p95Ms: number; p50Ms: number; requests: number; events: number; clients: number; batchSize: number; servers: number; perRequest: Latency;
  /** Requests answered 5xx ("nothing was stored") and sent again, as a client does; their time counts. */
  retried: number;
  /**
   * Where the CPU went while the requests ran, in cores and in milliseconds per event: the whole
   * machine, the bench (load generator), the servers' processes, and the database's (its local
   * processes; null when it runs elsewhere or inside the servers, as SQLite does).
   */
  cpu: HttpCpu;
};

export type HttpCpu = {
  cores: number;
  busyCores: number;
  loadGeneratorCores: number;
  serverCores: number | null;
  databaseCores: number | null;
  msPerEvent: { machine: number; loadGenerator: number; server: number | null; database: number | null };
};

export const HTTP_BATCH = 100;
export const HTTP_CLIENTS = 8;
export const HTTP_WARM_UP = 8;

type Body = { token: string; body: string; events: number };

/** Request bodies of `size` fresh events each, addressed to the fill's channels, with each brand's token. */
export function requestBodies({ workspace, events, tokens, size = HTTP_BATCH }: { workspace: BenchWorkspace; events: FreshEvent[]; tokens: Map<string, string>; size?: number }): Body[] {
  return brandBatches(events, size).map(({ brandSlug, items }) => ({
    token: tokens.get(brandSlug)!,
    events: items.length,
    body: JSON.stringify({ events: items.map((e) => ({ ...e.event, channel: String(workspace.channelIds.get(e.channelKey)!) })) }),
  }));
}

/**
 * POST /api/v1/events over loopback: `clients` concurrent clients, each sending the next batch as
 * soon as its previous one was answered, client i to server i of `urls` in turn. Bodies are serialised beforehand, so the clients cost
 * little of the two cores the server shares with them. The first few requests warm the route up.
 */
export async function benchHttp({
  urls,
  bodies,
  clients = HTTP_CLIENTS,
  warmUp = HTTP_WARM_UP,
  serverPids = [],
  databaseProcess,
}: {
  urls: string[];
  bodies: Body[];
  clients?: number;
  warmUp?: number;
  /** The servers' processes, for their share of the CPU. */
  serverPids?: number[];
  /** The name of the local database server's processes ("postgres"), when it runs on this machine. */
  databaseProcess?: string;
}): Promise<HttpFigures> {
  let retried = 0;
  const post = async (b: Body, url: string): Promise<number> => {
    const t0 = performance.now();
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${url}/api/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${b.token}`, "content-type": "application/json" },
        body: b.body,
      });
      const text = await response.text();
      if (response.status === 202) return performance.now() - t0;
      if (response.status < 500 || attempt === 3) throw new Error(`POST /api/v1/events answered ${response.status}: ${text.slice(0, 300)}`);
      retried++;
    }
  };
  for (const [i, b] of bodies.slice(0, warmUp).entries()) await post(b, urls[i % urls.length]);
  const measured = bodies.slice(warmUp);
  const samples: number[] = [];
  let next = 0;
  const cpu = { bench: process.cpuUsage(), machine: cpuTimes(), server: processCpuSeconds(serverPids), database: databaseProcess ? namedProcessesCpuSeconds(databaseProcess) : null };
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (next < measured.length) samples.push(await post(measured[next++], urls[client % urls.length]));
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const bench = process.cpuUsage(cpu.bench);
  const used = {
    machine: (cpuTimes().busy - cpu.machine.busy) / 1000,
    loadGenerator: (bench.user + bench.system) / 1e6,
    server: cpu.server == null ? null : processCpuSeconds(serverPids)! - cpu.server,
    database: cpu.database == null || !databaseProcess ? null : namedProcessesCpuSeconds(databaseProcess)! - cpu.database,
  };
  const events = measured.reduce((sum, b) => sum + b.events, 0);
  const perRequest = latency(samples);
  const cores = (s: number | null) => (s == null ? null : round(s / seconds));
  const perEvent = (s: number | null) => (s == null ? null : round((s * 1000) / Math.max(1, events)));
  return {
    eventsPerSecond: Math.round(events / seconds),
    p95Ms: perRequest.p95Ms,
    p50Ms: perRequest.p50Ms,
    requests: measured.length,
    events,
    clients,
    batchSize: HTTP_BATCH,
    servers: urls.length,
    perRequest,
    retried,
    cpu: {
      cores: os.cpus().length,
      busyCores: cores(used.machine)!,
      loadGeneratorCores: cores(used.loadGenerator)!,
      serverCores: serverPids.length ? cores(used.server) : null,
      databaseCores: cores(used.database),
      msPerEvent: { machine: perEvent(used.machine)!, loadGenerator: perEvent(used.loadGenerator)!, server: serverPids.length ? perEvent(used.server) : null, database: perEvent(used.database) },
    },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
