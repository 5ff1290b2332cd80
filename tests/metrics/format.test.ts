import { describe, expect, it } from "vitest";
import { formatDuration } from "@/lib/metrics/live-figure";

const en = (seconds: number) => formatDuration({ seconds, locale: "en" });
const ru = (seconds: number) => formatDuration({ seconds, locale: "ru-RU" });

describe("formatDuration", () => {
  it("writes minutes, hours with minutes, and days with hours", () => {
    expect(en(0)).toBe("< 1 min");
    expect(en(59)).toBe("< 1 min");
    expect(en(60)).toBe("1 min");
    expect(en(14 * 60 + 20)).toBe("14 min");
    expect(en(3900)).toBe("1 h 5 min");
    expect(en(2 * 3600)).toBe("2 h");
    expect(en(2 * 86_400)).toBe("2 d");
    expect(en(86_400 + 3 * 3600)).toBe("1 d 3 h");
  });

  it("rounds into the next unit instead of writing 60 min or 24 h", () => {
    expect(en(3599)).toBe("1 h");
    expect(en(86_399)).toBe("1 d");
    expect(en(86_300)).toBe("23 h 58 min");
  });

  it("speaks Russian for ru locales and English otherwise", () => {
    expect(ru(14 * 60)).toBe("14 мин");
    expect(ru(3900)).toBe("1 ч 5 мин");
    expect(ru(2 * 86_400)).toBe("2 дн.");
    expect(ru(10)).toBe("< 1 мин");
    expect(formatDuration({ seconds: 840, locale: "de" })).toBe("14 min");
  });

  it("speaks Bulgarian and Albanian units", () => {
    expect(formatDuration({ seconds: 3900, locale: "bg" })).toBe("1 ч 5 мин");
    expect(formatDuration({ seconds: 2 * 86_400 + 3 * 3600, locale: "bg-BG" })).toBe("2 дн. 3 ч");
    expect(formatDuration({ seconds: 3900, locale: "sq" })).toBe("1 orë 5 min");
    expect(formatDuration({ seconds: 2 * 86_400, locale: "sq-AL" })).toBe("2 ditë");
  });

  it("refuses negative and non-finite input", () => {
    expect(() => en(-1)).toThrow(RangeError);
    expect(() => en(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
