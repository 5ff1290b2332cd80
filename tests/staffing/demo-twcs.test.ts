import path from "node:path";
import { describe, expect, it } from "vitest";
import { operator } from "@/lib/auth/authorize";
import { importTwcs } from "@/lib/ingest/import/twcs";
import { createDemoWorkspace, seedHistory } from "@/lib/seed/seed-demo";
import { staffingPlan } from "@/lib/staffing/plan";
import { testDb } from "../helpers/db";

describe("staffing planner on real-shaped histories", () => {
  it("plans the demo brand from its traffic over two weeks, replies and recorded availability", async () => {
    const { db } = testDb();
    const now = Date.parse("2026-03-12T15:00:00Z");
    const { workspace } = await createDemoWorkspace({ db });
    await seedHistory({ db, workspace, now, days: 9 });
    const plan = await staffingPlan({ db, actor: operator, brandSlug: "skyway", options: { until: new Date(now) }, now });
    const { report } = plan;
    expect(report.weeks).toBe(2);
    expect(report.hours).toHaveLength(168);
    expect(plan.availabilityRecorded).toBe(true);
    // Handle time comes from the demo agents' replies, within a plausible range.
    expect(plan.handleTime.method).toBe("replies");
    expect(report.ahtSeconds).toBeGreaterThan(30);
    expect(report.ahtSeconds).toBeLessThan(3600);
    const busy = report.hours.filter((h) => h.arrivalsPerHour > 0);
    expect(busy.length).toBeGreaterThan(100);
    // Peaks need more people than nights, and the demo team is on shift where it replies.
    const at = (weekday: number, hour: number) => report.hours.find((h) => h.weekday === weekday && h.hour === hour)!;
    expect(at(3, 19).arrivalsPerHour).toBeGreaterThan(at(3, 3).arrivalsPerHour);
    expect(at(3, 19).agentsNeeded).toBeGreaterThanOrEqual(at(3, 3).agentsNeeded);
    expect(at(3, 14).agentsAvailable).toBeGreaterThan(0);
    for (const h of busy) {
      expect(h.predictedServiceLevel).toBeGreaterThanOrEqual(0.8);
      expect(h.agentsToSchedule).toBeGreaterThanOrEqual(h.agentsNeeded);
    }
    expect(plan.noisePerHour.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 600_000);

  it("plans an imported TWCS brand, whose replies carry no agent, with the default handle time", async () => {
    const { db } = testDb();
    await importTwcs({ db, file: path.join(import.meta.dirname, "../fixtures/twcs-sample.csv") });
    const plan = await staffingPlan({ db, actor: operator, brandSlug: "applesupport", options: { until: new Date("2017-12-31T00:00:00Z"), weeks: 12 } });
    expect(plan.report.weeks).toBeGreaterThanOrEqual(1);
    expect(plan.handleTime.method).toBe("default");
    const total = plan.report.hours.reduce((s, h) => s + h.arrivalsPerHour, 0) * plan.report.weeks;
    expect(Math.round(total)).toBeGreaterThan(0);
    expect(plan.availabilityRecorded).toBe(false);
    expect(plan.report.hours.every((h) => h.agentsAvailable === 0 && h.gap === h.agentsToSchedule)).toBe(true);
  }, 120_000);
});
