import { describe, expect, it } from "vitest";
import path from "node:path";
import { closeDatabase, openDatabase } from "@/db/client";
import { tempDir } from "../helpers/db";
import { seedPerson } from "./seed";
import { runScript } from "../helpers/cli";

// The same key in this process and the CLI's, so both tokenise platform ids alike.
const KEYS = { AUTH_SECRET: "a".repeat(43), CREDENTIALS_KEY: "c".repeat(43), ERASURE_KEY: "e".repeat(43) };

function admin(file: string, ...args: string[]) {
  const result = runScript("scripts/admin.ts", args, { env: { ...process.env, ...KEYS, DATABASE_PATH: file } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each run of the CLI starts tsx (seconds on a busy machine): few runs, one test.
describe("admin contact commands", () => {
  it("find prints JSON only, erase refuses without a reason, a dry run changes nothing, erase then export shows it erased", async () => {
    const file = path.join(tempDir(), "privacy.db");
    const db = openDatabase({ file });
    const { brand } = await seedPerson(db);
    await closeDatabase(db);

    const found = admin(file, "contact", "find", "--brand", brand.slug, "--query", "Zenobia");
    expect(found.code).toBe(0);
    const contacts = JSON.parse(found.stdout) as { id: number; name: string; channelKind: string }[];
    expect(contacts).toEqual([expect.objectContaining({ name: "Zenobia Thistlewood", channelKind: "facebook", handle: "@zenthistle", externalId: "fb-user-981", email: null })]);
    const id = String(contacts[0].id);

    const refused = admin(file, "contact", "erase", "--brand", brand.slug, "--contact", id);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/--reason/);

    const dry = admin(file, "contact", "erase", "--brand", brand.slug, "--contact", id, "--reason", "Request by e-mail", "--dry-run");
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, counts: { messages: 3, contacts: 1 } });

    const done = admin(file, "contact", "erase", "--brand", brand.slug, "--contact", id, "--reason", "Request by e-mail");
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ dryRun: false, counts: { messages: 3 } });
    const exported = JSON.parse(admin(file, "contact", "export", "--brand", brand.slug, "--contact", id).stdout);
    expect(exported.contact).toMatchObject({ name: "[erased on request]", handle: "[erased on request]" });
    expect(exported.messages.map((m: { text: string }) => m.text)).toEqual(["[erased on request]", "[erased on request]", "[erased on request]"]);
    expect(exported.auditEntries.map((a: { action: string }) => a.action)).toContain("contact.erase");

    const retention = admin(file, "retention", "set", "--brand", brand.slug, "--months", "1");
    expect(retention.code).toBe(0);
    expect(JSON.parse(retention.stdout)).toMatchObject({ saved: false, months: 1 });
  }, 240_000);
});
