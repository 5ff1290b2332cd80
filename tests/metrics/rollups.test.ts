import fc from "fast-check";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { messages } from "@/db/schema";
import type { Classification } from "@/lib/classify/types";
import { correctMessage, markConversationsNoise } from "@/lib/conversations/actions";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { brandChannels, inboundByDay } from "@/lib/metrics/dashboard";
import { localClock, parseRange } from "@/lib/metrics/local-time";
import { repliesByAgent } from "@/lib/metrics/rollups";
import { queueReply } from "@/lib/outbound/outbox";
import { makeBrand, makeMember, testDb } from "../helpers/db";

// A quarter-hour zone: a day's edge falls inside an hour, so a wrong bucket shows.
const TZ = "Asia/Kathmandu";
const START = Date.parse("2026-04-06T00:00:00Z");
const classify = (text: string): Classification => ({
  language: "en", category: text.includes("?") ? "request" : "noise", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 1, reasons: [], modelVersion: "test",
});

type Step =
  | { kind: "ingest"; events: { thread: number; minute: number; question: boolean; outbound: boolean; automated: boolean; agent: 0 | 1 }[] }
  | { kind: "correct"; pick: number; request: boolean }
  | { kind: "noise"; pick: number }
  | { kind: "reply"; pick: number; agent: 0 | 1 };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("ingest" as const),
      events: fc.array(
        fc.record({ thread: fc.nat(6), minute: fc.nat(3 * 24 * 60), question: fc.boolean(), outbound: fc.boolean(), automated: fc.boolean(), agent: fc.constantFrom(0 as const, 1 as const) }),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("correct" as const), pick: fc.nat(), request: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("noise" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reply" as const), pick: fc.nat(), agent: fc.constantFrom(0 as const, 1 as const) }) },
);

/** The same figures counted from the messages themselves, as the dashboard did before rollups. */
async function recount({ db, brandId, range }: { db: Db; brandId: number; range: ReturnType<typeof parseRange> }) {
  const rows = await db.select().from(messages).where(eq(messages.brandId, brandId));
  const clock = localClock({ timeZone: TZ });
  const days = new Map(range.days.map((day) => [day, { inbound: 0, requests: 0, noise: 0, corrected: 0, toRequest: 0, toNoise: 0, byChannel: new Map<number, number>() }]));
  const replies = new Map<number, number>();
  for (const m of rows) {
    const at = m.createdAt.getTime();
    if (at < range.from || at >= range.to) continue;
    if (m.direction === "outbound" && !m.automated && m.userId != null) replies.set(m.userId, (replies.get(m.userId) ?? 0) + 1);
    if (m.direction !== "inbound") continue;
    const d = days.get(clock(at).day)!;
    d.inbound++;
    d.byChannel.set(m.channelId, (d.byChannel.get(m.channelId) ?? 0) + 1);
    if (m.category === "request") d.requests++;
    if (m.category === "noise") d.noise++;
    if (m.corrected) d.corrected++;
    if (m.corrected && m.correctedFrom === "noise" && m.category === "request") d.toRequest++;
    if (m.corrected && m.correctedFrom === "request" && m.category === "noise") d.toNoise++;
  }
  return { days, replies };
}

describe("message rollups", () => {
  it("give the same figures as counting the messages, after any mix of ingests, corrections and replies", async () => {
    const { db } = testDb();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        run++;
        const brand = await makeBrand({ db, timezone: TZ });
        const agents = [await makeMember({ db, brandId: brand.id, role: "agent" }), await makeMember({ db, brandId: brand.id, role: "agent" })];
        const actor = (i: 0 | 1) => ({ userId: agents[i].id, label: agents[i].email });
        const channels = await brandChannels({ db, brandId: brand.id });
        const channelId = channels[0].id;
        let serial = 0;
        for (const s of steps) {
          const inbound = await db.select({ id: messages.id, conversationId: messages.conversationId }).from(messages).where(and(eq(messages.brandId, brand.id), eq(messages.direction, "inbound")));
          if (s.kind === "ingest") {
            const items = s.events
              .map((e) => ({
                channelId,
                userId: e.outbound ? agents[e.agent].id : undefined,
                event: inboundEventSchema.parse({
                  externalId: `r${run}-${serial++}`,
                  author: { id: e.outbound ? "brand" : `u${e.thread}` },
                  text: e.question ? "Where is my order?" : "nice",
                  createdAt: new Date(START + e.minute * 60_000).toISOString(),
                  direction: e.outbound ? "outbound" : "inbound",
                  automated: e.outbound && e.automated,
                  ...(e.outbound ? { inReplyTo: `r${run}-${Math.max(0, serial - 2)}` } : {}),
                }),
              }))
              .sort((a, b) => a.event.createdAt.localeCompare(b.event.createdAt));
            await ingestBatch({ db, brandId: brand.id, items, now: START + 4 * 86_400_000, classifyText: classify });
          } else if (inbound.length > 0) {
            const target = inbound[s.pick % inbound.length];
            if (s.kind === "correct") await correctMessage({ db, brandId: brand.id, actor: actor(0), messageId: target.id, request: s.request });
            if (s.kind === "noise") await markConversationsNoise({ db, brandId: brand.id, actor: actor(1), conversationIds: [target.conversationId] });
            if (s.kind === "reply") await queueReply({ db, brandId: brand.id, conversationId: target.conversationId, text: "On it", visibility: "public", actor: actor(s.agent) });
          }
        }
        // Yesterday's replies (queued now) and the three days of events, whole local days.
        const range = parseRange({ from: "2026-04-05", to: new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date()), timeZone: TZ });
        const expected = await recount({ db, brandId: brand.id, range });
        const { volume, mix } = await inboundByDay({ db, brandId: brand.id, timeZone: TZ, range, channels });
        for (const [i, day] of range.days.entries()) {
          const want = expected.days.get(day)!;
          expect({ day, total: volume[i].total, api: volume[i].byChannel[channels[0].name] ?? 0 }).toEqual({ day, total: want.inbound, api: want.byChannel.get(channelId) ?? 0 });
          expect(mix[i]).toMatchObject({ day, inbound: want.inbound, requests: want.requests, noise: want.noise, corrected: want.corrected, toRequest: want.toRequest, toNoise: want.toNoise });
        }
        const replies = await repliesByAgent({ db, brandId: brand.id, range });
        expect(new Map(replies.map((r) => [r.userId, r.n]))).toEqual(expected.replies);
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
