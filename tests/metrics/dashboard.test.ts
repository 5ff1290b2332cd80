import { describe, expect, it } from "vitest";
import type { Classification } from "@/lib/classify/types";
import { resolveConversations } from "@/lib/conversations/resolve";
import { inboundEventSchema, type InboundEventInput } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { dashboardData } from "@/lib/metrics/dashboard";
import { dashboardTable, toCsv } from "@/lib/metrics/dashboard-tables";
import { parseCsv } from "@/lib/ingest/adapters/csv";
import { parseRange } from "@/lib/metrics/local-time";
import { makeBrand, makeMember, testDb, row, run } from "../helpers/db";

const TZ = "Europe/Amsterdam"; // UTC+1 in early March 2026
const MIN = 60_000;
const classify = (text: string): Classification => ({
  language: "en", category: text.includes("?") ? "request" : "noise", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 1, reasons: [], modelVersion: "test",
});

async function seed() {
  const { db } = testDb();
  const brand = await makeBrand({ db, timezone: TZ });
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  const channelId = (await row<{ id: number }>(db, "SELECT id FROM channels WHERE brand_id = ?", brand.id))!.id;
  const threads: { id: string; asked: string; frtMin?: number; text?: string }[] = [
    { id: "a", asked: "2026-03-01T23:30:00Z", frtMin: 10 }, // Mon 2 Mar 00:30 local
    { id: "b", asked: "2026-03-02T10:00:00Z", frtMin: 30 }, // Mon 11:00
    { id: "c", asked: "2026-03-02T10:20:00Z", frtMin: 90 }, // Mon 11:20
    { id: "d", asked: "2026-03-03T08:00:00Z" }, // Tue 09:00, never answered
    { id: "n", asked: "2026-03-03T09:00:00Z", text: "love it" }, // noise
    { id: "e", asked: "2026-03-01T22:30:00Z", frtMin: 1 }, // Sun 1 Mar 23:30 local: outside the range
  ];
  const items: { event: ReturnType<typeof inboundEventSchema.parse>; channelId: number; userId?: number }[] = [];
  for (const t of threads) {
    const q: InboundEventInput = { externalId: `${t.id}-q`, author: { id: `u-${t.id}` }, text: t.text ?? "Where is my bag?", createdAt: t.asked };
    items.push({ event: inboundEventSchema.parse(q), channelId });
    if (t.frtMin !== undefined) {
      const a: InboundEventInput = { externalId: `${t.id}-a`, author: { id: "brand" }, text: "On it", createdAt: new Date(Date.parse(t.asked) + t.frtMin * MIN).toISOString(), inReplyTo: `${t.id}-q`, direction: "outbound" };
      items.push({ event: inboundEventSchema.parse(a), channelId, userId: agent.id });
    }
  }
  items.sort((x, y) => x.event.createdAt.localeCompare(y.event.createdAt));
  await ingestBatch({ db, brandId: brand.id, items, now: Date.parse("2026-03-10T00:00:00Z"), classifyText: classify });
  // taken for a request by the model, corrected to noise by an agent
  await run(db, "UPDATE messages SET corrected = true, corrected_from = 'request' WHERE external_id = 'n-q'");
  const range = parseRange({ from: "2026-03-02", to: "2026-03-04", timeZone: TZ });
  return { db, brand, agent, channelId, range };
}

