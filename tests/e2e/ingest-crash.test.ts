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

const LOOPS = 4;
const BATCH = 50;


function startServer({ file, port }: { file: string; port: number }): ChildProcess {
  return spawn(process.execPath, serverCommand({ port, host: "127.0.0.1" }), {
    env: {
      ...process.env,
      DATABASE_PATH: file,
      AUTH_SECRET: "crash-auth-secret-0123456789abcdef0123",
      CREDENTIALS_KEY: "crash-credentials-key-0123456789abcdef",
      DEMO: "0",
      DEMO_TRAFFIC: "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
}


const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode == null) child.kill("SIGKILL");
});

describe("kill -9 in the middle of a load", () => {
  it("keeps every acknowledged event exactly once", async () => {
    if (!fs.existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build`.");
    const file = path.join(tempDir("replyhour-crash-"), "crash.db");
    const db = openDatabase({ file });
    const brand = await createBrand({ db, slug: "crash", name: "Crash", actor: cliActor });
    const token = await createToken({ db, brandId: brand.id, name: "load", scopes: ["ingest"], actor: cliActor });
    closeDatabase(db);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const first = startServer({ file, port });
    children.push(first);
    await waitForServer(`${baseUrl}/login`, first);

    const acked = new Set<string>();
    let sent = 0;
    let killed = false;
    const post = (events: unknown[]) =>
      fetch(`${baseUrl}/api/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ events }),
      });
    const loop = async (n: number) => {
      for (let b = 0; !killed; b++) {
        const events = Array.from({ length: BATCH }, (_, i) => ({
          externalId: `L${n}-B${b}-E${i}`,
          threadId: `L${n}-T${b % 20}`,
          text: `Load ${n}/${b}/${i}: where is my bag? 🧳 <b>'; DROP TABLE messages; --`,
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, b)).toISOString(),
          author: { id: `user-${n}-${i % 7}` },
        }));
        sent += BATCH;
        try {
          const response = await post(events);
          if (response.status === 202) for (const e of events) acked.add(e.externalId);
          else if (!killed) throw new Error(`unexpected status ${response.status}`);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const loops = Array.from({ length: LOOPS }, (_, n) => loop(n));
    // Kill once a fair share is stored, while every loop still has a request in flight.
    const deadline = Date.now() + 20_000;
    while (acked.size < 2_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    first.kill("SIGKILL");
    await Promise.all(loops);
    await new Promise((resolve) => (first.exitCode != null || first.signalCode != null ? resolve(null) : first.once("exit", resolve)));
    expect(acked.size).toBeGreaterThan(0);

    const second = startServer({ file, port });
    children.push(second);
    await waitForServer(`${baseUrl}/login`, second);
    // A replay of an acknowledged batch after the restart is all duplicates.
    const replayIds = [...acked].slice(0, BATCH);
    const replay = await post(replayIds.map((externalId) => ({ externalId, text: "again", createdAt: "2026-01-01T00:00:00Z", author: { id: "x" } })));
    expect(replay.status).toBe(202);
    expect(await replay.json()).toMatchObject({ accepted: 0, duplicates: replayIds.length });
    second.kill("SIGKILL");

    const sqlite = new Database(file, { readonly: true });
    const rows = sqlite.prepare("SELECT external_id AS id, count(*) AS n FROM messages GROUP BY channel_id, external_id").all() as { id: string; n: number }[];
    const total = (sqlite.prepare("SELECT count(*) AS n FROM messages").get() as { n: number }).n;
    sqlite.close();
    const stored = new Map(rows.map((r) => [r.id, r.n]));
    const missing = [...acked].filter((id) => stored.get(id) !== 1);
    expect(missing).toEqual([]);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(total).toBe(rows.length);
    expect(total).toBeGreaterThanOrEqual(acked.size);
    expect(total).toBeLessThanOrEqual(sent);
  }, 60_000);
});
