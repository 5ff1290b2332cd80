import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runBench } from "@/lib/bench/run";
import { toJson, toText } from "@/lib/bench/report";
import { ensureBuild } from "./lib/build";
import { parseArgs, runCli, UsageError } from "./lib/args";

const USAGE = `Usage: npm run --silent bench -- [--conversations N] [--days D] [--json] [--keep] [--no-build] [--no-server]

Fills a fresh database (DATABASE_PATH, else a temporary file) and measures ingest, the HTTP API,
the inbox, the dashboard, the classifier, realtime delivery and the server's memory.`;

const SWITCHES = ["--json", "--keep", "--no-build", "--no-server", "--help"];

function count(flags: Record<string, string | true>, name: string, fallback: number, min: number): number {
  const value = flags[name];
  if (value === undefined) return fallback;
  const parsed = typeof value === "string" ? Number(value.replace(/[_,]/g, "")) : NaN;
  if (!Number.isInteger(parsed) || parsed < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}`);
  return parsed;
}

runCli(async () => {
  const argv = process.argv.slice(2);
  const switches = new Set(argv.filter((arg) => SWITCHES.includes(arg)));
  const { positional, flags } = parseArgs(argv.filter((arg) => !switches.has(arg)));
  if (switches.has("--help")) {
    process.stderr.write(USAGE + "\n");
    return;
  }
  const unknown = Object.keys(flags).filter((key) => key !== "conversations" && key !== "days");
  if (positional.length || unknown.length) throw new UsageError(USAGE);
  const conversations = count(flags, "conversations", 1_000_000, 100);
  const days = count(flags, "days", 365, 1);
  const log = (line: string) => process.stderr.write(line + "\n");
  const server = !switches.has("--no-server");
  if (server && !switches.has("--no-build")) ensureBuild();
  // A temporary file unless DATABASE_PATH names one; the bench refuses to write into an existing database.
  const tmp = process.env.DATABASE_PATH ? null : fs.mkdtempSync(path.join(os.tmpdir(), "replyhour-bench-"));
  const databasePath = path.resolve(process.env.DATABASE_PATH || path.join(tmp!, "bench.db"));
  log(`database: ${databasePath}`);
  try {
    const result = await runBench({ databasePath, conversations, days, server, log });
    process.stdout.write(switches.has("--json") ? JSON.stringify(toJson(result)) + "\n" : toText(result));
  } finally {
    if (tmp && !switches.has("--keep")) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`database kept: ${databasePath}`);
  }
});
