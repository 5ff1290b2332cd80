import { describe, expect, it } from "vitest";
import { setAvailability } from "@/lib/assignment/round-robin";
import { cliActor } from "@/lib/audit/record";
import { createBrand } from "@/lib/brands/brands";
import { shiftsFromReplies } from "@/lib/seed/demo-availability";
import { listAvailability } from "@/lib/staffing/availability";
import { DEFAULT_AHT_SECONDS, measureFromReplies } from "@/lib/staffing/handle-time";
import { optionsFromQuery } from "@/lib/staffing/query";
import { recommend } from "@/lib/staffing/recommend";
import { countByHourOfWeek, weekWindows } from "@/lib/staffing/week";
import { createUser, removeMembership, setMembership, setUserDisabled } from "@/lib/team/users";
import { testDb } from "../helpers/db";

const MIN = 60_000;

describe("availability history", () => {
  it("records each switch for every brand of the member, and joining, leaving and disabling", async () => {
    const { db } = testDb();
    const a = await createBrand({ db, slug: "av-a", name: "A", actor: cliActor });
    const b = await createBrand({ db, slug: "av-b", name: "B", actor: cliActor });
    const user = await createUser({ db, email: "av@test.example", password: "availability-42", name: "Av", actor: cliActor });
    await setMembership({ db, userId: user.id, brandId: a.id, role: "agent", actor: cliActor });
    await setMembership({ db, userId: user.id, brandId: b.id, role: "agent", actor: cliActor });
    const t0 = Date.now() + 60 * MIN;
    await setAvailability({ db, userId: user.id, available: false, now: t0 });
    const range = { from: 0, to: t0 + 10 * 86_400_000 };
    expect((await listAvailability({ db, brandId: a.id, ...range })).map((r) => r.status)).toEqual(["available", "away"]);
    expect((await listAvailability({ db, brandId: b.id, ...range })).map((r) => r.status)).toEqual(["available", "away"]);
    await removeMembership({ db, userId: user.id, brandId: b.id, actor: cliActor });
    await setAvailability({ db, userId: user.id, available: true, now: t0 + MIN });
    // Only the brand they still belong to hears of it.
    expect((await listAvailability({ db, brandId: b.id, ...range })).map((r) => r.status)).toEqual(["available", "away", "away"]);
    expect((await listAvailability({ db, brandId: a.id, ...range })).at(-1)?.status).toBe("available");
    await setUserDisabled({ db, userId: user.id, disabled: true, brandId: a.id, actor: cliActor });
    const last = (await listAvailability({ db, brandId: a.id, ...range })).filter((r) => r.at.getTime() < t0);
    expect(last.at(-1)?.status).toBe("away");
  });
});

describe("handle time from replies", () => {
  it("counts the gaps between one agent's replies within 15 minutes as time on the next reply", () => {
    const times = Array.from({ length: 41 }, (_, i) => i * 4 * MIN); // 40 gaps of 4 min
    const far = [10_000 * MIN, 10_100 * MIN]; // 100 min apart: not work time
    const result = measureFromReplies({ repliesByAgent: new Map([[1, [...times, ...far]]]), answeredRequests: 43 / 2 });
    expect(result).toMatchObject({ method: "replies", secondsPerReply: 240, repliesPerRequest: 2, ahtSeconds: 480 });
  });

  it("falls back to the default with too few replies", () => {
    const result = measureFromReplies({ repliesByAgent: new Map([[1, [0, MIN, 2 * MIN]]]), answeredRequests: 3 });
    expect(result).toEqual({ method: "default", ahtSeconds: DEFAULT_AHT_SECONDS, replies: 3 });
  });
});

describe("hour-of-week counts", () => {
  it("averages over weeks that hold data and takes the 80th-percentile week by nearest rank", () => {
    const until = Date.parse("2026-02-02T00:00:00Z"); // a Monday, UTC
    const windows = weekWindows({ until, weeks: 6 });
    const slotOf = (at: number) => (((new Date(at).getUTCDay() + 6) % 7) * 24 + new Date(at).getUTCHours());
    const mon9 = (week: number) => until - (week + 1) * 7 * 86_400_000 + 9 * 3_600_000;
    const cycles = [
      ...[0, 1, 2, 3, 4].flatMap((w) => Array.from({ length: w + 1 }, () => ({ at: mon9(w), request: true }))),
      { at: mon9(0) + 5 * MIN, request: false },
    ];
    const counts = countByHourOfWeek({ cycles, windows, slotOf });
    expect(counts.weeksWithData).toBe(5);
    expect(counts.mean[9]).toBe(3); // (1+2+3+4+5)/5
    expect(counts.p80[9]).toBe(4); // ceil(0.8·5) = 4th of 1..5
    expect(counts.noiseMean[9]).toBeCloseTo(0.2, 10);
  });
});

describe("recommendations", () => {
  it("joins consecutive short hours of a day and says what the extra agents would do", () => {
    const hour = (weekday: number, h: number, gap: number) => ({ weekday, hour: h, arrivalsPerHour: 20, agentsAvailable: 3, gap });
    const recs = recommend({ hours: [hour(3, 17, 0), hour(3, 18, 2), hour(3, 19, 1.5), hour(3, 20, 0), hour(4, 9, 0.5)], ahtSeconds: 600, targetSeconds: 3600, shrinkage: 0 });
    expect(recs.map((r) => [r.weekday, r.fromHour, r.toHour, r.moreAgents])).toEqual([
      [3, 18, 20, 2],
      [4, 9, 10, 1],
    ]);
    expect(recs[0].toServiceLevel).toBeGreaterThan(recs[0].fromServiceLevel);
  });
});

describe("demo shifts and URL values", () => {
  it("makes shifts from reply times, split by long breaks", () => {
    expect(shiftsFromReplies([0, 30 * MIN, 60 * MIN, 300 * MIN])).toEqual([
      { from: -20 * MIN, to: 80 * MIN },
      { from: 280 * MIN, to: 320 * MIN },
    ]);
  });

  it("reads minutes and percentages from the page's URL and names a value that is not a number", () => {
    expect(optionsFromQuery({ target: "5", level: "80", occupancy: "85", shrinkage: "30", aht: "240", weeks: "4" })).toEqual({ targetSeconds: 300, serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3, ahtSeconds: 240, weeks: 4 });
    expect(() => optionsFromQuery({ level: "lots" })).toThrow(/level must be a number/);
  });
});
