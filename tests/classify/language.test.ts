import { describe, expect, it } from "vitest";
import { LANGUAGES } from "@/lib/classify";
import { detectLanguage } from "@/lib/classify/language";
import { tokenize } from "@/lib/classify/text";

const detect = (text: string) => detectLanguage(tokenize(text));

// Sentences written for this test, not taken from the training corpus.
const SAMPLES: Record<string, string[]> = {
  en: ["my parcel was supposed to arrive on friday and there is still nothing", "thanks for sorting it out so quickly"],
  ru: ["почему у меня списали деньги дважды за одну покупку", "спасибо, всё уже работает"],
  uk: ["чому з мене двічі зняли гроші за одну покупку", "дякую, вже все працює"],
  bg: ["защо ми взехте парите два пъти за една покупка", "благодаря, вече всичко работи"],
  sq: ["pse m'i morët paratë dy herë për të njëjtën blerje", "faleminderit, tani gjithçka punon"],
  de: ["warum wurde mir der Betrag zweimal abgebucht", "danke, jetzt funktioniert alles wieder"],
  fr: ["pourquoi j'ai été débité deux fois pour le même achat", "merci, tout fonctionne maintenant"],
  es: ["por qué me habéis cobrado dos veces la misma compra", "gracias, ya funciona todo"],
  it: ["perché mi avete addebitato due volte lo stesso acquisto", "grazie, adesso funziona tutto"],
  pt: ["por que vocês me cobraram duas vezes pela mesma compra", "obrigado, agora está tudo funcionando"],
  nl: ["waarom is het bedrag twee keer van mijn rekening afgeschreven", "bedankt, alles werkt nu weer"],
  pl: ["dlaczego pobraliście dwa razy pieniądze za ten sam zakup", "dziękuję, teraz wszystko działa"],
  tr: ["aynı alışveriş için neden iki kez ödeme alındı", "teşekkürler, şimdi her şey çalışıyor"],
};

describe("detectLanguage", () => {
  it("covers the 13 languages", () => {
    expect([...LANGUAGES].sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  for (const [lang, texts] of Object.entries(SAMPLES)) {
    it(`tells ${lang}`, () => {
      for (const text of texts) expect(detect(text)).toBe(lang);
    });
  }

  it("tells the Cyrillic languages apart by their own letters and words", () => {
    expect(detect("де моє замовлення")).toBe("uk");
    expect(detect("къде е поръчката ми")).toBe("bg");
    expect(detect("где мой заказ, вы обещали")).toBe("ru");
  });

  it("reads Cyrillic words between Latin names as the Cyrillic language", () => {
    expect(detect("@nomad4 утре кафе на Mall of Sofia?")).toBe("bg");
    expect(detect("добрый день, мой order не пришёл, help please")).toBe("ru");
    expect(detect("Hi, my name is Иван and my order is late")).toBe("en");
  });

  it("survives people typing without diacritics", () => {
    expect(detect("dlaczego nikt nie odpowiada na moja wiadomosc")).toBe("pl");
    expect(detect("neden hala siparisim gelmedi")).toBe("tr");
  });

  it("says und when there is nothing to tell", () => {
    expect(detect("😍😍😍")).toBe("und");
    expect(detect("@anna @maria 12345")).toBe("und");
    expect(detect("")).toBe("und");
  });
});
