import { Rng } from "@/lib/demo/rng";

/**
 * A discrete-event replay of one queue: requests arrive at the given instants, N agents take
 * them first come first served, each holds a request for its handle time. With identical agents
 * and FCFS, the next request goes to whichever agent frees first, so the events reduce to a
 * min-heap of the instants the agents become free.
 */
export type SimulationResult = { requests: number; withinTarget: number; serviceLevel: number; meanWaitSeconds: number };

class MinHeap {
  private items: number[] = [];
  constructor(values: number[]) {
    for (const v of values) this.push(v);
  }
  push(value: number): void {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent] <= a[i]) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

/** An exponential handle-time source with mean `ahtSeconds`, reproducible from `seed`. */
export function exponentialHandleTimes({ ahtSeconds, seed }: { ahtSeconds: number; seed: number }): () => number {
  const rng = new Rng(seed);
  return () => -ahtSeconds * Math.log(1 - rng.next());
}

/**
 * Arrival instants in seconds (any order); `handleSeconds` gives each request's handle time in
 * arrival order. Every request is counted, including those still waiting when arrivals stop.
 */
export function simulateQueue({ arrivals, agents, handleSeconds, targetSeconds }: { arrivals: number[]; agents: number; handleSeconds: () => number; targetSeconds: number }): SimulationResult {
  if (arrivals.length === 0) return { requests: 0, withinTarget: 0, serviceLevel: 1, meanWaitSeconds: 0 };
  if (agents <= 0) return { requests: arrivals.length, withinTarget: 0, serviceLevel: 0, meanWaitSeconds: Infinity };
  const sorted = [...arrivals].sort((a, b) => a - b);
  const free = new MinHeap(new Array<number>(agents).fill(-Infinity));
  let within = 0;
  let waited = 0;
  for (const at of sorted) {
    const start = Math.max(at, free.pop());
    const wait = start - at;
    if (wait <= targetSeconds) within++;
    waited += wait;
    free.push(start + handleSeconds());
  }
  return { requests: sorted.length, withinTarget: within, serviceLevel: within / sorted.length, meanWaitSeconds: waited / sorted.length };
}

/** Poisson arrivals at `perHour` over `hours`, in seconds from 0, reproducible from `seed`. */
export function poissonArrivals({ perHour, hours, seed }: { perHour: number; hours: number; seed: number }): number[] {
  const rng = new Rng(seed);
  const out: number[] = [];
  const end = hours * 3600;
  for (let at = 0; ; ) {
    at += (-3600 / perHour) * Math.log(1 - rng.next());
    if (at >= end) return out;
    out.push(at);
  }
}
