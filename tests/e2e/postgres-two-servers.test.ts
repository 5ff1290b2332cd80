import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrl, startCluster, type Cluster } from "@/scripts/lib/postgres";
import { freePort, serverCommand, waitForServer } from "@/lib/ops/next-server";
import { startFakeTelegram } from "../fakes/telegram";
import { httpSignIn } from "../security/http-session";

// Two production servers on one PostgreSQL database (a throwaway cluster), ingest sent to both,
// one killed with SIGKILL in the middle of the load.
const LOOPS = 4;
const BATCH = 25;
const REPLIES = 6;
const PASSWORD = "two-servers-password-42";

const children: ChildProcess[] = [];
let cluster: Cluster | undefined;
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode == null) child.kill("SIGKILL");
  while (closers.length) await closers.pop()!();
  cluster?.stop();
});

function startServer({ url, port, telegram }: { url: string; port: number; telegram: string }): ChildProcess {
  const child = spawn(process.execPath, serverCommand({ port, host: "127.0.0.1" }), {
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: "two-servers-auth-secret-0123456789abcdef",
      CREDENTIALS_KEY: "two-servers-credentials-key-0123456789",
      DEMO: "0",
      DEMO_TRAFFIC: "0",
      TELEGRAM_API_URL: telegram,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  children.push(child);
  return child;
}

// The live stream a page holds open: every change event's id (its place in commit order).
function openStream(baseUrl: string, cookie: string, after: number) {
  const seqs: number[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const response = await fetch(`${baseUrl}/api/realtime?after=${after}`, { headers: { cookie }, signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      text += decoder.decode(value, { stream: true });
      const events = text.split("\n\n");
      text = events.pop()!;
      for (const event of events) {
        const match = /^id: (\d+)\nevent: change/m.exec(event);
        if (match) seqs.push(Number(match[1]));
      }
    }
  })().catch((error: Error) => {
    if (error.name !== "AbortError") throw error;
  });
  return { seqs, stop: () => (controller.abort(), done) };
}

describe("two app servers on one PostgreSQL database", () => {
  it("lose no acknowledged event, duplicate none, stream every change live and send each reply once, though one is killed mid-load", async () => {
    if (!fs.existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build`.");
    cluster = await startCluster({ prefix: "replyhour-e2e-pg-" });
    const admin = new pg.Client(cluster.url);
    await admin.connect();
    await admin.query("CREATE DATABASE two_servers");
    await admin.end();
    const url = databaseUrl(cluster.url, "two_servers");
    const fake = await startFakeTelegram({ botToken: "42:secret" });
    closers.push(fake.close);

    // The test's own rows go through lib/ on PostgreSQL: the engine is chosen when db/ loads.
    process.env.DATABASE_URL = url;
    const { openDatabase, closeDatabase, databaseReady } = await import("@/db/client");
    const { channels } = await import("@/db/schema");
    const { createBrand } = await import("@/lib/brands/brands");
    const { cliActor } = await import("@/lib/audit/record");
    const { createToken } = await import("@/lib/auth/tokens");
    const { createUser, setMembership } = await import("@/lib/team/users");
    const { ingestBatch } = await import("@/lib/ingest/pipeline");
    const { inboundEventSchema } = await import("@/lib/ingest/event");
    const { queueReply } = await import("@/lib/outbound/outbox");
    const { encryptCredentials } = await import("@/lib/security/credentials");
    process.env.CREDENTIALS_KEY = "two-servers-credentials-key-0123456789";
    const db = openDatabase({ url });
    await databaseReady(db);
    const brand = await createBrand({ db, slug: "two", name: "Two servers", actor: cliActor });
    const agent = await createUser({ db, email: "agent@two.test", password: PASSWORD, name: "Agent", actor: cliActor });
    await setMembership({ db, userId: agent.id, brandId: brand.id, role: "agent", actor: cliActor });
    const token = await createToken({ db, brandId: brand.id, name: "load", scopes: ["ingest"], actor: cliActor });
    const [channel] = await db.transaction((tx) =>
      tx.insert(channels).values({ brandId: brand.id, kind: "telegram", name: "Bot", accountId: "42", credentials: encryptCredentials({ botToken: "42:secret" }) }).returning(),
    );
    const conversations: number[] = [];
    for (let i = 0; i < REPLIES; i++) {
      const [outcome] = await ingestBatch({
        db,
        brandId: brand.id,
        items: [{ channelId: channel.id, event: inboundEventSchema.parse({ externalId: `${900 + i}:1`, kind: "private_message", threadId: `${900 + i}`, text: "Where is my bag?", createdAt: new Date().toISOString(), author: { id: `${900 + i}` } }) }],
      });
      conversations.push(Number(outcome.conversationId));
    }

    const ports = [await freePort(), await freePort()];
    const bases = ports.map((port) => `http://127.0.0.1:${port}`);
    const servers = ports.map((port) => startServer({ url, port, telegram: fake.url }));
    await Promise.all(servers.map((child, i) => waitForServer(`${bases[i]}/login`, child, 60_000)));
    const [doomed, survivor] = [0, 1];

    const { cookie } = await httpSignIn({ baseUrl: bases[survivor], email: "agent@two.test", password: PASSWORD });
    expect(cookie, "could not sign in").toBeTruthy();
    const start = (await latestSeq(url)) ?? 0;
    const stream = openStream(bases[survivor], cookie!, start);

    // Replies queued while both servers run: exactly one of them sends each.
    for (const [i, conversationId] of conversations.entries())
      await queueReply({ db, brandId: brand.id, conversationId, text: `Reply ${i}`, visibility: "private", actor: { userId: agent.id, label: agent.email } });

    const acked = new Set<string>();
    let killed = false;
    let afterKill = Infinity;
    // Loop n posts to server n % 2; after the kill the survivor's loops go on for 100 more events.
    const loop = async (n: number) => {
      const server = n % 2;
      for (let b = 0; ; b++) {
        if (killed && (server === doomed || acked.size >= afterKill)) return;
        const events = Array.from({ length: BATCH }, (_, i) => ({ externalId: `L${n}-B${b}-E${i}`, threadId: `L${n}-T${b % 10}`, text: `Load ${n}/${b}/${i}`, createdAt: new Date().toISOString(), author: { id: `u-${n}-${i % 5}` } }));
        try {
          const response = await fetch(`${bases[server]}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ events }) });
          if (response.status === 202) for (const e of events) acked.add(e.externalId);
          else throw new Error(`unexpected status ${response.status}`);
        } catch (error) {
          if (!(killed && server === doomed)) throw error;
        }
      }
    };
    const loops = Array.from({ length: LOOPS }, (_, n) => loop(n));
    const deadline = Date.now() + 10_000;
    while (acked.size < 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    afterKill = acked.size + 100;
    servers[doomed].kill("SIGKILL");
    await Promise.all(loops);
    expect(acked.size).toBeGreaterThanOrEqual(afterKill);

    // Every acknowledged event stored once.
    const check = new pg.Client(url);
    await check.connect();
    const { rows } = await check.query<{ id: string; n: number }>("SELECT external_id AS id, count(*)::int AS n FROM messages WHERE brand_id = $1 AND external_id LIKE 'L%' GROUP BY channel_id, external_id", [brand.id]);
    const stored = new Map(rows.map((r) => [r.id, r.n]));
    expect([...acked].filter((id) => stored.get(id) !== 1)).toEqual([]);
    expect(rows.every((r) => r.n === 1)).toBe(true);

    // The survivor's live stream saw every change of the brand once, in commit order.
    const expected = async () => (await check.query<{ seq: number }>("SELECT seq::int FROM changes WHERE brand_id = $1 AND seq > $2 ORDER BY seq", [brand.id, start])).rows.map((r) => r.seq);
    // The outbox still sends replies meanwhile, and each send is a change: compare the stream with
    // one reading of the log, whose changes it must hold first, in the same order.
    let logged: number[] = [];
    await expect.poll(async () => stream.seqs.length >= (logged = await expected()).length, { timeout: 10_000, interval: 200 }).toBe(true);
    expect(stream.seqs.slice(0, logged.length)).toEqual(logged);

    // Each queued reply reached the platform exactly once.
    // The killed server may have held the outbox's lease: the survivor takes it when it expires.
    await expect.poll(() => fake.sent.length, { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(REPLIES);
    expect(fake.sent.map((s) => s.text).sort()).toEqual(conversations.map((_, i) => `Reply ${i}`).sort());
    await stream.stop();
    await check.end();
    await closeDatabase(db);
  }, 150_000);
});

async function latestSeq(url: string): Promise<number | null> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<{ seq: number | null }>("SELECT max(seq)::int AS seq FROM changes")).rows[0].seq;
  } finally {
    await client.end();
  }
}
