import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { encryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { pollImap } from "@/lib/ingest/pollers/imap";
import { pollDueChannels, POLL_INTERVAL_MS } from "@/lib/worker/pollers";
import { closeMailWatches, watchMailboxes } from "@/lib/worker/mail-idle";
import { startDovecot, type Dovecot } from "../../helpers/dovecot";
import { deliver, imapSession, rawMail } from "../../helpers/mail";
import { makeBrand, sqlite, testDb } from "../../helpers/db";

let dovecot: Dovecot;
beforeAll(async () => {
  process.env.AUTH_SECRET = "imap-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "imap-credentials-key-0123456789abcdef";
  resetSecretsCache();
  dovecot = await startDovecot({ users: { support: "pw", other: "pw2" } });
});
afterAll(() => dovecot?.stop());

const T0 = Date.parse("2026-03-02T10:00:00Z");
const credentials = () => ({ imapUrl: dovecot.url(), user: "support", password: "pw", from: "support@brand.example" });
const mail = (n: number, extra: Partial<Parameters<typeof rawMail>[0]> = {}) =>
  rawMail({ from: `Ann <ann@customer.example>`, to: "support@brand.example", subject: `Order ${n}`, text: `Where is my order ${n}?`, messageId: `<m${n}@customer.example>`, date: new Date(T0 - 3600_000 + n * 1000), ...extra });

describe("receiving e-mail over IMAP (Dovecot on loopback)", () => {
  it("takes new mails in, keeps UIDVALIDITY + last UID in the database and never fetches a mail twice", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [channel] = await db.transaction((tx) =>
      tx.insert(channels).values({ brandId: brand.id, kind: "email", name: "Support", accountId: "support@brand.example", credentials: encryptCredentials(credentials()) }).returning(),
    );
    await deliver(dovecot, "support", "pw", mail(1));
    await deliver(dovecot, "support", "pw", mail(2));

    await pollDueChannels({ db, now: T0 });
    const stored = () => sqlite(db).prepare("SELECT external_id, text, subject, direction FROM messages WHERE channel_id = ? ORDER BY id").all(channel.id) as { external_id: string; text: string; subject: string }[];
    expect(stored().map((m) => m.external_id)).toEqual(["<m1@customer.example>", "<m2@customer.example>"]);
    expect(stored()[0]).toMatchObject({ text: "Where is my order 1?", subject: "Order 1", direction: "inbound" });
    const cursor = () => JSON.parse(String((sqlite(db).prepare("SELECT poll_cursor FROM channels WHERE id = ?").get(channel.id) as { poll_cursor: string }).poll_cursor));
    const first = cursor();
    expect(first).toEqual({ uidValidity: expect.stringMatching(/^\d+$/), lastUid: 2 });

    // A restart (a fresh poll from the stored cursor) fetches only what came after it.
    const again = await pollImap({ channel: { accountId: "support@brand.example", credentials: credentials() }, cursor: first });
    expect(again.events).toEqual([]);
    await deliver(dovecot, "support", "pw", mail(3));
    const next = await pollImap({ channel: { accountId: "support@brand.example", credentials: credentials() }, cursor: first });
    expect(next.events.map((e) => e.externalId)).toEqual(["<m3@customer.example>"]);
    expect(next.cursor).toEqual({ uidValidity: first.uidValidity, lastUid: 3 });

    await pollDueChannels({ db, now: T0 + POLL_INTERVAL_MS });
    expect(stored().map((m) => m.external_id)).toEqual(["<m1@customer.example>", "<m2@customer.example>", "<m3@customer.example>"]);
    expect(cursor().lastUid).toBe(3);
  });

  it("reads a renumbered mailbox (new UIDVALIDITY) from the start and bounds each poll", async () => {
    await imapSession(dovecot, "other", "pw2", async (client) => {
      for (let n = 10; n < 13; n++) await client.append("INBOX", mail(n));
    });
    const channel = { accountId: "other@brand.example", credentials: { ...credentials(), user: "other", password: "pw2" } };
    const stale = await pollImap({ channel, cursor: { uidValidity: "1", lastUid: 99 }, maxMessages: 2 });
    expect(stale.events.map((e) => e.externalId)).toEqual(["<m10@customer.example>", "<m11@customer.example>"]);
    const rest = await pollImap({ channel, cursor: stale.cursor });
    expect(rest.events.map((e) => e.externalId)).toEqual(["<m12@customer.example>"]);
  });

  it("reports a wrong password as a permanent failure and an unreachable server as retryable", async () => {
    const bad = await pollImap({ channel: { accountId: "x", credentials: { ...credentials(), password: "wrong" } }, cursor: null });
    expect(bad.error).toMatchObject({ code: "unauthorized", retryable: false });
    const down = await pollImap({ channel: { accountId: "x", credentials: { ...credentials(), imapUrl: "imap://127.0.0.1:1/INBOX" } }, cursor: null, timeoutMs: 2000 });
    expect(down.error).toMatchObject({ retryable: true });
    const invalid = await pollImap({ channel: { accountId: "x", credentials: { ...credentials(), imapUrl: "http://x" } }, cursor: null });
    expect(invalid.error).toMatchObject({ retryable: false });
  });
});

