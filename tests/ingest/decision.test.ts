import { describe, expect, it } from "vitest";
import { classify } from "@/lib/classify";
import { decideConversation } from "@/lib/classify/conversation";
import type { ClassifyContext } from "@/lib/classify/types";
import { decideCycle, type CycleMessage } from "@/lib/ingest/decision";

const stored: CycleMessage = {
  id: 1,
  externalId: "m1",
  direction: "inbound",
  contactId: 7,
  userId: null,
  text: "love the new cups 😍",
  inReplyTo: null,
  createdAt: Date.UTC(2026, 0, 5, 10, 0),
  automated: false,
  category: "noise",
  complaint: false,
  confidence: 0.99,
  language: "en",
  corrected: false,
  visibility: "public",
};
const place = (kind: ClassifyContext["kind"], replyTo: ClassifyContext["replyTo"]): ClassifyContext => ({
  kind,
  replyTo,
  mentions: { brand: false, others: 0 },
  brandAnsweredAuthor: false,
  authorHistory: { requests: 0, messages: 0 },
});
// A borderline message, so that its place moves the decision's confidence.
const borderline = { ...classify("ok then"), requestProbability: 0.12 };
const at = Date.UTC(2026, 0, 5, 10, 5);

describe("decideCycle: the message being ingested", () => {
  it("is placed as the stored ones are: private or public", () => {
    const lone = decideCycle([], { authorId: "8", at, classification: borderline, text: "ok then", kind: "private_message" }).decision;
    const asPrivate = decideConversation([{ authorId: "8", classification: borderline, text: "ok then", context: place("private_message", "none") }]);
    const asPublic = decideConversation([{ authorId: "8", classification: borderline, text: "ok then", context: place("public_comment", "none") }]);
    expect(lone).toEqual(asPrivate);
    expect(asPrivate.confidence).not.toBe(asPublic.confidence);
  });

  it("is a reply to another person when it answers another customer's stored comment", () => {
    const added = { authorId: "8", at, classification: { ...borderline, requestProbability: 0.6 }, text: "@ana same here", kind: "public_comment" as const };
    const reply = decideCycle([stored], { ...added, inReplyTo: "m1" }).decision;
    const topLevel = decideCycle([stored], added).decision;
    // "the author's first message replies to another person" weighs in the shipped decision
    expect(reply.confidence).not.toBe(topLevel.confidence);
  });
});
