import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { tempDir } from "../helpers/db";
import { runScript } from "../helpers/cli";

function admin(dbFile: string, ...args: string[]) {
  const result = runScript("scripts/admin.ts", args, { env: { ...process.env, DATABASE_PATH: dbFile } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("admin CLI", () => {
  it("creates brands, users, members and tokens, and refuses bad input with one line", () => {
    const file = path.join(tempDir(), "cli.db");
    expect(admin(file, "brand", "create", "--slug", "acme_air-1", "--name", "Acme Air", "--timezone", "Europe/Paris").code).toBe(0);
    const dup = admin(file, "brand", "create", "--slug", "acme_air-1", "--name", "Again");
    expect(dup.code).not.toBe(0);
    expect(dup.stderr.trim().split("\n")).toHaveLength(1);
    expect(admin(file, "brand", "create", "--slug", "Bad Slug", "--name", "x").code).not.toBe(0);
    expect(admin(file, "brand", "create", "--slug", "tz", "--name", "x", "--timezone", "Mars/Olympus").code).not.toBe(0);
    expect(admin(file, "user", "create", "--email", "ops@acme.test", "--password", "weak").stderr).toMatch(/Weak password/);
    expect(admin(file, "user", "create", "--email", "ops@acme.test", "--password", "a-strong-pass-9", "--name", "Ops").code).toBe(0);
    expect(admin(file, "member", "add", "--email", "ops@acme.test", "--brand", "nope", "--role", "agent").code).not.toBe(0);
    expect(admin(file, "member", "add", "--email", "ops@acme.test", "--brand", "acme_air-1", "--role", "manager").code).toBe(0);
    const token = admin(file, "token", "create", "--brand", "acme_air-1", "--name", "zapier", "--scopes", "read");
    expect(token.code).toBe(0);
    const lastLine = token.stdout.trim().split("\n").pop()!;
    expect(lastLine).toMatch(/^rh_[A-Za-z0-9_-]{40,}$/);

    const db = new Database(file, { readonly: true });
    const brand = db.prepare("SELECT * FROM brands WHERE slug = 'acme_air-1'").get() as { id: number; timezone: string };
    expect(brand.timezone).toBe("Europe/Paris");
    expect(db.prepare("SELECT kind FROM channels WHERE brand_id = ?").all(brand.id)).toEqual([{ kind: "api" }]);
    expect(db.prepare("SELECT first_response_seconds, at_risk_share, is_default FROM sla_policies WHERE brand_id = ?").get(brand.id)).toEqual({
      first_response_seconds: 3600,
      at_risk_share: 0.75,
      is_default: 1,
    });
    expect(db.prepare("SELECT role FROM memberships").get()).toEqual({ role: "manager" });
    expect(JSON.parse((db.prepare("SELECT scopes FROM api_tokens").get() as { scopes: string }).scopes)).toEqual(["read"]);
    db.close();

    expect(admin(file, "token", "revoke", "--brand", "acme_air-1", "--name", "zapier").code).toBe(0);
    // Write acts for a member: only with --as naming one of the brand (the default scopes: tests/api/write.test.ts).
    expect(admin(file, "token", "create", "--brand", "acme_air-1", "--name", "w", "--scopes", "read,write").stderr).toMatch(/--as EMAIL/);
    expect(admin(file, "token", "create", "--brand", "acme_air-1", "--name", "crm", "--scopes", "read,write", "--as", "ops@acme.test").code).toBe(0);
    const tokens = new Database(file, { readonly: true });
    expect(tokens.prepare("SELECT t.scopes, u.email FROM api_tokens t JOIN users u ON u.id = t.acts_as_user_id WHERE t.name = 'crm'").get()).toEqual({ scopes: '["read","write"]', email: "ops@acme.test" });
    tokens.close();
    const backup = path.join(tempDir(), "backup.db");
    expect(admin(file, "backup", backup).code).toBe(0);
    const copy = new Database(backup, { readonly: true });
    expect((copy.prepare("SELECT count(*) AS n FROM brands").get() as { n: number }).n).toBe(1);
    copy.close();
    expect(fs.existsSync(backup)).toBe(true);
  }, 180_000);

  it("refuses to demote or lose the last admin of a brand, like the settings page", () => {
    const file = path.join(tempDir(), "cli-admin.db");
    expect(admin(file, "brand", "create", "--slug", "solo", "--name", "Solo").code).toBe(0);
    expect(admin(file, "user", "create", "--email", "boss@solo.test", "--password", "a-strong-pass-9").code).toBe(0);
    expect(admin(file, "member", "add", "--email", "boss@solo.test", "--brand", "solo", "--role", "admin").code).toBe(0);
    const demote = admin(file, "member", "add", "--email", "boss@solo.test", "--brand", "solo", "--role", "agent");
    expect(demote.code).not.toBe(0);
    expect(demote.stderr).toMatch(/at least one admin/);
    const readRole = () => {
      const db = new Database(file, { readonly: true });
      const row = db.prepare("SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'boss@solo.test'").get() as { role: string };
      db.close();
      return row.role;
    };
    expect(readRole()).toBe("admin");

    expect(admin(file, "user", "create", "--email", "second@solo.test", "--password", "a-strong-pass-9").code).toBe(0);
    expect(admin(file, "member", "add", "--email", "second@solo.test", "--brand", "solo", "--role", "admin").code).toBe(0);
    const second = admin(file, "member", "add", "--email", "boss@solo.test", "--brand", "solo", "--role", "agent");
    expect(second.stderr).toBe("");
    expect(readRole()).toBe("agent");
  }, 180_000);
});
