import cluster, { type Worker } from "node:cluster";
import os from "node:os";

/**
 * How many web processes `npm start` runs: WEB_CONCURRENCY, a number or "auto" (one per core);
 * one when unset. Refuses anything else, so a typo does not start one process silently.
 */
export function webConcurrency(value = process.env.WEB_CONCURRENCY): number {
  const given = value?.trim();
  if (!given) return 1;
  if (given === "auto") return os.availableParallelism();
  if (!/^\d{1,3}$/.test(given) || Number(given) < 1) throw new Error(`WEB_CONCURRENCY must be a number of processes (1 or more) or "auto", not "${given}".`);
  return Number(given);
}

/**
 * Runs `count` copies of the web server (node `execArgv` `file` `args`) as a node cluster: they
 * share the one listening port and the primary hands connections to them in turn. The first
 * process runs the background worker (the jobs' leases would keep the others out anyway); one
 * that dies is started again. Returns a stop that passes the signal on.
 */
export function startCluster({ count, execArgv = [], file, args, env }: { count: number; execArgv?: string[]; file: string; args: string[]; env: NodeJS.ProcessEnv }): { stop: (signal: NodeJS.Signals) => void; exited: Promise<number> } {
  cluster.setupPrimary({ exec: file, args, execArgv });
  let stopping = false;
  const started = new Map<Worker, { slot: number; at: number }>();
  const fork = (slot: number) => {
    const worker = cluster.fork({ ...env, REPLYHOUR_WORKER: slot === 0 ? (env.REPLYHOUR_WORKER ?? "1") : "0", REPLYHOUR_SERVER_SLOT: String(slot) });
    started.set(worker, { slot, at: Date.now() });
  };
  for (let slot = 0; slot < count; slot++) fork(slot);
  const exited = new Promise<number>((resolve) => {
    cluster.on("exit", (worker, code, signal) => {
      const { slot, at } = started.get(worker)!;
      started.delete(worker);
      if (stopping) {
        if (started.size === 0) resolve(0);
        return;
      }
      // A crash right after starting would loop: wait a little before the next try.
      const delay = Date.now() - at < 10_000 ? 5_000 : 0;
      process.stderr.write(`Web process ${slot + 1} exited (${signal ?? `code ${code}`}); starting it again${delay ? " in 5 s" : ""}\n`);
      setTimeout(() => !stopping && fork(slot), delay);
    });
  });
  return {
    exited,
    stop: (signal) => {
      stopping = true;
      for (const worker of started.keys()) worker.process.kill(signal);
    },
  };
}
