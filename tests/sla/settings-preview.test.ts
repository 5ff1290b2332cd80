import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN } from "@/lib/sla/calendar";
import { previewDue } from "@/lib/sla/settings-preview";
import type { Calendar } from "@/lib/sla/types";

const office: Calendar = {
  timezone: "Europe/Amsterdam",
  intervals: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: "09:00", end: "17:00" })),
  holidays: ["2026-01-01", "2026-12-25"],
};
const NOW = Date.parse("2026-11-25T12:00:00Z"); // Wednesday 13:00 in Amsterdam

describe("previewDue", () => {
  it("shows when telling arrivals would be due under business hours, in the calendar's zone", () => {
    const examples = previewDue({ calendar: office, targetSeconds: 1800, atRiskShare: 0.5, now: NOW });
    expect(examples.map((e) => [e.label, e.arrives, e.due])).toEqual([
      ["now", "Wed 25 Nov, 13:00", "Wed 25 Nov, 13:30"],
      ["on Friday evening", "Fri 27 Nov, 18:30", "Mon 30 Nov, 09:30"],
      ["on Sunday", "Sun 29 Nov, 12:00", "Mon 30 Nov, 09:30"],
      // 25 Dec 2026 is a Friday: closed, so due after the weekend.
      ["on a holiday", "Fri 25 Dec, 10:00", "Mon 28 Dec, 09:30"],
    ]);
    expect(examples[1].atRiskAt).toBe(Date.parse("2026-11-30T08:15:00Z"));
    expect(examples[1].wallSeconds).toBe((2 * 24 * 3600) + 15 * 3600);
  });

  it("is a plain hour later under 24/7 and skips a past holiday", () => {
    const examples = previewDue({ calendar: { ...ALWAYS_OPEN, timezone: "UTC", holidays: [] }, targetSeconds: 3600, atRiskShare: 0.75, now: NOW });
    expect(examples.map((e) => e.label)).toEqual(["now", "on Friday evening", "on Sunday"]);
    for (const e of examples) expect(e.dueAt - e.arrivesAt).toBe(3_600_000);
  });

  it("takes next week's Friday when this Friday's evening has passed", () => {
    const saturday = Date.parse("2026-11-28T10:00:00Z");
    const [, friday] = previewDue({ calendar: office, targetSeconds: 600, atRiskShare: 0.5, now: saturday });
    expect(friday.arrives).toBe("Fri 4 Dec, 18:30");
  });
});
