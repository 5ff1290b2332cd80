import { beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "@/lib/audit/record";
import { createChannel, listChannels, setChannelPaused, updateChannel } from "@/lib/channels/channels";
import { channelSettings } from "@/lib/channels/settings";
import { decryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { makeBrand, testDb, sqlite } from "../helpers/db";

beforeAll(() => {
  process.env.AUTH_SECRET = "chan-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "chan-credentials-key-0123456789abcdef";
  resetSecretsCache();
});

const TOKEN = "EAAB-page-token-very-secret-123";

describe("channels", () => {
  it("stores credentials encrypted and never returns them", () => {
    const { db } = testDb();
    const brand = makeBrand({ db });
    const view = createChannel({ db, brandId: brand.id, kind: "facebook", name: "FB", accountId: "page-9", credentials: { accessToken: TOKEN, unknownKey: "dropped" }, actor: cliActor });
    expect(view.credentialKeys).toEqual(["accessToken"]);
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    const stored = sqlite(db).prepare("SELECT credentials FROM channels WHERE id = ?").get(view.id) as { credentials: string };
    expect(stored.credentials).not.toContain(TOKEN);
    expect(stored.credentials).not.toContain(Buffer.from(TOKEN).toString("base64"));
    expect(decryptCredentials(stored.credentials)).toEqual({ accessToken: TOKEN });
    const audit = sqlite(db).prepare("SELECT after FROM audit_log WHERE action = 'channel.create'").get() as { after: string };
    expect(audit.after).not.toContain(TOKEN);
    expect(JSON.stringify(channelSettings({ db, brandId: brand.id }))).not.toContain(TOKEN);
  });

  it("keeps a stored secret when the field is left empty, replaces or clears it on request", () => {
    const { db } = testDb();
    const brand = makeBrand({ db });
    const view = createChannel({ db, brandId: brand.id, kind: "telegram", name: "Bot", credentials: { botToken: "1:a", webhookSecret: "s1" }, actor: cliActor });
    updateChannel({ db, brandId: brand.id, id: view.id, name: "Bot 2", credentials: { botToken: "", webhookSecret: "s2" }, actor: cliActor });
    const read = () => decryptCredentials((sqlite(db).prepare("SELECT credentials FROM channels WHERE id = ?").get(view.id) as { credentials: string }).credentials);
    expect(read()).toEqual({ botToken: "1:a", webhookSecret: "s2" });
    updateChannel({ db, brandId: brand.id, id: view.id, clear: ["botToken"], actor: cliActor });
    expect(read()).toEqual({ webhookSecret: "s2" });
  });

  it("scopes every change to the brand and pauses / resumes", () => {
    const { db } = testDb();
    const a = makeBrand({ db });
    const b = makeBrand({ db });
    const view = createChannel({ db, brandId: a.id, kind: "vk", name: "VK", accountId: "1", actor: cliActor });
    expect(() => updateChannel({ db, brandId: b.id, id: view.id, name: "stolen", actor: cliActor })).toThrow(/not found/i);
    expect(() => setChannelPaused({ db, brandId: b.id, id: view.id, paused: true, actor: cliActor })).toThrow(/not found/i);
    expect(setChannelPaused({ db, brandId: a.id, id: view.id, paused: true, actor: cliActor }).status).toBe("paused");
    expect(setChannelPaused({ db, brandId: a.id, id: view.id, paused: false, actor: cliActor }).status).toBe("active");
    expect(listChannels({ db, brandId: b.id }).map((c) => c.kind)).toEqual(["api"]);
    expect(() => createChannel({ db, brandId: a.id, kind: "api", name: "x", actor: cliActor })).toThrow();
  });
});
