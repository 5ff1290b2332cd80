import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { channels } from "@/db/schema";
import { setAvailability } from "@/lib/assignment/round-robin";
import { loadSessionUser } from "@/lib/auth/access";
import { operator } from "@/lib/auth/authorize";
import { cliActor } from "@/lib/audit/record";
import { createBrand } from "@/lib/brands/brands";
import type { Classification } from "@/lib/classify/types";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { agentsNeeded, agentsToSchedule, serviceLevel } from "@/lib/staffing/erlang";
import { staffingPlan } from "@/lib/staffing/plan";
import { plannerGap } from "@/lib/reports/weekly/staffing";
import { createUser, setMembership } from "@/lib/team/users";
import { databaseEnv, onPostgres, testDb } from "../helpers/db";
import { runScript } from "../helpers/cli";

const request = (): Classification => ({ language: "en", category: "request", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 1, reasons: [], modelVersion: "test" });
// Berlin is UTC+1 in January: Wednesday 2026-01-14 10:00 local is 09:00Z.
const WED_10 = Date.parse("2026-01-14T09:00:00Z");
const WEEK = 7 * 86_400_000;
const UNTIL = "2026-01-19T00:00:00+01:00";

let db: Db;
let file: string;
let brandId: number;
let agentA: number;
let agentB: number;

async function arrive(channelId: number, at: number, n: number) {
  const items = Array.from({ length: n }, (_, i) => ({
    event: inboundEventSchema.parse({ externalId: `m-${at}-${i}`, author: { id: `c-${at}-${i}` }, text: "Where is my order?", createdAt: new Date(at + i * 60_000).toISOString() }),
    channelId,
  }));
  await ingestBatch({ db, brandId, items, now: at + 3_600_000, classifyText: request });
}

beforeAll(async () => {
  ({ db, file } = testDb());
  const brand = await createBrand({ db, slug: "plan-air", name: "Plan Air", timezone: "Europe/Berlin", actor: cliActor });
  brandId = brand.id;
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId, kind: "twitter", name: "X", accountId: "planair" }).returning());
  // Two weeks of data inside a four-week window: Wed 10 has 3 requests one week, 1 the other.
  await arrive(channel.id, WED_10, 3);
  await arrive(channel.id, WED_10 - WEEK, 1);
  await arrive(channel.id, WED_10 - WEEK + 2 * 3_600_000, 2);
  for (const [key, role] of [["a", "agent"], ["b", "agent"], ["m", "manager"]] as const) {
    const user = await createUser({ db, email: `${key}@plan.test`, password: "plan-password-42", name: key, actor: cliActor });
    await setMembership({ db, userId: user.id, brandId, role, actor: cliActor });
    if (key === "a") agentA = user.id;
    if (key === "b") agentB = user.id;
  }
  // B is available from Tue to the end; A only for half of the earlier Wednesday 10:00 hour.
  await setAvailability({ db, userId: agentB, available: true, now: WED_10 - WEEK - 86_400_000 });
  await setAvailability({ db, userId: agentA, available: true, now: WED_10 - WEEK });
  await setAvailability({ db, userId: agentA, available: false, now: WED_10 - WEEK + 1_800_000 });
});

