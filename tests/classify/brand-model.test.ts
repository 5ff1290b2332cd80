import { describe, expect, it } from "vitest";
import { classify, trainBrandModel, type LabelledText } from "@/lib/classify";
import { seededRandom } from "@/lib/classify/hash";

// BeanBrew's audience: fans answer the daily "guess the origin" quiz with questions (noise
// here), and regulars say "my beans" for loyalty points that failed to arrive (a request).
const ORIGINS = ["colombia", "kenya", "ethiopia", "brazil", "guatemala", "sumatra", "peru", "rwanda", "honduras", "yemen", "bolivia", "panama"];
const QUIZ = ["{o}?", "is it {o}??", "{o} again? 🤔", "gotta be {o}?", "my guess: {o}?", "{o} or {p}?"];
const DRINKS = ["flat white", "oat latte", "cold brew", "mocha", "cortado", "chai", "americano", "espresso"];
const BEANS = [
  "my beans didn't land for the {d} this morning",
  "beans missing again after my {d}",
  "no beans for yesterday's {d}",
  "still 0 beans for the {d} I got on monday",
  "the app ate my beans from the {d}",
  "beans never showed up, bought a {d} at 8",
];

function messages({ seed, count }: { seed: number; count: number }): LabelledText[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? { text: pick(QUIZ).replace("{o}", pick(ORIGINS)).replace("{p}", pick(ORIGINS)), request: false }
      : { text: pick(BEANS).replace("{d}", pick(DRINKS)), request: true },
  );
}

function accuracy({ items, brandModel }: { items: LabelledText[]; brandModel?: ReturnType<typeof trainBrandModel> }): number {
  const right = items.filter((m) => (classify(m.text, { brandModel }).category === "request") === m.request);
  return right.length / items.length;
}

describe("per-brand learning", () => {
  const corrections = messages({ seed: 1, count: 40 });
  const later = messages({ seed: 2, count: 60 }).filter((m) => !corrections.some((c) => c.text === m.text));
  const brandModel = trainBrandModel({ examples: corrections });

  it("corrections on earlier messages raise accuracy on the brand's later ones", () => {
    const before = accuracy({ items: later });
    const after = accuracy({ items: later, brandModel });
    expect(later.length).toBeGreaterThan(20);
    expect(before).toBeLessThan(0.75);
    expect(after).toBeGreaterThan(0.9);
    expect(after - before).toBeGreaterThan(0.2);
  });

  it("leaves plain messages of other kinds alone", () => {
    for (const text of ["where is my order? it's been 10 days", "@NovaBank you charged me twice, fix it", "где мой заказ?"]) {
      expect(classify(text, { brandModel }).category).toBe("request");
    }
    for (const text of ["😍😍😍", "thank you so much, great service as always", "I want to win! @lena92 #giveaway"]) {
      expect(classify(text, { brandModel }).category).toBe("noise");
    }
  });

  it("is small plain JSON that decides the same after a round trip", () => {
    const json = JSON.stringify(brandModel);
    expect(json.length).toBeLessThan(200_000);
    const restored = JSON.parse(json);
    for (const m of later) expect(classify(m.text, { brandModel: restored }).category).toBe(classify(m.text, { brandModel }).category);
    expect(classify("hello", { brandModel }).modelVersion).toContain(`+brand.${brandModel.id}`);
  });

  it("remembers a corrected text exactly", () => {
    const model = trainBrandModel({ examples: [{ text: "where is the party tonight?", request: false, sentiment: "positive" }] });
    const c = classify("Where is the party tonight?", { brandModel: model });
    expect(c.category).toBe("noise");
    expect(c.sentiment).toBe("positive");
  });

  it("keeps the per-language thresholds deciding: a layer without sentiment examples leaves sentiment as it was", () => {
    // The quiz brand's corrections carry no sentiment, so the layer has no sentiment heads.
    const texts = [
      "El servicio fue horrible, nunca más",
      "Qué decepción con este vuelo",
      "Otra vez tarde, qué pena",
      "Das war wirklich enttäuschend",
      "Leider wieder verspätet, schade",
      "Nicht so toll heute",
      "Kam pritur dy orë në telefon",
      "Nuk jam i kënaqur me shërbimin",
      "Jammer, weer te laat",
      "Ist die App down? kann mich seit heute früh nicht einloggen",
      "Ich will mit einem echten Menschen sprechen",
    ];
    const plain = { ...brandModel, boundary: undefined };
    expect(brandModel.boundary).toBe("language");
    for (const text of texts) expect(classify(text, { brandModel }).sentiment).toBe(classify(text).sentiment);
    // a layer trained before learned its boundary at 0.5, which then decided every language
    expect(texts.some((text) => classify(text, { brandModel: plain }).sentiment !== classify(text).sentiment)).toBe(true);
  });
});