describe("dashboardData", () => {
  it("gives exact daily median, p90 and share within target by the brand's local day", async () => {
    const { db, brand, range } = await seed();
    expect(range.from).toBe(Date.parse("2026-03-01T23:00:00Z"));
    expect(range.to).toBe(Date.parse("2026-03-04T23:00:00Z"));
    const data = await dashboardData({ db, brandId: brand.id, timeZone: TZ, range });
    expect(data.daily).toEqual([
      { day: "2026-03-02", answered: 3, unanswered: 0, medianSeconds: 1800, p90Seconds: 5400, withinTargetShare: 2 / 3 },
      { day: "2026-03-03", answered: 0, unanswered: 1, medianSeconds: null, p90Seconds: null, withinTargetShare: null },
      { day: "2026-03-04", answered: 0, unanswered: 0, medianSeconds: null, p90Seconds: null, withinTargetShare: null },
    ]);
    expect(data.total).toMatchObject({ answered: 3, unanswered: 1, medianSeconds: 1800 });
    expect(data.volume.map((v) => [v.day, v.total, v.byChannel.API ?? 0])).toEqual([["2026-03-02", 3, 3], ["2026-03-03", 2, 2], ["2026-03-04", 0, 0]]);
    expect(data.mix[1]).toEqual({
      day: "2026-03-03", inbound: 2, requests: 1, noise: 1, requestShare: 0.5, corrected: 1, correctedShare: 0.5,
      toRequest: 0, toRequestShare: null, toNoise: 1, toNoiseShare: 0.5,
    });
  });

  it("fills the weekday × hour heatmap in local time with new requests and their median", async () => {
    const { db, brand, range } = await seed();
    const { heatmap } = await dashboardData({ db, brandId: brand.id, timeZone: TZ, range });
    expect(heatmap).toHaveLength(168);
    const filled = heatmap.filter((c) => c.arrivals > 0);
    expect(filled).toEqual([
      { weekday: 0, hour: 0, arrivals: 1, medianSeconds: 600 },
      { weekday: 0, hour: 11, arrivals: 2, medianSeconds: 3600 },
      { weekday: 1, hour: 9, arrivals: 1, medianSeconds: null },
    ]);
  });

  it("lists agents with replies, median first response, resolved and reopened; scopes to the channel", async () => {
    const { db, brand, agent, channelId } = await seed();
    const conversation = (await row<{ id: number }>(db, "SELECT conversation_id AS id FROM messages WHERE external_id = 'b-q'"))!.id;
    await resolveConversations({ db, brandId: brand.id, conversationIds: [conversation], at: Date.now(), actor: { userId: agent.id, label: "agent" } });
    // "today" in the brand's zone: late in the UTC evening it is already tomorrow in Amsterdam
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
    const range = parseRange({ from: "2026-03-02", to: today, timeZone: TZ });
    const data = await dashboardData({ db, brandId: brand.id, timeZone: TZ, range, channelId });
    expect(data.agents).toEqual([{ userId: agent.id, name: agent.name, replies: 3, answeredFirst: 3, medianFirstResponseSeconds: 1800, resolved: 1, reopened: 0 }]);
    const other = await dashboardData({ db, brandId: brand.id, timeZone: TZ, range, channelId: 999_999 });
    expect(other.total.answered).toBe(0);
    expect(other.agents.every((a) => a.replies === 0 && a.answeredFirst === 0)).toBe(true);
    const csv = toCsv(dashboardTable({ data, name: "agents" }));
    expect(csv.split("\r\n")[0]).toBe("agent,replies,answered_first,median_first_response_seconds,resolved,reopened");
    expect(csv).toContain(`${agent.name},3,3,1800,1,0`);
  });

  it("quotes CSV cells and defuses spreadsheet formulas", () => {
    expect(toCsv({ title: "t", header: ["a", "b"], rows: [["=SUM(A1)", 'x,"y"'], [null, 1.5]] })).toBe(`a,b\r\n'=SUM(A1),"x,""y"""\r\n,1.5\r\n`);
    const csv = toCsv({ title: "t", header: ["name", "n"], rows: [["+1 555", -3], ["-cmd", null], ["@SUM(1)", 0], ["two\nlines", 1], ["plain", 2]] });
    expect(csv).toBe(`name,n\r\n'+1 555,-3\r\n'-cmd,\r\n'@SUM(1),0\r\n"two\nlines",1\r\nplain,2\r\n`);
    expect(parseCsv(csv)).toEqual([["name", "n"], ["'+1 555", "-3"], ["'-cmd", ""], ["'@SUM(1)", "0"], ["two\nlines", "1"], ["plain", "2"]]);
  });
});

describe("localClock", () => {
  it("agrees with localParts across a DST change and in a quarter-hour zone", async () => {
    const { localClock, localParts } = await import("@/lib/metrics/local-time");
    for (const timeZone of ["Europe/Amsterdam", "Asia/Kathmandu", "America/St_Johns", "UTC"]) {
      const clock = localClock({ timeZone });
      for (let at = Date.parse("2026-03-27T00:00:00Z"); at < Date.parse("2026-03-31T00:00:00Z"); at += 7 * MIN) {
        expect(clock(at)).toEqual(localParts({ at, timeZone }));
      }
    }
  });
});
