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
  requestProbability: null,
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

describe("decideCycle: the stored messages", () => {
  it("reads the request probability the classifier gave, and falls back to the confidence only for rows stored before it was kept", () => {
    // A complaint: its category is request whatever the request head said, and its confidence is
    // the complaint head's, so the confidence alone cannot say the probability.
    const complaint = { ...stored, text: "still no refund after 3 weeks", category: "request" as const, complaint: true, confidence: 0.9 };
    const kept = decideCycle([{ ...complaint, requestProbability: 0.97 }]).decision;
    const mapped = decideCycle([{ ...complaint, requestProbability: null }]).decision;
    const asAdded = decideCycle([], { authorId: "7", at: complaint.createdAt, classification: { ...classify(complaint.text), category: "request", complaint: true, confidence: 0.9, requestProbability: 0.97 }, text: complaint.text, kind: "public_comment" }).decision;
    expect(kept).toEqual(asAdded);
    expect(kept.confidence).not.toBe(mapped.confidence);
  });
});
