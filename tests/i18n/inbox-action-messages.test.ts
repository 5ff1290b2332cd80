import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase, database, type Db } from "@/db/client";
import { channels } from "@/db/schema";
import { loadSessionUser } from "@/lib/auth/access";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import type { Classification } from "@/lib/classify/types";
import { makeBrand, makeMember, tempDir, sqlite } from "../helpers/db";
import { form, session } from "../helpers/actions";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/actions")).sessionModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { assignAction, labelsAction, markNoiseAction, priorityAction, statusAction } = await import("@/app/(app)/inbox/actions");
const { markNotificationsReadAction } = await import("@/app/(app)/notifications-actions");

let db: Db;
beforeAll(() => {
  closeDatabase();
  process.env.DATABASE_PATH = path.join(tempDir(), "i18n-inbox-actions.db");
  db = database();
});


const classify = (): Classification => ({ language: "ru", category: "request", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 0.9, reasons: [], modelVersion: "test" });

// An agent speaking `locale` in a brand with `n` open conversations.
async function agentWith(locale: "en" | "ru", n: number) {
  const brand = await makeBrand({ db });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "telegram", name: "TG", accountId: `bot-${brand.id}` }).returning());
  const now = Date.now();
  const items = Array.from({ length: n }, (_, i) => ({
    event: inboundEventSchema.parse({ externalId: `${brand.id}-${i}`, text: `Где заказ ${i}?`, createdAt: new Date(now - (n - i) * 60_000).toISOString(), author: { id: `${brand.id}-u${i}`, name: `Клиент ${i}` } }),
    channelId: channel.id,
  }));
  const ids = (await ingestBatch({ db, brandId: brand.id, items, now, classifyText: classify })).map((o) => Number(o.conversationId));
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  sqlite(db).prepare("UPDATE users SET locale = ? WHERE id = ?").run(locale, agent.id);
  session.user = await loadSessionUser({ db, userId: agent.id });
  return { brandId: brand.id, ids };
}

describe("inbox actions answer in the agent's language", () => {
  it("in Russian, with the noun agreeing with the count", async () => {
    const { brandId, ids } = await agentWith("ru", 5);
    expect(await statusAction(null, form({ brandId, conversationIds: ids.slice(0, 1).join(","), status: "resolved" }))).toEqual({ ok: "Решено: 1 обращение." });
    expect(await markNoiseAction(null, form({ brandId, conversationIds: ids.slice(1, 3).join(",") }))).toEqual({ ok: "Отмечено как шум: 2 обращения." });
    expect(await statusAction(null, form({ brandId, conversationIds: ids.join(","), status: "pending" }))).toEqual({ ok: "Переведено в ожидание: 4 обращения. Без изменений: 1 решённое обращение." });
    expect(await assignAction(null, form({ brandId, conversationIds: ids.join(","), assignee: "me" }))).toEqual({ ok: "Назначено вам: 5 обращений." });
    expect(await assignAction(null, form({ brandId, conversationIds: ids.join(","), assignee: "me" }))).toEqual({ ok: "Уже назначено вам." });
    expect(await priorityAction(null, form({ brandId, conversationIds: String(ids[0]), priority: "urgent" }))).toEqual({ ok: "Приоритет изменён: срочный." });
    expect(await labelsAction(null, form({ brandId, conversationId: ids[0], add: "Доставка" }))).toMatchObject({ ok: expect.stringMatching(/^Метка «.+» добавлена\.$/) });
    expect(await labelsAction(null, form({ brandId, conversationId: ids[0], add: " " }))).toMatchObject({ error: "Сначала введите метку." });
    expect(await markNotificationsReadAction(null, form({}))).toEqual({ ok: "Отмечено как прочитанные: 0." });
  });

  it("in English, word for word as before", async () => {
    const { brandId, ids } = await agentWith("en", 3);
    expect(await statusAction(null, form({ brandId, conversationIds: String(ids[0]), status: "resolved" }))).toEqual({ ok: "1 conversation resolved." });
    expect(await statusAction(null, form({ brandId, conversationIds: ids.join(","), status: "pending" }))).toEqual({ ok: "2 conversations marked pending. 1 resolved conversation left as is." });
    expect(await markNoiseAction(null, form({ brandId, conversationIds: ids.slice(1).join(",") }))).toEqual({ ok: "2 conversations marked as noise." });
    expect(await assignAction(null, form({ brandId, conversationIds: ids.join(","), assignee: "me" }))).toEqual({ ok: "3 conversations assigned to you." });
    expect(await priorityAction(null, form({ brandId, conversationIds: String(ids[0]), priority: "high" }))).toEqual({ ok: "Priority set to high." });
    expect(await labelsAction(null, form({ brandId, conversationId: ids[0], remove: "vip" }))).toEqual({ ok: 'Label "vip" removed.' });
  });
});
