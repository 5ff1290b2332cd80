import { describe, expect, it } from "vitest";
import { bg, en, ru, sq, localeFromHeader, translator, type MessageKey } from "@/lib/i18n/messages";

describe("interface languages", () => {
  for (const [name, dictionary] of Object.entries({ ru, bg, sq })) {
    it(`has a ${name} text for every English one, with the same variables and no key of its own`, () => {
      expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as MessageKey[]) {
        expect(dictionary[key], key).toBeTruthy();
        const vars = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(vars(dictionary[key]), key).toEqual(vars(en[key]));
      }
    });
  }

  it("fills variables and leaves unknown ones visible", () => {
    const t = translator("ru");
    expect(t("nav.inbox")).toBe("Входящие");
    const check = translator("en") as (key: string, vars?: Record<string, string>) => string;
    expect(check("nav.inbox", { x: "1" })).toBe("Inbox");
  });

  it("picks the language of the browser before sign-in", () => {
    expect(localeFromHeader("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(localeFromHeader("de-DE,en;q=0.5")).toBe("en");
    expect(localeFromHeader(null)).toBe("en");
    expect(localeFromHeader("bg-BG,bg;q=0.9")).toBe("bg");
    expect(localeFromHeader("sq-AL,sq;q=0.9,en;q=0.5")).toBe("sq");
    expect(translator("bg")("nav.inbox")).toBe("Входящи");
    expect(translator("sq")("nav.inbox")).toBe("Mesazhet hyrëse");
  });
});
