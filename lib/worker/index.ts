import { getDb } from "@/db/client";
import { demoEnabled } from "@/lib/seed/demo-logins";
import { retrainDueBrands } from "./retrain";
import { sendDueReplies } from "@/lib/outbound/outbox";
import { advanceSlaStates, resolveIdleNoise } from "./sla-timer";
import { emitDemoTraffic, loadDemoWorkspace } from "./demo-traffic";
import { pollDueChannels } from "./pollers";
import { assignWaiting } from "@/lib/assignment/round-robin";
import { indexNewMessages } from "@/lib/search/fts-index";
import { wakeSnoozed } from "@/lib/conversations/snooze";
import { deliverDueWebhooks } from "@/lib/escalation/webhooks";
import { ALERT_EVERY_MS, checkBrandAlerts } from "@/lib/escalation/alerts";

const TICK_MS = 1_000;
const DEMO_SEED = 20261122;
const globalForWorker = globalThis as unknown as { replyhourWorker?: NodeJS.Timeout };

const running = new Set<string>();

// Async tasks never overlap themselves: a slow platform must not make the outbox send twice.
function runExclusive(name: string, body: () => Promise<unknown>): void {
  if (running.has(name)) return;
  running.add(name);
  body()
    .catch((error) => console.error(`worker task ${name} failed`, error))
    .finally(() => running.delete(name));
}

type Task = { name: string; everyMs: number; nextAt: number; run: (now: number) => void };

// One loop per process; all state lives in the database, so a restart resumes where it stopped.
export function startWorker(): void {
  if (globalForWorker.replyhourWorker) return;
  const db = getDb();
  const tasks: Task[] = [
    { name: "sla", everyMs: 5_000, nextAt: 0, run: (now) => void advanceSlaStates({ db, now }) },
    { name: "noise", everyMs: 60_000, nextAt: 0, run: (now) => void resolveIdleNoise({ db, now }) },
    { name: "retrain", everyMs: 10 * 60_000, nextAt: Date.now() + 60_000, run: (now) => void retrainDueBrands({ db, now }) },
    { name: "outbox", everyMs: 1_000, nextAt: 0, run: (now) => runExclusive("outbox", () => sendDueReplies({ db, now })) },
    { name: "pollers", everyMs: 10_000, nextAt: 0, run: (now) => void pollDueChannels({ db, now }) },
    { name: "round-robin", everyMs: 5_000, nextAt: 0, run: (now) => void assignWaiting({ db, now }) },
    { name: "snooze", everyMs: 15_000, nextAt: 0, run: (now) => void wakeSnoozed({ db, now }) },
    // A safety net: every writer indexes its own messages, this catches any that did not.
    { name: "search-index", everyMs: 2_000, nextAt: 0, run: (now) => void indexNewMessages(db.$client, now) },
    { name: "webhooks", everyMs: 1_000, nextAt: 0, run: (now) => runExclusive("webhooks", () => deliverDueWebhooks({ db, now })) },
    { name: "brand-alerts", everyMs: ALERT_EVERY_MS, nextAt: 0, run: (now) => void checkBrandAlerts({ db, now }) },
  ];
  if (demoEnabled() && process.env.DEMO_TRAFFIC !== "0") {
    const workspace = loadDemoWorkspace({ db });
    if (workspace)
      tasks.push({
        name: "demo-traffic",
        // The generator makes one comment per 15-second bucket; calling every bucket keeps follow-ups threaded.
        everyMs: 15_000,
        nextAt: Date.now() + 5_000,
        run: (now) => void emitDemoTraffic({ db, workspace, now, seed: DEMO_SEED }),
      });
  }
  const tick = () => {
    const now = Date.now();
    for (const task of tasks) {
      if (now < task.nextAt) continue;
      task.nextAt = now + task.everyMs;
      try {
        task.run(now);
      } catch (error) {
        console.error(`worker task ${task.name} failed`, error);
      }
    }
  };
  globalForWorker.replyhourWorker = setInterval(tick, TICK_MS);
  globalForWorker.replyhourWorker.unref();
  tick();
}
