import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "./lib/build";
import { parseArgs, runCli, UsageError } from "./lib/args";
import { emptyDatabase, startCluster, type Cluster } from "./lib/postgres";

const USAGE = `Usage: npm run --silent bench -- [--db sqlite|postgres] [--servers N] [--conversations N] [--days D] [--events N] [--page-seconds S] [--json] [--keep] [--no-build] [--no-server]

Fills a fresh database and measures ingest, the HTTP API, the inbox, the dashboard, the
classifier, realtime delivery, 16 users on the dashboard and on the inbox pages, and the
servers' memory.
  --db sqlite     (default) DATABASE_PATH, else a temporary file
  --db postgres   DATABASE_URL (an empty database), else a throwaway cluster of the system's PostgreSQL
  --servers N     N web server processes (as \`npm start\` runs) on the same database, the load spread across them (1)
  --events N      fresh events for the ingest and HTTP measures (default: a quarter of the conversations, 2,000 to 30,000)
  --page-seconds S  how long each 16-user page measure runs (20)`;

const SWITCHES = ["--json", "--keep", "--no-build", "--no-server", "--help"];

function count(flags: Record<string, string | true>, name: string, fallback: number, min: number): number {
  const value = flags[name];
  if (value === undefined) return fallback;
  const parsed = typeof value === "string" ? Number(value.replace(/[_,]/g, "")) : NaN;
  if (!Number.isInteger(parsed) || parsed < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}`);
  return parsed;
}

const hidePassword = (url: string) => {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
};

runCli(async () => {
  const argv = process.argv.slice(2);
  const switches = new Set(argv.filter((arg) => SWITCHES.includes(arg)));
  const { positional, flags } = parseArgs(argv.filter((arg) => !switches.has(arg)));
  if (switches.has("--help")) {
    process.stderr.write(USAGE + "\n");
    return;
  }
  const unknown = Object.keys(flags).filter((key) => !["conversations", "days", "db", "servers", "events", "page-seconds"].includes(key));
  if (positional.length || unknown.length) throw new UsageError(USAGE);
  const engine = flags.db ?? "sqlite";
  if (engine !== "sqlite" && engine !== "postgres") throw new UsageError("--db must be sqlite or postgres");
  const conversations = count(flags, "conversations", 1_000_000, 100);
  const days = count(flags, "days", 365, 1);
  const servers = count(flags, "servers", 1, 1);
  const events = flags.events === undefined ? undefined : count(flags, "events", 0, 100);
  const pageSeconds = count(flags, "page-seconds", 20, 1);
  const log = (line: string) => process.stderr.write(line + "\n");
  const server = !switches.has("--no-server");
  if (server && !switches.has("--no-build")) ensureBuild();
  const keep = switches.has("--keep");

  let cluster: Cluster | undefined;
  let tmp: string | null = null;
  let databasePath: string;
  let databaseUrl: string | undefined;
  if (engine === "postgres") {
    databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl && !/^postgres(ql)?:\/\//i.test(databaseUrl)) throw new UsageError("--db postgres needs DATABASE_URL to be a postgres:// URL, or unset for a throwaway cluster");
    if (!databaseUrl) {
      log("database: starting a throwaway PostgreSQL cluster…");
      cluster = await startCluster({ prefix: "replyhour-bench-pg-" });
      databaseUrl = cluster.url;
    } else if (!(await emptyDatabase(databaseUrl))) throw new Error(`${hidePassword(databaseUrl)} has tables: the bench fills an empty database and never writes into an existing one.`);
    databasePath = hidePassword(databaseUrl);
    // The schema is built for the engine of DATABASE_URL when lib/ is first imported (db/engine.ts).
    process.env.DATABASE_URL = databaseUrl;
  } else {
    delete process.env.DATABASE_URL;
    // A temporary file unless DATABASE_PATH names one; the bench refuses to write into an existing database.
    tmp = process.env.DATABASE_PATH ? null : fs.mkdtempSync(path.join(os.tmpdir(), "replyhour-bench-"));
    databasePath = path.resolve(process.env.DATABASE_PATH || path.join(tmp!, "bench.db"));
  }
  log(`database: ${databasePath}`);
  const stopCluster = () => {
    if (!cluster) return;
    if (keep) log(`cluster kept: ${cluster.url} (data in ${cluster.dir}; stop it with pg_ctl -D ${path.join(cluster.dir, "data")} stop)`);
    else cluster.stop();
  };
  process.once("SIGINT", () => {
    stopCluster();
    process.exit(130);
  });
  try {
    const { runBench } = await import("@/lib/bench/run");
    const { toJson, toText } = await import("@/lib/bench/report");
    const result = await runBench({ databasePath, databaseUrl, localDatabase: cluster !== undefined, conversations, days, server, servers, ingestEvents: events, httpEvents: events, pageSeconds, log });
    process.stdout.write(switches.has("--json") ? JSON.stringify(toJson(result)) + "\n" : toText(result));
  } finally {
    stopCluster();
    if (tmp && !keep) fs.rmSync(tmp, { recursive: true, force: true });
    else if (engine === "sqlite") log(`database kept: ${databasePath}`);
  }
});
