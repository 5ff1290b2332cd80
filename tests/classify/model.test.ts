import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classify } from "@/lib/classify";

const REQUESTS: [string, string][] = [
  ["en", "@SkyJet my flight was cancelled and nobody answers the phone, what now?"],
  ["en", "where is my order? it's been 10 days"],
  ["ru", "где мой заказ? жду уже две недели"],
  ["uk", "коли повернете гроші за скасований рейс?"],
  ["de", "meine Karte wurde gesperrt, was soll ich tun?"],
  ["fr", "toujours pas de remboursement, vous comptez répondre ?"],
  ["es", "¿cómo cambio la dirección de entrega de mi pedido?"],
  ["pl", "nie działa mi internet od rana, kiedy naprawicie?"],
  ["tr", "siparişim hala gelmedi, ne zaman gelecek?"],
];

const NOISE: [string, string][] = [
  ["emoji only", "😍😍😍"],
  ["emoji to the brand", "@BeanBrew 🔥🔥"],
  ["tagging friends", "@anna_k @mike.r"],
  ["giveaway", "I want to win! @lena92 @tomekk #giveaway"],
  ["giveaway ru", "участвую в розыгрыше! @dasha_p"],
  ["spam", "earn $500 a day from home, crypto bonus, link in bio"],
  ["thanks", "thank you so much, great service as always"],
  ["praise de", "bester Kaffee der Stadt ❤️"],
];

describe("classify", () => {
  it.each(REQUESTS)("takes a %s request as a request", (lang, text) => {
    const c = classify(text);
    expect(c.category).toBe("request");
    expect(c.language).toBe(lang);
    expect(c.reasons.length).toBeGreaterThan(0);
  });

  it.each(NOISE)("takes %s as noise", (_, text) => {
    expect(classify(text).category).toBe("noise");
  });

  it("flags a clear complaint as a negative request", () => {
    const c = classify("@NovaBank you charged my card twice and nobody answers. worst service ever");
    expect(c).toMatchObject({ category: "request", complaint: true, sentiment: "negative" });
    expect(c.sentimentScore).toBeLessThan(-0.3);
  });

  it("hears the tone", () => {
    expect(classify("thank you, the crew was wonderful!").sentiment).toBe("positive");
    expect(classify("ужасный сервис, больше никогда не полечу").sentiment).toBe("negative");
  });

  it("keeps every figure in range and every complaint a request", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const c = classify(text);
        if (c.complaint) expect(c.category).toBe("request");
        expect(c.confidence).toBeGreaterThanOrEqual(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
        expect(Math.abs(c.sentimentScore)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
    for (const [, text] of REQUESTS) {
      const c = classify(text);
      if (c.complaint) expect(c.category).toBe("request");
    }
  });

  it("stays fast on a very long message", () => {
    const started = performance.now();
    const c = classify(`${"where is my refund? ".repeat(5000)}`);
    expect(performance.now() - started).toBeLessThan(100);
    expect(c.category).toBe("request");
  });

  it("says which model decided", () => {
    expect(classify("hello").modelVersion).toMatch(/^rh-clf-1\.[0-9a-f]{8}$/);
  });
});
