import { describe, expect, it } from "vitest";
import { DEMO_BRANDS } from "@/lib/demo/brands";
import { textSet } from "@/lib/demo/catalog";
import { LANGUAGE_PACKS } from "@/lib/demo/texts";

const ALL = ["en", "ru", "uk", "bg", "sq", "de", "fr", "es", "it", "pt", "nl", "pl", "tr"];

function counts(language: string) {
  const pack = LANGUAGE_PACKS[language];
  const domains = [pack.airline, pack.coffee].filter((d) => d !== undefined);
  return {
    requests: pack.requests.length + domains.reduce((n, d) => n + d.requests.length, 0),
    complaints: domains.reduce((n, d) => n + d.complaints.length, 0),
    noise: pack.noise.length + pack.giveaway.length + domains.reduce((n, d) => n + d.noise.length, 0),
  };
}

describe("demo texts", () => {
  it("covers the 13 languages, with the brands' audiences matching the packs", () => {
    expect(Object.keys(LANGUAGE_PACKS).sort()).toEqual([...ALL].sort());
    const audience = new Set(DEMO_BRANDS.flatMap((b) => Object.keys(b.languages)));
    expect([...audience].sort()).toEqual([...ALL].sort());
  });

  it("has enough templates per language", () => {
    for (const language of ALL) {
      const c = counts(language);
      const big = ["en", "ru", "de"].includes(language);
      expect(c.requests, language).toBeGreaterThanOrEqual(big ? 25 : 8);
      expect(c.complaints, language).toBeGreaterThanOrEqual(big ? 10 : 4);
      expect(c.noise, language).toBeGreaterThanOrEqual(big ? 25 : 8);
    }
  });

  it("compiles every template of every brand language (unknown slots throw)", () => {
    for (const brand of DEMO_BRANDS)
      for (const language of Object.keys(brand.languages)) {
        const set = textSet({ domain: brand.domain, language });
        for (const list of [set.requests, set.complaints, set.noise, set.answers, set.dmAsk, set.dmOpen, set.dmAnswers, set.automated])
          expect(list.length, `${brand.slug}/${language}`).toBeGreaterThan(0);
      }
  });

  it("includes hostile-looking markup as plain text", () => {
    const english = JSON.stringify(LANGUAGE_PACKS.en);
    expect(english).toContain("<script>");
    expect(english).toContain("<b>");
  });
});