describe("IMAP through the outbound guard", () => {
  const withAllowed = async <T>(value: string, run: () => Promise<T>): Promise<T> => {
    const saved = process.env.OUTBOUND_ALLOW_HOSTS;
    process.env.OUTBOUND_ALLOW_HOSTS = value;
    try {
      return await run();
    } finally {
      process.env.OUTBOUND_ALLOW_HOSTS = saved;
    }
  };
  const refusedReason = "IMAP: The address is inside a private or reserved network; an operator can allow it with OUTBOUND_ALLOW_HOSTS";

  it("refuses a mailbox on a private or metadata address with a fixed reason, before connecting", async () => {
    for (const imapUrl of ["imap://169.254.169.254/INBOX", "imaps://10.0.0.7:993/INBOX", "imap://[::1]:143/INBOX"]) {
      const result = await pollImap({ channel: { accountId: "x", credentials: { ...credentials(), imapUrl } }, cursor: { uidValidity: "7", lastUid: 3 } });
      expect(result.error).toEqual({ reason: refusedReason, code: "invalid_request", retryable: false });
      expect(result).toMatchObject({ events: [], cursor: { uidValidity: "7", lastUid: 3 } });
    }
  });

  it("refuses the loopback Dovecot unless OUTBOUND_ALLOW_HOSTS allows it, by address or by name", async () => {
    await deliver(dovecot, "support", "pw", mail(30));
    const channel = (imapUrl: string) => ({ accountId: "support@brand.example", credentials: { ...credentials(), imapUrl } });
    const refused = await withAllowed("", () => pollImap({ channel: channel(dovecot.url()), cursor: null }));
    expect(refused.error).toEqual({ reason: refusedReason, code: "invalid_request", retryable: false });
    const byName = dovecot.url().replace("127.0.0.1", "localhost");
    expect((await withAllowed("", () => pollImap({ channel: channel(byName), cursor: null }))).error?.reason).toBe(refusedReason);
    const allowed = await withAllowed("localhost", () => pollImap({ channel: channel(byName), cursor: null }));
    expect(allowed.error).toBeUndefined();
    expect(allowed.events.map((e) => e.externalId)).toContain("<m30@customer.example>");
  });

  it("keeps no IDLE connection to a refused address", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "email", name: "Support", accountId: "support@brand.example", credentials: encryptCredentials(credentials()) }));
    try {
      expect(await withAllowed("", () => watchMailboxes({ db }))).toBe(0);
    } finally {
      await closeMailWatches();
    }
  });
});

describe("IDLE", () => {
  it("keeps a connection in IDLE that makes the channel's next poll due when a mail arrives", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [channel] = await db.transaction((tx) =>
      tx.insert(channels).values({ brandId: brand.id, kind: "email", name: "Support", accountId: "support@brand.example", credentials: encryptCredentials(credentials()), pollNextAt: new Date(Date.now() + 3600_000) }).returning(),
    );
    try {
      expect(await watchMailboxes({ db })).toBe(1);
      await new Promise((r) => setTimeout(r, 300));
      await deliver(dovecot, "support", "pw", mail(20));
      const due = async () => (sqlite(db).prepare("SELECT poll_next_at AS at FROM channels WHERE id = ?").get(channel.id) as { at: number }).at <= Date.now();
      const deadline = Date.now() + 5000;
      while (!(await due()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await due()).toBe(true);
    } finally {
      await closeMailWatches();
    }
  });
});
