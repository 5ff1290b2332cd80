import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, type Db } from "@/db/client";
import { jobScheduler, leaseTtl, type Job } from "@/lib/worker/jobs";
import { openAgain, testDb } from "../helpers/db";

const T0 = 1_000_000;
const EVERY = 1_000;
const open: Db[] = [];
afterEach(() => {
  while (open.length) closeDatabase(open.pop());
});

// Two worker processes on one database: two handles, two lease holders.
function twoProcesses() {
  const { db, file } = testDb();
  const other = openAgain(file);
  open.push(db, other);
  const runs: string[] = [];
  const job = (who: string): Job => ({ name: "outbox", everyMs: EVERY, run: async () => void runs.push(who) });
  return {
    runs,
    first: jobScheduler({ db, jobs: [job("first")], holder: "first" }),
    second: jobScheduler({ db: other, jobs: [job("second")], holder: "second" }),
  };
}

describe("worker jobs under a lease", () => {
  it("runs a job in one process only", async () => {
    const { runs, first, second } = twoProcesses();
    for (let i = 0; i < 5; i++) {
      await second(T0 + i * EVERY);
      await first(T0 + i * EVERY);
    }
    expect(runs).toEqual(Array(5).fill("second"));
  });

  it("hands the job to the other process once the holder stops renewing and its lease expires", async () => {
    const { runs, first, second } = twoProcesses();
    await first(T0);
    await second(T0);
    expect(runs).toEqual(["first"]);
    // The first process dies after this run; its lease lasts leaseTtl from then.
    const lastRun = T0 + EVERY;
    await first(lastRun);
    await second(lastRun);
    await second(lastRun + leaseTtl(EVERY));
    expect(runs).toEqual(["first", "first"]);
    await second(lastRun + leaseTtl(EVERY) + EVERY);
    expect(runs).toEqual(["first", "first", "second"]);
    // Back again, the first process finds the job taken.
    await first(lastRun + leaseTtl(EVERY) + 2 * EVERY);
    expect(runs).toEqual(["first", "first", "second"]);
  });

  it("never overlaps a job with itself, and keeps to its interval", async () => {
    const { db } = testDb();
    open.push(db);
    const finish: (() => void)[] = [];
    const slow: Job = { name: "pollers", everyMs: EVERY, run: () => new Promise<void>((resolve) => void finish.push(resolve)) };
    const tick = jobScheduler({ db, jobs: [slow], holder: "only" });
    // Until the run has started (or 20 ms more once it has: nothing else starts meanwhile).
    const settle = async (runs: number) => {
      await vi.waitFor(() => expect(finish.length).toBeGreaterThanOrEqual(runs), { timeout: 5_000, interval: 5 });
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const firstRun = tick(T0);
    await settle(1);
    expect(finish).toHaveLength(1);
    // Due again, but the first run has not finished: no second run beside it.
    await tick(T0 + 5 * EVERY);
    expect(finish).toHaveLength(1);
    finish[0]();
    await firstRun;
    // Overdue once the first run is done; then not again before its interval has passed.
    const secondRun = tick(T0 + 5 * EVERY + 10);
    await settle(2);
    expect(finish).toHaveLength(2);
    finish[1]();
    await secondRun;
    await tick(T0 + 6 * EVERY);
    expect(finish).toHaveLength(2);
  });

  it("logs a failing job and runs it again at its next turn", async () => {
    const { db } = testDb();
    open.push(db);
    let calls = 0;
    const failing: Job = { name: "webhooks", everyMs: EVERY, run: async () => { calls++; throw new Error("platform down"); } };
    const tick = jobScheduler({ db, jobs: [failing], holder: "only" });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await tick(T0);
      await tick(T0 + EVERY);
    } finally {
      console.error = original;
    }
    expect(calls).toBe(2);
    expect(errors, JSON.stringify(errors.map(String))).toHaveLength(2);
  });
});
