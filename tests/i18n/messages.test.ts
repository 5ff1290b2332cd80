import { describe, expect, it } from "vitest";
import { bg, en, ru, sq, localeFromHeader, translator, type MessageKey } from "@/lib/i18n/messages";
import { catalogueProblems, icuArguments } from "./icu";

describe("interface languages", () => {
  for (const [name, dictionary] of Object.entries({ ru, bg, sq })) {
    it(`has a ${name} text for every English one, valid ICU with the same variables, and no key of its own`, () => {
      expect(catalogueProblems(en, dictionary, name)).toEqual([]);
    });
  }

  it("every English text is valid ICU", () => {
    for (const key of Object.keys(en) as MessageKey[]) expect(() => icuArguments(en[key], "en"), key).not.toThrow();
  });

  it("the check fails on a missing key, an extra key, another variable, a renamed plural and broken ICU", () => {
    const english = { a: "Hi {name}", b: "{count, plural, one {# item} other {# items}}", c: "Plain", d: "Hello", e: "{who} said" };
    const other = { a: "Привет {user}", b: "{n, plural, one {# штука} other {# штук}}", d: "Привет {", e: "{who} сказал", f: "лишний" };
    expect(catalogueProblems(english, other, "ru")).toEqual([
      "a: takes {user}, English takes {name}",
      "b: takes {n}, English takes {count}",
      "c: missing",
      expect.stringMatching(/^d: /),
      "f: not in English",
    ]);
    expect(icuArguments("{count, plural, one {{actor} took one} other {{actor} took #}} at {when, time, short}", "en")).toEqual(["actor", "count", "when"]);
  });

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
