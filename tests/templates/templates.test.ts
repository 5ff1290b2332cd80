import { describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import { createTemplate, deleteTemplate, listTemplates, requireTemplate, updateTemplate } from "@/lib/templates/templates";
import { composerContext } from "@/lib/templates/composer";
import { makeBrand, makeMember, testDb, rows, run } from "../helpers/db";

const actor = { userId: null, label: "test" };

async function conversationOf(db: ReturnType<typeof testDb>["db"], brandId: number, author = { id: "u1", name: "Olga Smirnova", handle: "olga_s" }) {
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId, kind: "api", name: "Site chat", accountId: null }).returning());
  const [outcome] = await ingestBatch({
    db,
    brandId,
    items: [{ channelId: channel.id, event: inboundEventSchema.parse({ externalId: `e-${Math.random()}`, text: "Где мой заказ? Прошло две недели", createdAt: new Date().toISOString(), author }) }],
  });
  return Number(outcome.conversationId);
}

describe("templates", () => {
  it("creates, updates and deletes within a brand, with an audit trail", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const t = await createTemplate({ db, brandId: brand.id, actor, input: { title: "Refund", body: "Hi {{name}}, your refund is on its way. {{agent}}", language: "EN", shortcut: "Refund" } });
    expect(t).toMatchObject({ language: "en", shortcut: ";refund" });
    await updateTemplate({ db, brandId: brand.id, actor, id: t.id, input: { title: "Refund sent", body: "Done, {{name}}.", language: "", shortcut: ";refund" } });
    expect(await requireTemplate({ db, brandId: brand.id, id: t.id })).toMatchObject({ title: "Refund sent", language: null });
    await deleteTemplate({ db, brandId: brand.id, actor, id: t.id });
    expect(await listTemplates({ db, brandId: brand.id })).toEqual([]);
    const audit = await rows(db, "SELECT action FROM audit_log WHERE object_type = 'template' ORDER BY id");
    expect(audit).toEqual([{ action: "template.create" }, { action: "template.update" }, { action: "template.delete" }]);
  });

  it("refuses unknown variables at save time, naming them", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    await expect(createTemplate({ db, brandId: brand.id, actor, input: { title: "x", body: "Order {{order_id}} for {{name}}" } })).rejects.toThrow(/Unknown variable \{\{order_id\}\}/);
    expect(await listTemplates({ db, brandId: brand.id })).toEqual([]);
  });

  it("keeps shortcuts unique per brand, but not across brands", async () => {
    const { db } = testDb();
    const a = await makeBrand({ db });
    const b = await makeBrand({ db });
    await createTemplate({ db, brandId: a.id, actor, input: { title: "One", body: "1", shortcut: ";hi" } });
    await expect(createTemplate({ db, brandId: a.id, actor, input: { title: "Two", body: "2", shortcut: "hi" } })).rejects.toThrow(/already used/);
    await createTemplate({ db, brandId: b.id, actor, input: { title: "Two", body: "2", shortcut: "hi" } });
    await expect(createTemplate({ db, brandId: a.id, actor, input: { title: "Bad", body: "x", shortcut: ";two words" } })).rejects.toThrow(/shortcut/);
  });

  it("does not let one brand read, change or delete another brand's template", async () => {
    const { db } = testDb();
    const a = await makeBrand({ db });
    const b = await makeBrand({ db });
    const t = await createTemplate({ db, brandId: a.id, actor, input: { title: "Secret", body: "a" } });
    await expect(requireTemplate({ db, brandId: b.id, id: t.id })).rejects.toThrow(/not found/);
    await expect(updateTemplate({ db, brandId: b.id, actor, id: t.id, input: { title: "x", body: "y" } })).rejects.toThrow(/not found/);
    await expect(deleteTemplate({ db, brandId: b.id, actor, id: t.id })).rejects.toThrow(/not found/);
    expect((await requireTemplate({ db, brandId: a.id, id: t.id })).title).toBe("Secret");
  });

  it("renders for the conversation and agent, its language first", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    const conversationId = await conversationOf(db, brand.id);
    await run(db, "UPDATE conversations SET language = 'ru' WHERE id = ?", conversationId);
    await createTemplate({ db, brandId: brand.id, actor, input: { title: "A english", body: "Hi {{first_name}}, {{agent}} here", language: "en" } });
    await createTemplate({ db, brandId: brand.id, actor, input: { title: "B any", body: "{{handle}}" } });
    await createTemplate({ db, brandId: brand.id, actor, input: { title: "C russian", body: "Здравствуйте, {{name}}! {{brand}}, {{agent_full}}", language: "ru" } });
    const ctx = await composerContext({ db, brandId: brand.id, conversationId, userId: agent.id });
    expect(ctx.templates.map((t) => t.title)).toEqual(["C russian", "B any", "A english"]);
    expect(ctx.templates[0].text).toBe(`Здравствуйте, Olga Smirnova! ${brand.name}, ${agent.name}`);
    expect(ctx.templates[1].text).toBe("@olga_s");
    expect(ctx.templates[2].text).toBe(`Hi Olga, ${agent.name.split(" ")[0]} here`);
    expect(ctx.teammates.map((m) => m.userId)).toEqual([agent.id]);
    await expect(composerContext({ db, brandId: (await makeBrand({ db })).id, conversationId, userId: agent.id })).rejects.toThrow(/not found/);
  });
});
