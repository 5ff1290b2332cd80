import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { database, type Db } from "@/db/client";
import { loadSessionUser } from "@/lib/auth/access";
import { resetSecretsCache } from "@/lib/security/secrets";
import { makeBrand, makeMember, tempDir, sqlite } from "../helpers/db";
import { form, session } from "../helpers/actions";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/actions")).sessionModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createChannelAction, setChannelPausedAction, updateChannelAction } = await import("@/app/(app)/settings/channels/actions");

let db: Db;
beforeAll(() => {
  process.env.DATABASE_PATH = path.join(tempDir(), "actions.db");
  process.env.AUTH_SECRET = "act-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "act-credentials-key-0123456789abcdef";
  resetSecretsCache();
  db = database();
});
beforeEach(() => {
  session.user = null;
});

const channelCount = (brandId: number) => (sqlite(db).prepare("SELECT count(*) AS n FROM channels WHERE brand_id = ?").get(brandId) as { n: number }).n;

describe("channel settings actions", () => {
  it("let an admin add, edit and pause a channel, with audit entries and no secret in the answer", async () => {
    const brand = await makeBrand({ db });
    const admin = await makeMember({ db, brandId: brand.id, role: "admin" });
    session.user = await loadSessionUser({ db, userId: admin.id });
    const created = await createChannelAction(null, form({ brandId: brand.id, kind: "telegram", name: "Bot", accountId: "1", cred_botToken: "1:tok", cred_webhookSecret: "sec" }));
    expect(created).toMatchObject({ ok: expect.stringContaining("Bot") });
    const id = (sqlite(db).prepare("SELECT id FROM channels WHERE brand_id = ? AND kind = 'telegram'").get(brand.id) as { id: number }).id;
    const failed = await updateChannelAction(null, form({ brandId: brand.id, channelId: id, name: "", cred_botToken: "2:new-secret" }));
    expect(failed?.error).toBeTruthy();
    expect(JSON.stringify(failed)).not.toContain("new-secret");
    expect(await setChannelPausedAction(null, form({ brandId: brand.id, channelId: id, paused: "true" }))).toMatchObject({ ok: expect.stringContaining("paused") });
    const actions = (sqlite(db).prepare("SELECT action FROM audit_log WHERE brand_id = ? AND object_type = 'channel' ORDER BY id").all(brand.id) as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(["channel.create", "channel.pause"]);
  });

  it("refuse a manager, an agent and an admin of another brand", async () => {
    const brand = await makeBrand({ db });
    const other = await makeBrand({ db });
    const admin = await makeMember({ db, brandId: brand.id, role: "admin" });
    session.user = await loadSessionUser({ db, userId: admin.id });
    await createChannelAction(null, form({ brandId: brand.id, kind: "vk", name: "VK", accountId: "5" }));
    const id = (sqlite(db).prepare("SELECT id FROM channels WHERE brand_id = ? AND kind = 'vk'").get(brand.id) as { id: number }).id;
    const outsiders = [
      await makeMember({ db, brandId: brand.id, role: "manager" }),
      await makeMember({ db, brandId: brand.id, role: "agent" }),
      await makeMember({ db, brandId: other.id, role: "admin" }),
    ];
    for (const person of outsiders) {
      session.user = await loadSessionUser({ db, userId: person.id });
      expect((await createChannelAction(null, form({ brandId: brand.id, kind: "vk", name: "x", accountId: "6" })))?.error).toBeTruthy();
      expect((await updateChannelAction(null, form({ brandId: brand.id, channelId: id, name: "x" })))?.error).toBeTruthy();
      expect((await setChannelPausedAction(null, form({ brandId: brand.id, channelId: id, paused: "true" })))?.error).toBeTruthy();
    }
    // The other brand's admin cannot reach the channel through their own brand either.
    expect((await updateChannelAction(null, form({ brandId: other.id, channelId: id, name: "x" })))?.error).toMatch(/not found/i);
    expect(channelCount(brand.id)).toBe(2);
    expect(sqlite(db).prepare("SELECT name, status FROM channels WHERE id = ?").get(id)).toEqual({ name: "VK", status: "active" });
  });

  it("refuse a signed-out caller before reading the form", async () => {
    await expect(createChannelAction(null, form({ brandId: 1, kind: "vk", name: "x" }))).rejects.toThrow();
  });
});
