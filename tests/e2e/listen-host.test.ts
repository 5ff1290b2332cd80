import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, waitForServer } from "@/lib/ops/next-server";
import { tempDir } from "../helpers/db";
import { openDatabase, closeDatabase } from "@/db/client";
import { cliActor } from "@/lib/audit/record";
import { createUser } from "@/lib/team/users";
import { PAIR_FREE_FAILURES } from "@/lib/auth/sign-in";
import { httpSignIn } from "../security/http-session";

// The listening sockets of a port from the kernel's tables (address as written there, hex).
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const found: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state === "0A" && local?.endsWith(`:${hexPort}`)) found.push(local.split(":")[0]);
    }
  }
  return found;
}

// Finding 14 of the security review: `npm start` could not be kept off the network.
describe("npm start with LISTEN_HOST", () => {
  it.skipIf(!fs.existsSync("/proc/net/tcp"))("listens on loopback only", async () => {
    const port = await freePort();
    const dir = tempDir("replyhour-listen-");
    const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], {
      env: { ...process.env, PORT: String(port), LISTEN_HOST: "127.0.0.1", HOSTNAME: "0.0.0.0", DATABASE_PATH: path.join(dir, "listen.db"), DEMO: "0", REPLYHOUR_WORKER: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    try {
      await waitForServer(`http://127.0.0.1:${port}/login`, child, 90_000).catch((error) => {
        throw new Error(`${error.message}\n${log}`);
      });
      // 0100007F is 127.0.0.1; all interfaces would be 00000000 (or :: in tcp6).
      expect(listeners(port)).toEqual(["0100007F"]);
      expect(log).toContain(`http://127.0.0.1:${port}`);

      // Finding 6: without TRUSTED_PROXIES, X-Forwarded-For does not make one address many.
      const db = openDatabase({ file: path.join(dir, "listen.db"), runMigrations: false });
      await createUser({ db, email: "owner@listen.test", password: "Listen-pass-4821", actor: cliActor });
      closeDatabase(db);
      const baseUrl = `http://127.0.0.1:${port}`;
      for (let i = 0; i <= PAIR_FREE_FAILURES; i++) await httpSignIn({ baseUrl, email: "owner@listen.test", password: `guess-${i}`, headers: { "x-forwarded-for": `203.0.113.${i}` } });
      const spoofed = await httpSignIn({ baseUrl, email: "owner@listen.test", password: "Listen-pass-4821", headers: { "x-forwarded-for": "198.51.100.9" } });
      expect(spoofed.location).toMatch(/code=limited/);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }, 120_000);
});
