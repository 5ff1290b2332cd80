import { describe, expect, it } from "vitest";
import { liveResponseTime } from "@/lib/metrics/live-figure";

const now = new Date("2026-06-02T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const answeredAt = (minutes: number, frtSeconds: number) => ({ firstResponseAt: minutesAgo(minutes), frtSeconds });

describe("liveResponseTime", () => {
  it("uses the last 60 minutes when at least 5 cycles were answered in them", () => {
    const answered = [answeredAt(1, 300), answeredAt(10, 600), answeredAt(20, 900), answeredAt(30, 60), answeredAt(59, 1200), answeredAt(120, 99_999)];
    expect(liveResponseTime({ now, answered, waitingStarts: [] })).toEqual({
      displaySeconds: 600,
      medianSeconds: 600,
      oldestWaitingSeconds: null,
      waitingMedianSeconds: null,
      basis: "60m",
      sampleSize: 5,
    });
  });

  it("falls back to the last 24 hours with fewer than 5 in the hour", () => {
    const answered = [answeredAt(5, 300), answeredAt(90, 600), answeredAt(600, 1000), answeredAt(1439, 2000), answeredAt(1440, 50_000)];
    expect(liveResponseTime({ now, answered, waitingStarts: [] })).toEqual({
      displaySeconds: 800,
      medianSeconds: 800,
      oldestWaitingSeconds: null,
      waitingMedianSeconds: null,
      basis: "24h",
      sampleSize: 4,
    });
  });

  it("is never lower than the median age of the requests waiting from the last 24 hours", () => {
    const answered = [1, 2, 3, 4, 5].map((m) => answeredAt(m, 120));
    const waitingStarts = [minutesAgo(10), minutesAgo(45), minutesAgo(50), minutesAgo(25 * 60)];
    const figure = liveResponseTime({ now, answered, waitingStarts });
    expect(figure).toEqual({ displaySeconds: 2700, medianSeconds: 120, oldestWaitingSeconds: 3000, waitingMedianSeconds: 2700, basis: "60m", sampleSize: 5 });
  });

  it("one forgotten conversation does not make it say a day while the team answers in minutes", () => {
    const answered = [1, 2, 3, 4, 5].map((m) => answeredAt(m, 120));
    const waitingStarts = [minutesAgo(22 * 60), minutesAgo(1), minutesAgo(2)];
    const figure = liveResponseTime({ now, answered, waitingStarts });
    expect(figure.oldestWaitingSeconds).toBe(22 * 3600);
    expect(figure.waitingMedianSeconds).toBe(120);
    expect(figure.displaySeconds).toBe(120);
  });

  it("a growing queue raises it", () => {
    const answered = [1, 2, 3, 4, 5].map((m) => answeredAt(m, 120));
    const waitingStarts = [30, 35, 40, 45, 50].map(minutesAgo);
    expect(liveResponseTime({ now, answered, waitingStarts }).displaySeconds).toBe(40 * 60);
  });

  it("keeps the median when it is higher than the waits", () => {
    const figure = liveResponseTime({ now, answered: [answeredAt(3, 1800)], waitingStarts: [minutesAgo(2)] });
    expect(figure.displaySeconds).toBe(1800);
    expect(figure.oldestWaitingSeconds).toBe(120);
    expect(figure.waitingMedianSeconds).toBe(120);
  });

  it("shows the median wait when nothing was answered, and null when nothing happened at all", () => {
    expect(liveResponseTime({ now, answered: [], waitingStarts: [minutesAgo(30)] })).toEqual({
      displaySeconds: 1800,
      medianSeconds: null,
      oldestWaitingSeconds: 1800,
      waitingMedianSeconds: 1800,
      basis: "none",
      sampleSize: 0,
    });
    expect(liveResponseTime({ now, answered: [answeredAt(2000, 60)], waitingStarts: [minutesAgo(3000)] })).toEqual({
      displaySeconds: null,
      medianSeconds: null,
      oldestWaitingSeconds: null,
      waitingMedianSeconds: null,
      basis: "none",
      sampleSize: 0,
    });
  });

  it("ignores entries stamped after `now`", () => {
    const figure = liveResponseTime({ now, answered: [answeredAt(-5, 60)], waitingStarts: [minutesAgo(-5)] });
    expect(figure.basis).toBe("none");
    expect(figure.displaySeconds).toBeNull();
  });

  it("rounds the displayed figure to whole seconds", () => {
    const figure = liveResponseTime({ now, answered: [answeredAt(1, 10), answeredAt(2, 21)], waitingStarts: [] });
    expect(figure.medianSeconds).toBe(15.5);
    expect(figure.displaySeconds).toBe(16);
  });
});
