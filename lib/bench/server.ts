import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort, serverCommand, waitForServer } from "@/lib/ops/next-server";
import { procStat } from "./cpu";

export type BenchServer = { url: string; pid: number; stop: () => Promise<void>; output: () => string };


/**
 * The web server (scripts/serve.ts, as `npm start` runs it) of the production build in
 * NEXT_DIST_DIR against the bench database (DATABASE_PATH or DATABASE_URL in `env`), with the
 * worker and the demo off. The API rate limit is lifted: the bench measures the server, not the limiter.
 */
export async function startServer({ env }: { env: Record<string, string> }): Promise<BenchServer> {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(dist, "BUILD_ID"))) throw new Error(`No production build in ${dist}: run \`npm run build\` (or the bench without --no-build).`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, serverCommand({ port, host: "127.0.0.1" }), {
    env: { ...withoutDatabase(process.env), ...env, REPLYHOUR_WORKER: "0", DEMO: "0", NEXT_TELEMETRY_DISABLED: "1", API_RATE_PER_MINUTE: "100000000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = () => stopChild(child);
  try {
    await waitForServer(`${url}/login`, child, 120_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { url, pid: child.pid!, stop, output: () => output };
}


// The server's database is the one `env` names, never one inherited from the bench's shell.
function withoutDatabase(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_PATH: _path, DATABASE_URL: _url, ...rest } = env;
  return rest;
}

// The server and whatever it started, by pid: nothing else on the machine is touched.
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode != null || child.pid == null) return;
  const tree = processTree(child.pid);
  const exited = new Promise((r) => child.once("exit", r));
  for (const pid of tree) signal(pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  for (const pid of tree) signal(pid, "SIGKILL");
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/** A process and its descendants (from /proc, Linux). */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    // null: the process ended while we looked
    const stat = procStat(entry);
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Resident memory of a process and all its descendants, from /proc/<pid>/status VmRSS, in MB. */
export function treeRssMb(rootPid: number): number {
  let kb = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += match ? Number(match[1]) : 0;
    } catch {
      // Gone.
    }
  }
  return Math.round((kb / 1024) * 10) / 10;
}

/** A session cookie through Auth.js's own credentials sign-in (CSRF token, then the callback). */
export async function signInCookie({ url, email, password }: { url: string; email: string; password: string }): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${url}/inbox` }),
  });
  await response.arrayBuffer();
  keep(response);
  const session = [...jar.keys()].find((k) => k.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${email} gave no session cookie (HTTP ${response.status})`);
  return header();
}
