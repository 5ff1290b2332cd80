import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { ChannelKind } from "@/db/schema";
import { channelCredentials } from "@/lib/channels/config";
import { tempDir } from "../helpers/db";
import { runScript } from "../helpers/cli";

function admin(env: Record<string, string>, ...args: string[]) {
  const result = runScript("scripts/admin.ts", args, { env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("admin channel create / list", () => {
  it("creates channels from a checked config, prints only the id, and lists them with secrets masked", { timeout: 90_000 }, () => {
    const dir = tempDir();
    const env = { DATABASE_PATH: path.join(dir, "cli.db"), REPLYHOUR_URL: "https://rh.example" };
    expect(admin(env, "brand", "create", "--slug", "air", "--name", "Air").code).toBe(0);

    const email = admin(env, "channel", "create", "--brand", "air", "--kind", "email", "--name", "Support mailbox", "--config",
      JSON.stringify({ imapUrl: "imaps://imap.air.example:993/INBOX", smtpUrl: "smtps://smtp.air.example:465", user: "support", password: "hunter2-secret", from: "Air Support <support@air.example>" }));
    expect(email.code).toBe(0);
    expect(email.stdout).toMatch(/^\d+\n$/);
    expect(email.stderr).toMatch(/IMAP/);
    const telegram = admin(env, "channel", "create", "--brand", "air", "--kind", "telegram", "--name", "Bot", "--account-id", "777", "--config", JSON.stringify({ botToken: "123:tg-secret", webhookSecret: "wh-secret" }));
    expect(telegram.stdout).toMatch(/^\d+\n$/);
    expect(telegram.stderr).toContain(`Webhook URL: https://rh.example/api/webhooks/telegram/${telegram.stdout.trim()}`);
    const web = admin(env, "channel", "create", "--brand", "air", "--kind", "web", "--name", "Site", "--config", JSON.stringify({ origins: ["https://www.air.example"], mode: "form" }));
    expect(web.stdout).toMatch(/^\d+\n$/);
    expect(web.stderr).toMatch(/<script src="https:\/\/rh.example\/widget.js" data-channel="[^"]+" async><\/script>/);

    const list = admin(env, "channel", "list", "--brand", "air");
    expect(list.code).toBe(0);
    const channels = JSON.parse(list.stdout) as { id: number; kind: string; name: string; accountId: string | null; status: string; config: Record<string, unknown> }[];
    expect(channels.map((c) => c.kind)).toEqual(["api", "email", "telegram", "web"]);
    expect(channels[1]).toEqual({
      id: Number(email.stdout),
      kind: "email",
      name: "Support mailbox",
      accountId: "support@air.example",
      status: "active",
      config: { from: "Air Support <support@air.example>", imapUrl: "imaps://imap.air.example:993/INBOX", password: "•••", smtpUrl: "smtps://smtp.air.example:465", user: "support" },
    });
    expect(channels[2].config).toEqual({ botToken: "•••", webhookSecret: "•••" });
    expect(channels[3].config).toEqual({ mode: "form", origins: ["https://www.air.example"], showResponseTime: true });
    expect(list.stdout).not.toMatch(/hunter2|tg-secret|wh-secret/);

    // Encrypted at rest as the Settings page stores them.
    const db = new Database(env.DATABASE_PATH, { readonly: true });
    const stored = db.prepare("SELECT credentials FROM channels WHERE id = ?").get(Number(email.stdout)) as { credentials: string };
    db.close();
    expect(stored.credentials).toMatch(/^v1\./);
    expect(stored.credentials).not.toContain("hunter2");
  });

  it("refuses a bad kind and a bad config with one line, writing nothing", () => {
    const env = { DATABASE_PATH: path.join(tempDir(), "cli.db") };
    admin(env, "brand", "create", "--slug", "air", "--name", "Air");
    const cases: [string[], RegExp][] = [
      [["--kind", "fax", "--name", "x"], /--kind must be one of/],
      [["--kind", "email", "--name", "x", "--config", JSON.stringify({ imapUrl: "http://x", user: "u", password: "p", from: "a@b.example" })], /config\.imapUrl/],
    ];
    for (const [args, message] of cases) {
      const result = admin(env, "channel", "create", "--brand", "air", ...args);
      expect(result.code, args.join(" ")).not.toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
    expect(JSON.parse(admin(env, "channel", "list", "--brand", "air").stdout)).toHaveLength(1);
  }, 60_000);
});

describe("channel config keys", () => {
  const refused = (kind: ChannelKind, config: unknown) => {
    try {
      channelCredentials({ kind, config });
      return "accepted";
    } catch (error) {
      return (error as Error).message;
    }
  };
  it("checks each kind's keys and values", () => {
    const email = { imapUrl: "imap://x/INBOX", user: "u", password: "p", from: "a@b.example" };
    expect(refused("email", email)).toBe("accepted");
    expect(refused("email", { ...email, password: undefined })).toMatch(/^config\.password/);
    expect(refused("email", { ...email, from: "nobody" })).toMatch(/^config\.from/);
    expect(refused("email", { ...email, smtpUrl: "http://x" })).toMatch(/^config\.smtpUrl/);
    expect(refused("email", { ...email, extra: 1 })).toMatch(/^config/);
    expect(refused("email", { ...email, imapUrl: "imap://169.254.169.254/INBOX" })).toBe("config.imapUrl: is inside a private network; an operator can allow it with OUTBOUND_ALLOW_HOSTS");
    expect(refused("email", { ...email, smtpUrl: "smtp://10.1.2.3:25" })).toMatch(/^config\.smtpUrl: is inside a private network/);
    expect(refused("web", { origins: ["https://a.example/path"] })).toMatch(/^config\.origins\.0/);
    expect(refused("web", { origins: ["https://a.example"], mode: "popup" })).toMatch(/^config\.mode/);
    expect(refused("web", { origins: ["https://a.example"], showResponseTime: "yes" })).toMatch(/^config\.showResponseTime/);
    expect(refused("web", { origins: [] })).toMatch(/^config\.origins/);
    expect(refused("telegram", { botToken: "t", colour: "red" })).toMatch(/^config/);
    expect(channelCredentials({ kind: "web", config: { origins: ["https://a.example", "http://localhost:8080"] } })).toEqual({ origins: '["https://a.example","http://localhost:8080"]', mode: "chat", showResponseTime: "true" });
  });
});
