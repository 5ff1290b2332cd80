import { describe, expect, it } from "vitest";
import { extractFeatures, DIM } from "@/lib/classify/features";
import { hashString } from "@/lib/classify/hash";
import { foldText, tokenize } from "@/lib/classify/text";

describe("tokenize", () => {
  it("separates words, mentions, links, numbers, emoji and marks", () => {
    const t = tokenize("@SkyJet Where's my bag?? order 12345678 https://t.co/x 😡 #fail");
    expect(t.words).toEqual(["where's", "my", "bag", "order", "fail"]);
    expect(t.mentions).toBe(1);
    expect(t.urls).toBe(1);
    expect(t.hashtags).toBe(1);
    expect(t.questions).toBe(1);
    expect(t.longNumbers).toBe(1);
    expect(t.emojis).toEqual(["😡"]);
    expect(t.seq).toEqual(["<@>", "where's", "my", "bag", "?", "order", "<id>", "<url>", "😡", "fail"]);
  });

  it("reads Russian-style smileys and frowns", () => {
    expect(tokenize("спасибо)))").seq).toContain("<smile>");
    expect(tokenize("опять ((").seq).toContain("<frown>");
  });

  it("folds diacritics and case the same way people drop them", () => {
    expect(foldText("çà été déjà")).toBe("ca ete deja");
    expect(tokenize("ZAMÓWIENIE").words).toEqual(tokenize("zamowienie").words);
  });
});

describe("extractFeatures", () => {
  it("hashes deterministically into the feature space", () => {
    expect(hashString("abc")).toBe(0x1a47e90b);
    const a = extractFeatures("where is my refund?");
    const first = Array.from(a.buffer.slice(0, a.count));
    const b = extractFeatures("where is my refund?");
    expect(Array.from(b.buffer.slice(0, b.count))).toEqual(first);
    expect(first.every((i) => i >= 0 && i < DIM)).toBe(true);
    expect(a.count).toBeGreaterThan(20);
  });

  it("names the shape of messages without words", () => {
    expect(extractFeatures("😍😍").flags).toContain("emoji only");
    expect(extractFeatures("@anna @maria").flags).toContain("tags only");
    expect(extractFeatures("https://spam.example").flags).toContain("link only");
  });

  it("marks cue words across languages", () => {
    expect(extractFeatures("спасибо большое").flags).toContain("thanks word");
    expect(extractFeatures("participo en el sorteo").flags).toContain("giveaway word");
    expect(extractFeatures("gdzie jest paczka").flags).toContain("question word");
    expect(extractFeatures("задержали рейс").flags).toContain("complaint word");
  });
});