describe("staffingPlan", () => {
  it("counts arrivals per local hour of the week over the weeks that hold data, with the team available", async () => {
    const plan = await staffingPlan({ db, actor: operator, brandSlug: "plan-air", options: { until: new Date(UNTIL), ahtSeconds: 1200, targetSeconds: 300 } });
    const { report } = plan;
    expect(report.weeks).toBe(2);
    expect(report.hours).toHaveLength(168);
    const wed10 = report.hours.find((h) => h.weekday === 3 && h.hour === 10)!;
    expect(wed10.arrivalsPerHour).toBe(2);
    expect(plan.arrivalsP80[2 * 24 + 10]).toBe(3);
    const wed12 = report.hours.find((h) => h.weekday === 3 && h.hour === 12)!;
    expect(wed12.arrivalsPerHour).toBe(1);
    const needed = agentsNeeded({ arrivalsPerHour: 2, ahtSeconds: 1200, targetSeconds: 300, serviceLevel: 0.8, maxOccupancy: 0.85 });
    expect(wed10.agentsNeeded).toBe(needed);
    expect(wed10.agentsToSchedule).toBe(agentsToSchedule({ agentsNeeded: needed, shrinkage: 0.3 }));
    // B both weeks, A half an hour of one: (1.5 + 1) / 2.
    expect(wed10.agentsAvailable).toBe(1.25);
    expect(wed10.gap).toBeCloseTo(wed10.agentsToSchedule - 1.25, 10);
    expect(wed10.predictedServiceLevel).toBeCloseTo(serviceLevel({ agents: needed, arrivalsPerHour: 2, ahtSeconds: 1200, targetSeconds: 300 }), 4);
    const quiet = report.hours.find((h) => h.weekday === 1 && h.hour === 3)!;
    expect(quiet).toMatchObject({ arrivalsPerHour: 0, agentsNeeded: 0, agentsToSchedule: 0, predictedServiceLevel: 1, simulatedServiceLevel: 1 });
    expect(quiet.agentsAvailable).toBe(1);
    expect(plan.handleTime.method).toBe("override");
  });

  it("gives the weekly report the hours the team did not cover", async () => {
    const gap = await plannerGap({ db, brandId, timeZone: "Europe/Berlin", from: Date.parse(UNTIL) - WEEK, to: Date.parse(UNTIL) });
    const plan = await staffingPlan({ db, actor: operator, brandSlug: "plan-air", options: { until: new Date(UNTIL) } });
    const short = plan.report.hours.filter((h) => h.gap > 0);
    expect(short.length).toBeGreaterThan(0);
    expect(gap?.hours).toEqual(short.map((h) => ({ weekday: h.weekday, hour: h.hour, gap: h.gap })));
  });

  it("defaults the target to the brand's SLA policy and measures handle time when not given", async () => {
    const plan = await staffingPlan({ db, actor: operator, brandSlug: "plan-air", options: { until: new Date(UNTIL) } });
    expect(plan.report.targetSeconds).toBe(3600);
    expect(plan.handleTime.method).toBe("default");
    expect(plan.report).toMatchObject({ serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 });
  });

  it("refuses bad options, other brands and roles below manager", async () => {
    await expect(staffingPlan({ db, actor: operator, brandSlug: "plan-air", options: { serviceLevel: 1 } })).rejects.toThrow(/service level/);
    await expect(staffingPlan({ db, actor: operator, brandSlug: "plan-air", options: { shrinkage: -0.1 } })).rejects.toThrow(/shrinkage/);
    await expect(staffingPlan({ db, actor: operator, brandSlug: "nope" })).rejects.toMatchObject({ kind: "not_found" });
    const agent = (await loadSessionUser({ db, userId: agentA }))!;
    await expect(staffingPlan({ db, actor: { kind: "member", user: agent }, brandSlug: "plan-air" })).rejects.toMatchObject({ kind: "forbidden" });
    const other = await createBrand({ db, slug: "plan-other", name: "Other", actor: cliActor });
    const outsider = await createUser({ db, email: "o@plan.test", password: "plan-password-42", name: "o", actor: cliActor });
    await setMembership({ db, userId: outsider.id, brandId: other.id, role: "admin", actor: cliActor });
    const session = (await loadSessionUser({ db, userId: outsider.id }))!;
    await expect(staffingPlan({ db, actor: { kind: "member", user: session }, brandSlug: "plan-air" })).rejects.toMatchObject({ kind: "not_found" });
  });

  it.skipIf(onPostgres())("prints the report as JSON with exactly the named fields, and refuses bad flags", () => {
    const run = (...args: string[]) =>
      runScript("scripts/report.ts", args, { cwd: path.resolve(import.meta.dirname, "../.."), env: { ...process.env, ...databaseEnv(file) } });
    const result = run("staffing", "--brand", "plan-air", "--json", "--until", UNTIL, "--aht-seconds", "1200", "--target-seconds", "300");
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["brand", "weeks", "ahtSeconds", "targetSeconds", "serviceLevel", "maxOccupancy", "shrinkage", "hours"]);
    expect(json.hours).toHaveLength(168);
    expect(Object.keys(json.hours[0])).toEqual(["weekday", "hour", "arrivalsPerHour", "agentsNeeded", "agentsToSchedule", "agentsAvailable", "gap", "predictedServiceLevel", "simulatedServiceLevel"]);
    expect(json.hours[0]).toMatchObject({ weekday: 1, hour: 0 });
    expect(json.hours[167]).toMatchObject({ weekday: 7, hour: 23 });
    const text = run("staffing", "--brand", "plan-air", "--until", UNTIL);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Wed\s+10:00\s+2\.00/);
    const bad = run("staffing", "--brand", "plan-air", "--json", "--service-level", "abc");
    expect(bad.status).toBe(64);
    expect(bad.stderr).toMatch(/--service-level must be a number/);
  }, 180_000);
});
