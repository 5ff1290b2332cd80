import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { MAX_RANGE_DAYS, parseRange } from "@/lib/metrics/local-time";
import { previewDue } from "@/lib/sla/settings-preview";

// Finding 11 of the security review: a dashboard CSV for 0001–9999 took 4.3 s and a calendar open
// one minute a week made the SLA preview take 1.8 s, each blocking every other request.
describe("bounded ranges and previews", () => {
  it("refuses an export range beyond the maximum span at once, and cuts a dashboard range", () => {
    const started = performance.now();
    const refused = (() => {
      try {
        return parseRange({ from: "0001-01-01", to: "9999-12-31", timeZone: "Europe/Amsterdam", strict: true });
      } catch (error) {
        return error;
      }
    })();
    expect(isAppError(refused) && refused.status).toBe(400);
    const cut = parseRange({ from: "0001-01-01", to: "9999-12-31", timeZone: "Europe/Amsterdam" });
    expect(cut.days.length).toBe(MAX_RANGE_DAYS);
    expect(cut.toDay).toBe("9999-12-31");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parseRange({ from: "2026-01-01", to: "2026-12-31", timeZone: "UTC", strict: true }).days.length).toBe(365);
  });

  it("answers the SLA preview of a nearly closed calendar with an error, in milliseconds", () => {
    const calendar = { timezone: "Europe/Amsterdam", intervals: [{ day: 1 as const, start: "09:00", end: "09:01" }], holidays: [] };
    const started = performance.now();
    const refused = (() => {
      try {
        return previewDue({ calendar, targetSeconds: 30 * 86_400, atRiskShare: 0.75, now: Date.now() });
      } catch (error) {
        return error;
      }
    })();
    expect(isAppError(refused) && refused.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(50);
    // A target the calendar can meet within the year is still previewed.
    expect(previewDue({ calendar, targetSeconds: 30 * 60, atRiskShare: 0.75, now: Date.now() }).length).toBeGreaterThan(0);
  });
});
