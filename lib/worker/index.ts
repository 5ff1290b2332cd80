import { database } from "@/db/client";
import { demoEnabled } from "@/lib/seed/demo-logins";
import { retrainDueBrands } from "./retrain";
import { sendDueReplies } from "@/lib/outbound/outbox";
import { advanceSlaStates, resolveIdleNoise } from "./sla-timer";
import { emitDemoTraffic, loadDemoWorkspace } from "./demo-traffic";
import { pollDueChannels } from "./pollers";
import { watchMailboxes } from "./mail-idle";
import { jobScheduler, type Job } from "./jobs";
import { assignWaiting } from "@/lib/assignment/round-robin";
import { indexNewMessages } from "@/db/search";
import { wakeSnoozed } from "@/lib/conversations/snooze";
import { deliverDueWebhooks } from "@/lib/escalation/webhooks";
import { sendDuePushes } from "@/lib/push/send";
import { ALERT_EVERY_MS, checkBrandAlerts } from "@/lib/escalation/alerts";
import { eraseExpiredMessages } from "@/lib/privacy/retention";
import { sweepRateLimits } from "@/lib/limits/rate";
import type { DemoWorkspace } from "@/lib/seed/seed-demo";
import { sendWeeklyReports } from "@/lib/reports/weekly/send";
import { plannerGap } from "@/lib/reports/weekly/staffing";

const TICK_MS = 1_000;
const DEMO_SEED = 20261122;
const globalForWorker = globalThis as unknown as { replyhourWorker?: NodeJS.Timeout };

// One loop per process; all state lives in the database, so a restart resumes where it stopped.
export function startWorker(): void {
  if (globalForWorker.replyhourWorker) return;
  const db = database();
  const jobs: Job[] = [
    { name: "sla", everyMs: 5_000, run: (now) => advanceSlaStates({ db, now }) },
    { name: "noise", everyMs: 60_000, run: (now) => resolveIdleNoise({ db, now }) },
    { name: "retrain", everyMs: 10 * 60_000, firstAt: Date.now() + 60_000, run: (now) => retrainDueBrands({ db, now }) },
    { name: "outbox", everyMs: 1_000, run: (now) => sendDueReplies({ db, now }) },
    { name: "pollers", everyMs: 10_000, run: (now) => pollDueChannels({ db, now }) },
    { name: "mail-idle", everyMs: 30_000, run: () => watchMailboxes({ db }) },
    { name: "round-robin", everyMs: 5_000, run: (now) => assignWaiting({ db, now }) },
    { name: "snooze", everyMs: 15_000, run: (now) => wakeSnoozed({ db, now }) },
    // A safety net: every writer indexes its own messages, this catches any that did not.
    { name: "search-index", everyMs: 2_000, run: (now) => indexNewMessages(db, now) },
    { name: "webhooks", everyMs: 1_000, run: (now) => deliverDueWebhooks({ db, now }) },
    { name: "push", everyMs: 1_000, run: (now) => sendDuePushes({ db, now }) },
    { name: "brand-alerts", everyMs: ALERT_EVERY_MS, run: (now) => checkBrandAlerts({ db, now }) },
    // Monday mornings in each brand's zone; the (user, brand, week) row keeps it to one e-mail.
    { name: "weekly-report", everyMs: 5 * 60_000, firstAt: Date.now() + 30_000, run: (now) => sendWeeklyReports({ db, now, staffingGap: plannerGap }) },
    // Brands' retention periods: small batches, so ingest never waits long behind it.
    { name: "retention", everyMs: 60_000, firstAt: Date.now() + 30_000, run: (now) => eraseExpiredMessages({ db, now }) },
    { name: "rate-limits", everyMs: 60_000, run: (now) => sweepRateLimits({ db, now }) },
  ];
  if (demoEnabled() && process.env.DEMO_TRAFFIC !== "0") {
    // Looked up once: a database without the demo brands gets no demo traffic.
    let workspace: DemoWorkspace | null | undefined;
    jobs.push({
      name: "demo-traffic",
      // The generator makes one comment per 15-second bucket; calling every bucket keeps follow-ups threaded.
      everyMs: 15_000,
      firstAt: Date.now() + 5_000,
      run: async (now) => {
        if (workspace === undefined) workspace = await loadDemoWorkspace({ db });
        if (workspace) await emitDemoTraffic({ db, workspace, now, seed: DEMO_SEED });
      },
    });
  }
  const tick = jobScheduler({ db, jobs });
  globalForWorker.replyhourWorker = setInterval(() => void tick(), TICK_MS);
  globalForWorker.replyhourWorker.unref();
  void tick();
}
