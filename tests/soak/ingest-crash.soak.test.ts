import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { cliActor } from "@/lib/audit/record";
import { createBrand } from "@/lib/brands/brands";
import { createToken } from "@/lib/auth/tokens";
import { tempDir } from "../helpers/db";
import { freePort, serverCommand, waitForServer } from "@/lib/ops/next-server";

// The soak variant of tests/e2e/ingest-crash.test.ts: several kill -9 rounds on one database,
// replays of every acknowledged batch across restarts, then the count must be exact.
const ROUNDS = Number(process.env.SOAK_CRASH_ROUNDS) || 5;
const CLIENTS = 6;
const BATCH = 100;
const DIST = process.env.NEXT_DIST_DIR || ".next";


function start(file: string, port: number): ChildProcess {
  return spawn(process.execPath, serverCommand({ port, host: "127.0.0.1" }), {
    env: { ...process.env, DATABASE_PATH: file, AUTH_SECRET: "soak-auth-secret-0123456789abcdef0123", CREDENTIALS_KEY: "soak-credentials-key-0123456789abcdef", DEMO: "0", DEMO_TRAFFIC: "0", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
}


const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode == null) c.kill("SIGKILL");
});

describe("kill -9, repeatedly", () => {
  it(`keeps every acknowledged event exactly once over ${ROUNDS} crashes`, async () => {
    if (!fs.existsSync(path.join(DIST, "BUILD_ID"))) throw new Error(`No production build in ${DIST}.`);
    const file = path.join(tempDir("replyhour-soak-crash-"), "soak.db");
    const db = openDatabase({ file });
    const brand = await createBrand({ db, slug: "soak", name: "Soak", actor: cliActor });
    const token = await createToken({ db, brandId: brand.id, name: "soak", scopes: ["ingest"], actor: cliActor });
    closeDatabase(db);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const acked = new Set<string>();
    const post = (events: unknown[]) =>
      fetch(`${base}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ events }) });
    const event = (id: string, b: number) => ({ externalId: id, threadId: `T${b % 50}`, text: `Soak ${id}: my bag is lost`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, b % 86_400)).toISOString(), author: { id: `a${b % 13}` } });
    let sent = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const server = start(file, port);
      children.push(server);
      await waitForServer(`${base}/login`, server);
      // Replays of earlier acknowledged events mixed into new batches: stored once, whatever happens.
      const earlier = [...acked].slice(-BATCH / 2);
      let killed = false;
      const client = async (c: number) => {
        for (let b = 0; !killed; b++) {
          const ids = Array.from({ length: BATCH }, (_, i) => (i % 4 === 0 && earlier.length ? earlier[(b + i) % earlier.length] : `R${round}-C${c}-B${b}-E${i}`));
          const batch = [...new Set(ids)].map((id) => event(id, b));
          sent += batch.length;
          try {
            const response = await post(batch);
            if (response.status === 202) for (const e of batch) acked.add(e.externalId);
            else if (!killed) throw new Error(`status ${response.status}`);
          } catch (error) {
            if (!killed) throw error;
          }
        }
      };
      const before = acked.size;
      const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
      const deadline = Date.now() + 30_000;
      while (acked.size < before + 3_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10 + ((round * 37) % 50)));
      killed = true;
      server.kill("SIGKILL");
      await Promise.all(clients);
      await new Promise((r) => (server.exitCode != null || server.signalCode != null ? r(null) : server.once("exit", r)));
      expect(acked.size).toBeGreaterThan(before);
    }
    const sqlite = new Database(file, { readonly: true });
    const rows = sqlite.prepare("SELECT external_id AS id, count(*) AS n FROM messages GROUP BY channel_id, external_id").all() as { id: string; n: number }[];
    const total = sqlite.prepare("SELECT count(*) FROM messages").pluck().get() as number;
    const integrity = sqlite.pragma("integrity_check", { simple: true });
    const orphans = sqlite.prepare("SELECT count(*) FROM messages m LEFT JOIN conversations c ON c.id = m.conversation_id WHERE c.id IS NULL").pluck().get() as number;
    sqlite.close();
    const stored = new Map(rows.map((r) => [r.id, r.n]));
    expect([...acked].filter((id) => stored.get(id) !== 1)).toEqual([]);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(total).toBe(rows.length);
    expect(total).toBeLessThanOrEqual(sent);
    expect(integrity).toBe("ok");
    expect(orphans).toBe(0);
  });
});
