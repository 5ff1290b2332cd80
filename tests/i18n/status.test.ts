import { describe, expect, it } from "vitest";
import { figureSentence } from "@/lib/metrics/badge";
import type { PublicFigure } from "@/lib/metrics/live";
import { statusTexts } from "@/lib/i18n/status";

const base: PublicFigure = {
  brand: "Air",
  displaySeconds: 840,
  medianSeconds: 840,
  oldestWaitingSeconds: null,
  waitingMedianSeconds: null,
  basis: "60m",
  sampleSize: 21,
  targetSeconds: 3600,
  updatedAt: "2026-03-02T10:15:00.000Z",
};

describe("the public status page's texts", () => {
  it("says in English exactly what the badge says", () => {
    expect(statusTexts({ figure: base, locale: "en" }).figure).toBe("We reply in about 14 min");
    expect(figureSentence({ figure: base })).toBe("We reply in about 14 min");
    const none = { ...base, displaySeconds: null, medianSeconds: null, basis: "none" as const, sampleSize: 0 };
    expect(statusTexts({ figure: none, locale: "en" }).figure).toBe(figureSentence({ figure: none }));
    expect(figureSentence({ figure: none, locale: "sq" })).toBe("Asnjë përgjigje në 24 orët e fundit");
  });

  it("explains the basis in English", () => {
    expect(statusTexts({ figure: base, locale: "en" }).basis).toBe("Median first reply over 21 conversations answered in the last hour.");
    expect(statusTexts({ figure: { ...base, sampleSize: 1, basis: "24h" }, locale: "en" }).basis).toBe("Median first reply over 1 conversation answered in the last 24 hours.");
    const raised = statusTexts({ figure: { ...base, displaySeconds: 1800 }, locale: "en" }).basis;
    expect(raised).toMatch(/raised to the median wait of the questions still open\.$/);
    const none = statusTexts({ figure: { ...base, displaySeconds: 300, medianSeconds: null, basis: "none", sampleSize: 0, oldestWaitingSeconds: 900, waitingMedianSeconds: 300 }, locale: "en" }).basis;
    expect(none).toBe("No replies in the last 24 hours, so there is no recent figure yet. Half of the questions still waiting have waited 5 min or longer.");
  });

  it("speaks Russian with Russian units and number agreement", () => {
    const text = statusTexts({ figure: base, locale: "ru" });
    expect(text.figure).toBe("Отвечаем примерно за 14 мин");
    expect(text.basis).toBe("Медиана времени первого ответа по 21 обращению за последний час.");
    expect(statusTexts({ figure: { ...base, sampleSize: 5 }, locale: "ru" }).basis).toContain("по 5 обращениям");
    expect(text.target).toBe("Цель: 1 ч");
    expect(text.title).toBe("Air: время ответа");
  });
});
