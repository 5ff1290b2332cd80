import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ensureBuild } from "./lib/build";
import { MISSING, postgresBin } from "./lib/postgres";

// `npm test`: unit and integration tests on SQLite, the integration suites again on a throwaway
// PostgreSQL cluster (vitest.postgres.config.ts), then the production build in Chromium.
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const e2eOnly = process.argv.includes("--e2e-only");
const vitest = path.join("node_modules", "vitest", "vitest.mjs");

type Counts = { passed: number; failed: number; skipped: number };
type FileResult = { name: string; status: string; message?: string; assertionResults?: { status: string; fullName?: string; failureMessages?: string[] }[] };

// Named again at the very end, so the tail of a long log still says what failed and why.
const failures: string[] = [];
const firstLine = (s: string | undefined) => (s ?? "").split("\n").find((l) => l.trim())?.trim().slice(0, 300) ?? "";

function run(config: string | null, label: string): { status: number; counts: Counts } {
  const started = Date.now();
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "replyhour-vitest-")), "report.json");
  const args = [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  if (config) args.push("--config", config);
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, "utf8"));
    counts.passed = json.numPassedTests ?? 0;
    // A file that fails to load has no failed test of its own: count it once, and nothing twice.
    const brokenFiles = (json.testResults ?? []).filter((f: { status: string; assertionResults?: { status: string }[] }) =>
      f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed")).length;
    counts.failed = (json.numFailedTests ?? 0) + brokenFiles;
    for (const f of (json.testResults ?? []) as FileResult[]) {
      const file = path.relative(process.cwd(), f.name);
      const failedTests = (f.assertionResults ?? []).filter((a) => a.status === "failed");
      for (const a of failedTests) failures.push(`${label} · ${file} › ${a.fullName ?? ""}\n    ${firstLine(a.failureMessages?.[0])}`);
      if (f.status === "failed" && failedTests.length === 0) failures.push(`${label} · ${file} (did not load)\n    ${firstLine(f.message)}`);
    }
    counts.skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  }
  process.stdout.write(`\n${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${Math.round((Date.now() - started) / 1000)} s\n`);
  return { status: result.status ?? 1, counts };
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
let failed = false;
const add = (r: { status: number; counts: Counts }) => {
  total.passed += r.counts.passed;
  total.failed += r.counts.failed;
  total.skipped += r.counts.skipped;
  if (r.status !== 0) failed = true;
};

// The e-mail tests run a real IMAP server on loopback: without Dovecot they cannot, so say so at once.
const DOVECOT = ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"];
if (!e2eOnly && !DOVECOT.some((p) => fs.existsSync(p))) {
  process.stderr.write("\nThe e-mail tests need Dovecot's IMAP server (a throwaway instance on loopback).\nInstall it with: sudo apt-get install -y dovecot-imapd\n");
  process.stdout.write("\nTests: 0 passed, 1 failed, 0 skipped\n");
  process.exit(1);
}

// Without PostgreSQL binaries the run fails at once, saying what to install (TEST_POSTGRES_URL
// names a server of one's own instead).
if (!e2eOnly && !process.env.TEST_POSTGRES_URL && !postgresBin()) {
  process.stderr.write(`${MISSING}\n`);
  process.exit(1);
}
if (!e2eOnly) {
  add(run(null, "SQLite"));
  add(run("vitest.postgres.config.ts", "PostgreSQL"));
}
if (!fs.existsSync(CHROMIUM)) {
  process.stderr.write(`\nEnd-to-end tests need Chromium at ${CHROMIUM}.\nInstall it with: sudo apt-get update && sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to a Chromium binary)\n`);
  failed = true;
  total.failed += 1;
} else {
  ensureBuild();
  add(run("vitest.e2e.config.ts", "End-to-end"));
}
if (failures.length) process.stdout.write(`\nFailed:\n${failures.map((f) => `  ${f}`).join("\n")}\n`);
process.stdout.write(`\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(failed ? 1 : 0);
