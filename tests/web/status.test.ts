import { describe, expect, it } from "vitest";
import { createChannel } from "@/lib/channels/channels";
import { webConfigsOfBrand, type WebConfig } from "@/lib/channels/web";
import { openWidget } from "@/lib/widget/channel";
import { openVisitorSession } from "@/lib/widget/session";
import { postVisitorMessage } from "@/lib/widget/conversation";
import { queueReply, sendDueReplies } from "@/lib/outbound/outbox";
import { makeBrand, makeMember, testDb, sqlite } from "../helpers/db";

const SITE = "https://www.example.com";

async function widgetOf(config: Partial<WebConfig> = {}) {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  const channel = await createChannel({ db, brandId: brand.id, kind: "web", name: "Site", web: { origins: [SITE], mode: "chat", showResponseTime: true, ...config }, actor: { userId: null, label: "test" } });
  const key = (await webConfigsOfBrand({ db, brandId: brand.id })).get(channel.id)!.publicKey;
  const widget = await openWidget({ db, key, origin: SITE });
  return { db, brand, agent, widget };
}

// One answered request, so the brand has a live figure.
async function answerOne({ db, brand, agent, widget }: Awaited<ReturnType<typeof widgetOf>>) {
  const session = await openVisitorSession({ db, widget, token: null, ip: "10.1.1.1" });
  const visitorId = session.token.split(".")[2];
  const message = await postVisitorMessage({ db, widget, visitorId, ip: "10.1.1.1", input: { text: "Can I bring a bike on board?" } });
  const conversationId = (sqlite(db).prepare("SELECT conversation_id AS id FROM messages WHERE id = ?").get(Number(message.id)) as { id: number }).id;
  await queueReply({ db, brandId: brand.id, conversationId, text: "Yes, in a bag.", visibility: "private", actor: { userId: agent.id, label: agent.email } });
  await sendDueReplies({ db });
}

describe("what the widget says about the team", () => {
  it("gives the live figure while the team is within business hours, when the channel allows it", async () => {
    const world = await widgetOf();
    await answerOne(world);
    // The figure is recomputed at most once a minute.
    const { status } = await openVisitorSession({ db: world.db, widget: world.widget, token: null, ip: "10.1.1.2", now: Date.now() + 61_000 });
    expect(status.online).toBe(true);
    expect(status.responseSeconds).toEqual(expect.any(Number));
  });

  it("keeps the figure to itself when the channel's setting is off", async () => {
    const world = await widgetOf({ showResponseTime: false });
    await answerOne(world);
    const { status } = await openVisitorSession({ db: world.db, widget: world.widget, token: null, ip: "10.1.1.2", now: Date.now() + 61_000 });
    expect(status).toEqual({ online: true, responseSeconds: null });
  });

  it("says the team is offline outside the business hours of the brand's default calendar", async () => {
    const world = await widgetOf();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const all = [0, 1, 2, 3, 4, 5, 6].map((d) => ({ day: d, start: "00:00", end: "24:00" }));
    const db = sqlite(world.db);
    const calendarId = Number(
      db.prepare("INSERT INTO calendars (brand_id, name, timezone, intervals, holidays) VALUES (?, 'Holidays', 'UTC', ?, ?)").run(world.brand.id, JSON.stringify(all), JSON.stringify([day(-1), day(0), day(1)])).lastInsertRowid,
    );
    db.prepare("UPDATE sla_policies SET calendar_id = ? WHERE brand_id = ? AND is_default = 1").run(calendarId, world.brand.id);
    const { status } = await openVisitorSession({ db: world.db, widget: world.widget, token: null, ip: "10.1.1.3" });
    expect(status).toEqual({ online: false, responseSeconds: null });
  });
});
