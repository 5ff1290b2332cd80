import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The integration suites that run on PostgreSQL as well (`TEST_DATABASE=postgres`, or
// `npx vitest run --config vitest.postgres.config.ts`): each file's databases are copies of a
// migrated template on a throwaway cluster (tests/postgres-setup.ts).
// The suites listed beside tests/db pass on PostgreSQL; the others arrange rows with raw SQLite
// statements (sqlite(db) in tests/helpers/db.ts) and join this list as they move to db/.
export const POSTGRES_SUITES = [
  "tests/db/**/*.test.ts",
  "tests/api/write-lib.test.ts",
  "tests/auth/sign-in.test.ts",
  "tests/channels/health.test.ts",
  "tests/escalation/ui-timeline.test.ts",
  "tests/limits/**/*.test.ts",
  "tests/metrics/report.test.ts",
  "tests/metrics/rollups.test.ts",
  "tests/reports/weekly.test.ts",
  "tests/notifications/actions.test.ts",
  "tests/realtime/**/*.test.ts",
  "tests/security/brute-force.test.ts",
  "tests/staffing/parts.test.ts",
  "tests/staffing/plan.test.ts",
  "tests/worker/lease.test.ts",
  "tests/privacy/erase.test.ts",
  "tests/privacy/retention.test.ts",
  "tests/worker/claim.test.ts",
  "tests/ingest/clock-start.test.ts",
  "tests/ingest/set-based.test.ts",
  "tests/ingest/contact-profile.test.ts",
  "tests/ingest/together.test.ts",
  "tests/metrics/dashboard.test.ts",
  "tests/metrics/figure-cache.test.ts",
  "tests/escalation/rules.test.ts",
  "tests/presence/presence.test.ts",
  "tests/ingest/webhooks.test.ts",
  "tests/inbox/snooze.test.ts",
  "tests/notifications/list.test.ts",
  "tests/templates/templates.test.ts",
  "tests/ingest/post-context.test.ts",
  "tests/ingest/email/threading.test.ts",
  "tests/presence/replied-meanwhile.test.ts",
  "tests/templates/actions.test.ts",
  "tests/outbound/outbox.test.ts",
  "tests/presence/mentions.test.ts",
  "tests/channels/channels.test.ts",
  "tests/auth/access.test.ts",
  "tests/web/config.test.ts",
  "tests/security/hardening.test.ts",
  "tests/ingest/platform-details.test.ts",
  "tests/ingest/pipeline.test.ts",
  "tests/inbox/triage.test.ts",
  "tests/assignment/round-robin.test.ts",
  "tests/metrics/live.test.ts",
  "tests/sla/settings.test.ts",
  "tests/metrics/escalation.test.ts",
  "tests/ingest/import.test.ts",
  "tests/escalation/engine.test.ts",
  "tests/escalation/delivery.test.ts",
  "tests/moderation/moderation.test.ts",
];

// Spread, not mergeConfig: merging would add the base include list to this one.
export default defineConfig({
  ...base,
  test: { ...base.test, include: POSTGRES_SUITES, globalSetup: ["tests/postgres-setup.ts"] },
});
