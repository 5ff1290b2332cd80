import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase, database, type Db } from "@/db/client";
import { loadSessionUser } from "@/lib/auth/access";
import { makeBrand, makeMember, tempDir, sqlite } from "../helpers/db";
import { form, session } from "../helpers/actions";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/actions")).sessionModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { saveTemplateAction } = await import("@/app/(app)/settings/templates/actions");
const { createChannelAction } = await import("@/app/(app)/settings/channels/actions");
const { changeRoleAction } = await import("@/app/(app)/settings/team/actions");

let db: Db;
beforeAll(() => {
  closeDatabase();
  process.env.DATABASE_PATH = path.join(tempDir(), "i18n-actions.db");
  db = database();
});


async function adminIn(locale: "en" | "ru") {
  const brand = await makeBrand({ db });
  const admin = await makeMember({ db, brandId: brand.id, role: "admin" });
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  sqlite(db).prepare("UPDATE users SET locale = ? WHERE id = ?").run(locale, admin.id);
  session.user = await loadSessionUser({ db, userId: admin.id });
  return { brand, agent };
}

describe("settings actions answer in the person's language", () => {
  it("in Russian for a Russian-speaking admin", async () => {
    const { brand, agent } = await adminIn("ru");
    expect(await saveTemplateAction(null, form({ brandId: brand.id, title: "Привет", body: "Здравствуйте, {{name}}!" }))).toMatchObject({ ok: "Шаблон «Привет» добавлен." });
    expect(await createChannelAction(null, form({ brandId: brand.id, kind: "web", name: "Сайт" }))).toMatchObject({ ok: "Канал «Сайт» добавлен." });
    expect(await createChannelAction(null, form({ brandId: brand.id, kind: "web", name: " " }))).toMatchObject({ error: "name: Укажите название канала." });
    expect(await changeRoleAction(null, form({ brandId: brand.id, userId: agent.id, role: "manager" }))).toMatchObject({ ok: expect.stringMatching(/: новая роль — руководитель\.$/) });
  });

  it("in English otherwise, word for word as before", async () => {
    const { brand, agent } = await adminIn("en");
    expect(await saveTemplateAction(null, form({ brandId: brand.id, title: "Hello", body: "Hi {{name}}!" }))).toMatchObject({ ok: "Added “Hello”." });
    expect(await changeRoleAction(null, form({ brandId: brand.id, userId: agent.id, role: "manager" }))).toMatchObject({ ok: expect.stringMatching(/ is now manager\.$/) });
  });
});
