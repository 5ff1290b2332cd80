import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { database, type Db } from "@/db/client";
import { loadSessionUser } from "@/lib/auth/access";
import { resetSecretsCache } from "@/lib/security/secrets";
import { channelSettings } from "@/lib/channels/settings";
import { parseWebConfig } from "@/lib/channels/web";
import { makeBrand, makeMember, tempDir, count } from "../helpers/db";
import { form, session } from "../helpers/actions";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/actions")).sessionModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createChannelAction, updateChannelAction } = await import("@/app/(app)/settings/channels/actions");

let db: Db;
beforeAll(() => {
  process.env.DATABASE_PATH = path.join(tempDir(), "web-config.db");
  process.env.AUTH_SECRET = "web-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "web-credentials-key-0123456789abcdef";
  resetSecretsCache();
  db = database();
});
beforeEach(() => {
  session.user = null;
});

describe("web channel config", () => {
  it("normalises origins and refuses paths, other schemes and unknown modes", () => {
    expect(parseWebConfig({ origins: ["https://Shop.Example.com/", "http://localhost:8080"] })).toEqual({
      origins: ["https://shop.example.com", "http://localhost:8080"],
      mode: "chat",
      showResponseTime: true,
    });
    expect(() => parseWebConfig({ origins: ["https://example.com/help"] })).toThrow(/origin only/);
    expect(() => parseWebConfig({ origins: ["ftp://example.com"] })).toThrow(/https/);
    expect(() => parseWebConfig({ origins: ["not an origin"] })).toThrow(/not an origin/);
    expect(() => parseWebConfig({ mode: "popup" })).toThrow(/mode/);
  });

  it("is set in Settings → Channels by an admin, gets a public key and shows the snippet; an agent is refused", async () => {
    const brand = await makeBrand({ db });
    const admin = await makeMember({ db, brandId: brand.id, role: "admin" });
    session.user = await loadSessionUser({ db, userId: admin.id });
    const created = await createChannelAction(null, form({ brandId: brand.id, kind: "web", name: "Site", origins: "https://shop.example.com\nhttps://www.example.com", mode: "form" }));
    expect(created).toMatchObject({ ok: expect.stringContaining("Site") });
    const settings = await channelSettings({ db, brandId: brand.id });
    const web = settings.channels.find((c) => c.kind === "web")!;
    expect(web.web).toMatchObject({ origins: ["https://shop.example.com", "https://www.example.com"], mode: "form", showResponseTime: false });
    expect(web.web!.publicKey).toMatch(/^wc_[A-Za-z0-9_-]{20}$/);
    const key = web.web!.publicKey;

    const updated = await updateChannelAction(null, form({ brandId: brand.id, channelId: web.id, name: "Site", origins: "https://shop.example.com", mode: "chat", showResponseTime: "on" }));
    expect(updated).toMatchObject({ ok: expect.any(String) });
    const after = (await channelSettings({ db, brandId: brand.id })).channels.find((c) => c.id === web.id)!;
    expect(after.web).toEqual({ publicKey: key, origins: ["https://shop.example.com"], mode: "chat", showResponseTime: true });

    const bad = await updateChannelAction(null, form({ brandId: brand.id, channelId: web.id, name: "Site", origins: "https://shop.example.com/path" }));
    expect(bad?.error).toMatch(/origin only/);
    expect(bad?.values?.origins).toBe("https://shop.example.com/path");

    const second = await createChannelAction(null, form({ brandId: brand.id, kind: "web", name: "Copy", origins: "https://shop.example.com" }));
    expect(second?.error).toMatch(/one web channel per site/);
    expect(await count(db, "SELECT count(*) FROM channels WHERE brand_id = ? AND kind = 'web'", brand.id)).toBe(1);

    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    session.user = await loadSessionUser({ db, userId: agent.id });
    const refused = await updateChannelAction(null, form({ brandId: brand.id, channelId: web.id, name: "Site", origins: "https://evil.example" }));
    expect(refused?.error).toBeTruthy();
    expect((await channelSettings({ db, brandId: brand.id })).channels.find((c) => c.id === web.id)!.web!.origins).toEqual(["https://shop.example.com"]);
  });
});
