import { brandBatches, type FreshEvent } from "./events";
import type { BenchWorkspace } from "./fill";
import { latency, type Latency } from "./stats";

export type HttpFigures = { eventsPerSecond: number; p95Ms: number; p50Ms: number; requests: number; events: number; clients: number; batchSize: number; servers: number; perRequest: Latency;
  /** Requests answered 5xx ("nothing was stored") and sent again, as a client does; their time counts. */
  retried: number;
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
export async function benchHttp({ urls, bodies, clients = HTTP_CLIENTS, warmUp = HTTP_WARM_UP }: { urls: string[]; bodies: Body[]; clients?: number; warmUp?: number }): Promise<HttpFigures> {
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
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (next < measured.length) samples.push(await post(measured[next++], urls[client % urls.length]));
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const events = measured.reduce((sum, b) => sum + b.events, 0);
  const perRequest = latency(samples);
  return { eventsPerSecond: Math.round(events / seconds), p95Ms: perRequest.p95Ms, p50Ms: perRequest.p50Ms, requests: measured.length, events, clients, batchSize: HTTP_BATCH, servers: urls.length, perRequest, retried };
}
