import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase, database, type Db } from "@/db/client";
import { loadSessionUser } from "@/lib/auth/access";
import { translator } from "@/lib/i18n/messages";
import { ACTIONS, CONDITIONS } from "@/app/(app)/settings/escalation/rule-fields";
import { makeBrand, makeMember, tempDir, sqlite } from "../helpers/db";
import { form, session } from "../helpers/actions";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/actions")).sessionModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { saveRuleAction, setRuleEnabledAction, createEndpointAction } = await import("@/app/(app)/settings/escalation/actions");

let db: Db;
beforeAll(() => {
  closeDatabase();
  process.env.DATABASE_PATH = path.join(tempDir(), "i18n-rules.db");
  db = database();
});

async function adminIn(locale: "en" | "ru") {
  const brand = await makeBrand({ db });
  const admin = await makeMember({ db, brandId: brand.id, role: "admin" });
  sqlite(db).prepare("UPDATE users SET locale = ? WHERE id = ?").run(locale, admin.id);
  session.user = await loadSessionUser({ db, userId: admin.id });
  return brand;
}

const rule = (name: string) => JSON.stringify({ name, enabled: true, match: "all", conditions: [{ type: "complaint" }], actions: [{ type: "escalate", level: "1", userIds: [] }] });

describe("escalation settings answer in the person's language", () => {
  it("in Russian for a Russian-speaking admin", async () => {
    const brand = await adminIn("ru");
    const created = await saveRuleAction(null, form({ brandId: brand.id, rule: rule("Жалобы") }));
    expect(created).toMatchObject({ ok: "Правило «Жалобы» создано; с этого момента оно проверяет каждое новое сообщение." });
    // parseRule's field errors stay English; the summary follows the interface language.
    expect(await saveRuleAction(null, form({ brandId: brand.id, rule: rule("") }))).toMatchObject({ error: "Правило не сохранено: исправьте отмеченные поля.", fieldErrors: { name: expect.any(String) } });
    const ruleId = sqlite(db).prepare("SELECT id FROM escalation_rules WHERE brand_id = ?").get(brand.id) as { id: number };
    expect(await setRuleEnabledAction(null, form({ brandId: brand.id, ruleId: ruleId.id, enabled: "false" }))).toMatchObject({ ok: "Правило выключено." });
    expect(await createEndpointAction(null, form({ brandId: brand.id, name: "Slack", url: "https://hooks.example.test/x" }))).toMatchObject({ ok: "Адрес «Slack» добавлен. Скопируйте секрет подписи сейчас: он больше не будет показан." });
  });

  it("in English otherwise, word for word as before", async () => {
    const brand = await adminIn("en");
    expect(await saveRuleAction(null, form({ brandId: brand.id, rule: rule("Complaints") }))).toMatchObject({ ok: "Rule “Complaints” created; it runs on every new message from now on." });
    expect(await saveRuleAction(null, form({ brandId: brand.id, rule: rule("") }))).toMatchObject({ error: "The rule was not saved: fix the marked fields." });
  });
});

describe("rule editor texts", () => {
  it("keeps the English the end-to-end tests and users know", () => {
    const t = translator("en");
    expect(t("rules.condition", { n: 1 })).toBe("Condition 1");
    expect(t("rules.create")).toBe("Create rule");
    expect(t("rules.dryRun")).toBe("Dry run on the last 500 messages");
    expect(t("rules.dryRunMatched", { matched: 1, examined: 40 })).toBe("Would have matched 1 of the last 40 messages.");
    expect(t(CONDITIONS.find((c) => c.type === "keywords")!.fields[0].label)).toMatch(/^Keywords or phrases/);
  });

  it("gives every condition and action type, field, hint and option a Russian text of its own", () => {
    const en = translator("en");
    const ru = translator("ru");
    const keys = [...CONDITIONS, ...ACTIONS].flatMap((s) => [s.label, ...s.fields.flatMap((f) => [f.label, f.hint, f.short, ...(f.options ?? []).map((o) => o.label)])]);
    for (const key of keys.filter((k) => k !== undefined)) {
      expect(ru(key), key).not.toBe(key);
      // Proper names (facebook, vk, api…) read the same in both languages; sentences do not.
      if (en(key).includes(" ")) expect(ru(key), key).not.toBe(en(key));
    }
  });
});
