import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, database, type Db } from "@/db/client";
import { loadSessionUser } from "@/lib/auth/access";
import { createTemplate } from "@/lib/templates/templates";
import { makeBrand, makeMember, tempDir, count, row } from "../helpers/db";
import { form, session } from "../helpers/actions";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/actions")).sessionModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { deleteTemplateAction, previewTemplateAction, saveTemplateAction } = await import("@/app/(app)/settings/templates/actions");

let db: Db;
beforeAll(() => {
  closeDatabase();
  process.env.DATABASE_PATH = path.join(tempDir(), "templates-actions.db");
  db = database();
});
beforeEach(() => {
  session.user = null;
});

const templateCount = (brandId: number) => count(db, "SELECT count(*) FROM templates WHERE brand_id = ?", brandId);

describe("template settings actions", () => {
  it("let a manager add and edit; an agent and another brand's admin are refused", async () => {
    const brand = await makeBrand({ db });
    const manager = await makeMember({ db, brandId: brand.id, role: "manager" });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    const outsider = await makeMember({ db, brandId: (await makeBrand({ db })).id, role: "admin" });
    const input = { brandId: brand.id, title: "Hello", body: "Hi {{name}}", language: "en", shortcut: ";hi" };

    session.user = await loadSessionUser({ db, userId: agent.id });
    expect(await saveTemplateAction(null, form(input))).toMatchObject({ error: expect.stringMatching(/needs the manager role/) });
    session.user = await loadSessionUser({ db, userId: outsider.id });
    expect(await saveTemplateAction(null, form(input))).toMatchObject({ error: expect.stringMatching(/brand was not found/) });
    expect(await templateCount(brand.id)).toBe(0);

    session.user = await loadSessionUser({ db, userId: manager.id });
    expect(await saveTemplateAction(null, form({ ...input, body: "Hi {{nmae}}" }))).toMatchObject({ error: expect.stringMatching(/Unknown variable \{\{nmae\}\}/), values: expect.objectContaining({ body: "Hi {{nmae}}" }) });
    expect(await saveTemplateAction(null, form(input))).toMatchObject({ ok: "Added “Hello”." });
    const id = (await row<{ id: number }>(db, "SELECT id FROM templates WHERE brand_id = ?", brand.id))!.id;
    expect(await saveTemplateAction(null, form({ ...input, templateId: id, title: "Hello again" }))).toMatchObject({ ok: "Saved “Hello again”." });
    expect(await templateCount(brand.id)).toBe(1);
  });

  it("refuses deleting for an agent and across brands", async () => {
    const brand = await makeBrand({ db });
    const other = await makeBrand({ db });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    const otherManager = await makeMember({ db, brandId: other.id, role: "manager" });
    const t = await createTemplate({ db, brandId: brand.id, actor: { userId: null, label: "test" }, input: { title: "Keep", body: "x" } });
    session.user = await loadSessionUser({ db, userId: agent.id });
    expect((await deleteTemplateAction(null, form({ brandId: brand.id, templateId: t.id })))?.error).toMatch(/manager role/);
    session.user = await loadSessionUser({ db, userId: otherManager.id });
    expect((await deleteTemplateAction(null, form({ brandId: other.id, templateId: t.id })))?.error).toMatch(/not found/);
    expect(await templateCount(brand.id)).toBe(1);
  });

  it("previews with sample values for the brand's managers only", async () => {
    const brand = await makeBrand({ db });
    const manager = await makeMember({ db, brandId: brand.id, role: "manager" });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    session.user = await loadSessionUser({ db, userId: manager.id });
    expect(await previewTemplateAction(null, form({ brandId: brand.id, body: "Hi {{first_name}}, {{agent}} of {{brand}} {{x}}" }))).toEqual({
      text: `Hi Anna, manager of ${brand.name} {{x}}`,
      missing: [],
      unknown: ["x"],
    });
    expect(await previewTemplateAction(null, form({ brandId: (await makeBrand({ db })).id, body: "Hi" }))).toEqual({ error: "The brand was not found." });
    session.user = await loadSessionUser({ db, userId: agent.id });
    expect(await previewTemplateAction(null, form({ brandId: brand.id, body: "Hi" }))).toMatchObject({ error: expect.stringMatching(/manager role/) });
  });
});
