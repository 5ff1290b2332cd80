import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { freePort } from "../../lib/ops/next-server";

// A throwaway PostgreSQL cluster for tests and the bench, from the system's binaries (Debian's
// `postgresql` package). initdb and pg_ctl refuse to run as root: as root they run as `postgres`.

export type Cluster = { url: string; dir: string; stop(): void };

export const MISSING =
  "PostgreSQL tests need the PostgreSQL server binaries (initdb, pg_ctl).\n" +
  "Install them with: sudo apt-get update && sudo apt-get install -y postgresql\n" +
  "(or set POSTGRES_BIN to a directory holding initdb and pg_ctl)";

export function postgresBin(): string | null {
  const candidates = [process.env.POSTGRES_BIN];
  const root = "/usr/lib/postgresql";
  if (fs.existsSync(root))
    for (const version of fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(root, version, "bin"));
  for (const dir of candidates) if (dir && fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) return dir;
  return null;
}


function run(command: string, args: string[], asPostgres: boolean): void {
  const [cmd, argv] = asPostgres ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: "utf8", cwd: "/" });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.stderr || result.stdout || result.error}`);
}

/**
 * Starts a cluster in a temporary directory on a free port, tuned for tests (no fsync: a crash
 * of a throwaway cluster loses nothing that matters). `stop()` stops it and removes its files.
 */
export async function startCluster({ prefix = "replyhour-pg-" }: { prefix?: string } = {}): Promise<Cluster> {
  const bin = postgresBin();
  if (!bin) throw new Error(MISSING);
  const asPostgres = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (asPostgres) {
    const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (id.status !== 0) throw new Error(`Running as root, the cluster runs as the user postgres, which does not exist.\n${MISSING}`);
    fs.chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asPostgres);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=300",
    "-c shared_buffers=128MB",
  ].join(" ");
  run(path.join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"], asPostgres);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asPostgres);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The URL of another database on the same server. */
export function databaseUrl(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Whether the database at `url` has no tables of its own yet (a fresh database to fill). */
export async function emptyDatabase(url: string): Promise<boolean> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()");
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}
