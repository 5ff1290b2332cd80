import { describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { cliActor } from "@/lib/audit/record";
import { createBrand } from "@/lib/brands/brands";
import type { Classification, ClassifyContext } from "@/lib/classify/types";
import { inboundEventSchema, type InboundEventInput } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { testDb } from "../helpers/db";

const NOW = Date.parse("2026-01-01T00:00:00Z");
const noise: Classification = { language: "en", category: "noise", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 0.9, reasons: [], modelVersion: "test" };

async function contextsOf(events: InboundEventInput[]) {
  const { db } = testDb();
  const brand = await createBrand({ db, slug: "bean", name: "Bean House", actor: cliActor });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "instagram", name: "BeanHouse", accountId: "beanhouse_help" }).returning());
  const seen = new Map<string, ClassifyContext | null | undefined>();
  const items = events.map((e) => ({ event: inboundEventSchema.parse(e), channelId: channel.id }));
  for (const item of items) {
    await ingestBatch({ db, brandId: brand.id, items: [item], now: NOW, classifyText: (text, context) => (seen.set(text, context), noise) });
  }
  return seen;
}

const at = (minute: number) => new Date(Date.parse("2025-12-01T10:00:00Z") + minute * 60_000).toISOString();

describe("the classify stage gives the classifier the message's context", () => {
  it("knows the kind, what a message replies to, the mentions, the post, and the author's earlier words", async () => {
    const post = { id: "post-1", text: "Autumn menu is out! What will you try first?" };
    const contexts = await contextsOf([
      { externalId: "c1", kind: "public_comment", inReplyTo: "post-1", post, author: { id: "u1", handle: "ana" }, text: "the pumpkin one", createdAt: at(0) },
      { externalId: "c2", kind: "public_comment", inReplyTo: "c1", post, author: { id: "u2", handle: "ben" }, text: "@ana same, and @leo too", createdAt: at(1) },
      { externalId: "c3", kind: "public_comment", inReplyTo: "c1", post, author: { id: "u1", handle: "ana" }, text: "@beanhouse_help is it vegan?", createdAt: at(2) },
      { externalId: "r1", kind: "public_comment", inReplyTo: "c3", direction: "outbound", author: { id: "brand", handle: "BeanHouse" }, text: "It is!", createdAt: at(3) },
      { externalId: "c4", kind: "public_comment", inReplyTo: "r1", post, author: { id: "u1", handle: "ana" }, text: "great, thanks", createdAt: at(4) },
    ]);
    const c1 = contexts.get("the pumpkin one")!;
    expect(c1).toMatchObject({ kind: "public_comment", replyTo: "brand_post", postText: post.text, brandAnsweredAuthor: false, mentions: { brand: false, others: 0 } });
    expect(c1.previousFromAuthor).toBeUndefined();
    expect(contexts.get("@ana same, and @leo too")).toMatchObject({ replyTo: "customer", mentions: { brand: false, others: 2 } });
    const c3 = contexts.get("@beanhouse_help is it vegan?")!;
    expect(c3).toMatchObject({ replyTo: "customer", mentions: { brand: true, others: 0 }, brandAnsweredAuthor: false, previousFromAuthor: ["the pumpkin one"] });
    const c4 = contexts.get("great, thanks")!;
    expect(c4).toMatchObject({ replyTo: "brand", brandAnsweredAuthor: true, previousFromAuthor: ["the pumpkin one", "@beanhouse_help is it vegan?"] });
  });

  it("a private dialogue: no post, the brand's answer counts for its author, history from earlier conversations", async () => {
    const contexts = await contextsOf([
      { externalId: "p1", kind: "private_message", author: { id: "u9" }, text: "hi", createdAt: at(0) },
      { externalId: "p2", kind: "private_message", threadId: "u9", direction: "outbound", author: { id: "brand" }, text: "Hello! How can we help?", createdAt: at(1) },
      { externalId: "p3", kind: "private_message", author: { id: "u9" }, text: "my bag is lost", createdAt: at(2) },
      { externalId: "x1", kind: "public_comment", author: { id: "u9" }, text: "lovely shop", createdAt: at(3) },
    ]);
    expect(contexts.get("hi")).toMatchObject({ kind: "private_message", replyTo: "none", brandAnsweredAuthor: false, authorHistory: { requests: 0, messages: 0 } });
    expect(contexts.get("my bag is lost")).toMatchObject({ kind: "private_message", brandAnsweredAuthor: true, previousFromAuthor: ["hi"] });
    expect(contexts.get("lovely shop")).toMatchObject({ kind: "public_comment", replyTo: "none", authorHistory: { requests: 1, messages: 1 } });
  });
});
