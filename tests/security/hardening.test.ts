import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { operator } from "@/lib/auth/authorize";
import { createWebhookEndpoint, updateWebhookEndpoint } from "@/lib/escalation/endpoints";
import { makeBrand, onPostgres, tempDir, testDb, rows } from "../helpers/db";

// Finding 14 of the security review: a world-readable database, and webhook URLs (credentials)
// in the audit log.
describe("hardening", () => {
  // a SQLite file's permissions; PostgreSQL keeps its own data directory
  it.skipIf(onPostgres())("creates the database and its WAL readable by the owner only", async () => {
    const file = path.join(tempDir(), "mode.db");
    const previous = process.umask(0o022);
    try {
      const db = openDatabase({ file });
      await makeBrand({ db });
      for (const f of [file, `${file}-wal`]) expect((fs.statSync(f).mode & 0o777).toString(8), f).toBe("600");
      closeDatabase(db);
    } finally {
      process.umask(previous);
    }
  });

  it("keeps a webhook URL's secret path out of the audit log", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const url = "https://hooks.slack.example/services/T000/B000/XyZsecretPart";
    const { endpoint } = await createWebhookEndpoint({ db, brandId: brand.id, input: { name: "Slack", url }, actor: operator });
    await updateWebhookEndpoint({ db, brandId: brand.id, id: endpoint.id, input: { name: "Slack", url: `${url}2` }, actor: operator });
    const audit = await rows<{ before: string | null; after: string | null }>(db, "SELECT before, after FROM audit_log WHERE object_type = 'webhook_endpoint'");
    expect(audit.length).toBeGreaterThanOrEqual(2);
    const text = JSON.stringify(audit);
    expect(text).not.toContain("XyZsecretPart");
    expect(text).toContain("https://hooks.slack.example/…");
  });
});
