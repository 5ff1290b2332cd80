import { beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "@/lib/audit/record";
import { createChannel, listChannels, setChannelPaused, updateChannel } from "@/lib/channels/channels";
import { channelSettings } from "@/lib/channels/settings";
import { decryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { makeBrand, testDb, row } from "../helpers/db";

beforeAll(() => {
  process.env.AUTH_SECRET = "chan-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "chan-credentials-key-0123456789abcdef";
  resetSecretsCache();
});

const TOKEN = "EAAB-page-token-very-secret-123";

describe("channels", () => {
  it("stores credentials encrypted and never returns them", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const view = await createChannel({ db, brandId: brand.id, kind: "facebook", name: "FB", accountId: "page-9", credentials: { accessToken: TOKEN, unknownKey: "dropped" }, actor: cliActor });
    expect(view.credentialKeys).toEqual(["accessToken"]);
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    const stored = (await row<{ credentials: string }>(db, "SELECT credentials FROM channels WHERE id = ?", view.id))!;
    expect(stored.credentials).not.toContain(TOKEN);
    expect(stored.credentials).not.toContain(Buffer.from(TOKEN).toString("base64"));
    expect(decryptCredentials(stored.credentials)).toEqual({ accessToken: TOKEN });
    const audit = (await row<{ after: string }>(db, "SELECT after FROM audit_log WHERE action = 'channel.create'"))!;
    expect(audit.after).not.toContain(TOKEN);
    expect(JSON.stringify(await channelSettings({ db, brandId: brand.id }))).not.toContain(TOKEN);
  });

  it("keeps a stored secret when the field is left empty, replaces or clears it on request", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const view = await createChannel({ db, brandId: brand.id, kind: "telegram", name: "Bot", credentials: { botToken: "1:a", webhookSecret: "s1" }, actor: cliActor });
    await updateChannel({ db, brandId: brand.id, id: view.id, name: "Bot 2", credentials: { botToken: "", webhookSecret: "s2" }, actor: cliActor });
    const read = async () => decryptCredentials((await row<{ credentials: string }>(db, "SELECT credentials FROM channels WHERE id = ?", view.id))!.credentials);
    expect(await read()).toEqual({ botToken: "1:a", webhookSecret: "s2" });
    await updateChannel({ db, brandId: brand.id, id: view.id, clear: ["botToken"], actor: cliActor });
    expect(await read()).toEqual({ webhookSecret: "s2" });
  });

  it("scopes every change to the brand and pauses / resumes", async () => {
    const { db } = testDb();
    const a = await makeBrand({ db });
    const b = await makeBrand({ db });
    const view = await createChannel({ db, brandId: a.id, kind: "vk", name: "VK", accountId: "1", actor: cliActor });
    await expect(updateChannel({ db, brandId: b.id, id: view.id, name: "stolen", actor: cliActor })).rejects.toThrow(/not found/i);
    await expect(setChannelPaused({ db, brandId: b.id, id: view.id, paused: true, actor: cliActor })).rejects.toThrow(/not found/i);
    expect((await setChannelPaused({ db, brandId: a.id, id: view.id, paused: true, actor: cliActor })).status).toBe("paused");
    expect((await setChannelPaused({ db, brandId: a.id, id: view.id, paused: false, actor: cliActor })).status).toBe("active");
    expect((await listChannels({ db, brandId: b.id })).map((c) => c.kind)).toEqual(["api"]);
    await expect(createChannel({ db, brandId: a.id, kind: "api", name: "x", actor: cliActor })).rejects.toThrow();
  });
});
