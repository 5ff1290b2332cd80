import type { ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

// Helpers for running the production server as a child process: the benchmark, the e2e setup
// and the crash tests all start it (serverCommand) on a free loopback port and wait for it.

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Resolves once `url` answers below 500; fails if the child exits first or the time runs out. */
export async function waitForServer(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer at ${url}`);
}

/**
 * The production web server (scripts/serve.ts: Next's request handler behind our compression,
 * run by node with tsx): `npm start`, the bench and the tests all start it this way.
 */
export const SERVER_FILE = path.join("scripts", "serve.ts");
export const SERVER_EXEC_ARGV = ["--import", "tsx"];

export function serverArgs({ port, host }: { port: number | string; host?: string }): string[] {
  return ["--port", String(port), ...(host ? ["--hostname", host] : [])];
}

/** The arguments for spawn(process.execPath, …) that run the web server on `port` (all interfaces without `host`). */
export function serverCommand(options: { port: number | string; host?: string }): string[] {
  return [...SERVER_EXEC_ARGV, SERVER_FILE, ...serverArgs(options)];
}
