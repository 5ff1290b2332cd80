import type { Db } from "@/db/client";
import { PROCESS_HOLDER, takeLease } from "./lease";

export type Job = {
  name: string;
  everyMs: number;
  /** The first run; by default the first tick. */
  firstAt?: number;
  run: (now: number) => Promise<unknown>;
};

// A few intervals: a live holder renews on every run, a dead one is replaced soon after.
export function leaseTtl(everyMs: number): number {
  return Math.max(3 * everyMs, 30_000);
}

/**
 * Runs the jobs that are due. A job never overlaps itself in this process, and runs only while
 * this process holds its lease, so two processes on one database never do the same work at once.
 * Returns when the runs started by this tick have finished.
 */
export function jobScheduler({ db, jobs, holder = PROCESS_HOLDER }: { db: Db; jobs: Job[]; holder?: string }): (now?: number) => Promise<void> {
  const running = new Set<string>();
  const nextAt = new Map(jobs.map((job) => [job.name, job.firstAt ?? 0]));
  const runJob = async (job: Job, now: number) => {
    try {
      if (await takeLease({ db, job: job.name, holder, ttlMs: leaseTtl(job.everyMs), now })) await job.run(now);
    } catch (error) {
      console.error(`worker job ${job.name} failed`, error);
    } finally {
      running.delete(job.name);
    }
  };
  return async (now = Date.now()) => {
    const started: Promise<void>[] = [];
    for (const job of jobs) {
      if (now < nextAt.get(job.name)! || running.has(job.name)) continue;
      nextAt.set(job.name, now + job.everyMs);
      running.add(job.name);
      started.push(runJob(job, now));
    }
    await Promise.all(started);
  };
}
