import { percentile } from "@/lib/metrics/percentile";

export type Latency = { calls: number; p50Ms: number; p95Ms: number; maxMs: number };

export function latency(samples: number[]): Latency {
  const at = (p: number) => Math.round((percentile({ values: samples, p }) ?? 0) * 100) / 100;
  return { calls: samples.length, p50Ms: at(50), p95Ms: at(95), maxMs: at(100) };
}

/** Runs `fn` and adds its wall time in milliseconds, until its promise settles, to `into`. */
export async function timeInto<T>(into: number[], fn: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await fn();
  into.push(performance.now() - t0);
  return result;
}

/** Samples grouped by name, plus all of them together. */
export class Samples {
  readonly byName = new Map<string, number[]>();

  time<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    let list = this.byName.get(name);
    if (!list) this.byName.set(name, (list = []));
    return timeInto(list, fn);
  }

  pooled(): number[] {
    return [...this.byName.values()].flat();
  }

  each(): Record<string, Latency> {
    return Object.fromEntries([...this.byName].map(([name, list]) => [name, latency(list)]));
  }
}
