import { operator } from "@/lib/auth/authorize";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { channels } from "@/db/schema";
import { cliActor } from "@/lib/audit/record";
import { createBrand } from "@/lib/brands/brands";
import type { Classification } from "@/lib/classify/types";
import { parseTwcs, twcsToEvents, type TwcsRow } from "@/lib/ingest/adapters/twcs";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { median, percentile } from "@/lib/metrics/percentile";
import { responseTimeReport } from "@/lib/metrics/report";
import { databaseEnv, testDb } from "../helpers/db";
import { runScript } from "../helpers/cli";

const csv = readFileSync(path.join(import.meta.dirname, "../fixtures/twcs-sample.csv"), "utf8");
const NOW = Date.parse("2026-01-01T00:00:00Z");

// Every customer tweet counts as a request, so unanswered threads are countable from the CSV alone.
const allRequests = (): Classification => ({
  language: "en", category: "request", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 1, reasons: [], modelVersion: "test",
});

async function importSample({ db, classifyText }: { db: Db; classifyText?: (text: string) => Classification }) {
  for (const group of twcsToEvents({ rows: parseTwcs(csv).rows })) {
    const brand = await createBrand({ db, slug: group.companySlug, name: group.company, actor: cliActor });
    const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "twitter", name: "X", accountId: group.company }).returning());
    const items = group.events.map((event) => ({ event: inboundEventSchema.parse(event), channelId: channel.id }));
    await ingestBatch({ db, brandId: brand.id, items, now: NOW, classifyText });
  }
}

type Expected = { frts: number[]; unanswered: number };

// Written from the CSV rows: thread = in_response_to chain to the topmost tweet in the file;
// FRT = first company tweet at or after the first customer tweet; brand = the company that
// answered first, else the first company @mentioned in the root.
function independent(rows: TwcsRow[]): Record<string, Expected> {
  const byId = new Map(rows.map((r) => [r.tweetId, r]));
  const companies = new Map(rows.filter((r) => !r.inbound).map((r) => [r.authorId.toLowerCase(), r.authorId.toLowerCase()]));
  const root = (r: TwcsRow): string => {
    let current = r;
    for (let guard = 0; guard < 1000; guard++) {
      const parent = current.inResponseToTweetId && byId.get(current.inResponseToTweetId);
      if (!parent) return current.tweetId;
      current = parent;
    }
    return current.tweetId;
  };
  const threads = new Map<string, TwcsRow[]>();
  for (const r of rows) threads.set(root(r), [...(threads.get(root(r)) ?? []), r]);
  const out: Record<string, Expected> = {};
  for (const [rootId, members] of threads) {
    const time = (r: TwcsRow) => Date.parse(r.createdAt);
    const firstIn = members.filter((r) => r.inbound).sort((a, b) => time(a) - time(b))[0];
    const firstOut = members.filter((r) => !r.inbound).sort((a, b) => time(a) - time(b))[0];
    const mention = [...byId.get(rootId)!.text.matchAll(/@(\w+)/g)].map((m) => companies.get(m[1].toLowerCase())).find(Boolean);
    const brand = firstOut ? firstOut.authorId.toLowerCase() : mention;
    if (!brand || !firstIn) continue;
    const entry = (out[brand] ??= { frts: [], unanswered: 0 });
    const reply = members.filter((r) => !r.inbound && r.authorId.toLowerCase() === brand && time(r) >= time(firstIn)).sort((a, b) => time(a) - time(b))[0];
    if (reply) entry.frts.push((time(reply) - time(firstIn)) / 1000);
    else entry.unanswered++;
  }
  return out;
}

function summary({ frts, unanswered }: Expected) {
  return {
    answered: frts.length,
    unanswered,
    medianSeconds: median({ values: frts }),
    p90Seconds: percentile({ values: frts, p: 90 }),
    withinTargetShare: frts.length ? frts.filter((s) => s <= 3600).length / frts.length : null,
  };
}

describe("responseTimeReport on the TWCS sample", () => {
  const expected = independent(parseTwcs(csv).rows);
  let db: Db;
  let file: string;
  beforeAll(async () => {
    ({ db, file } = testDb());
    await importSample({ db, classifyText: allRequests });
  });

  it("matches an independent computation from the CSV, per brand and overall", async () => {
    const report = await responseTimeReport({ actor: operator, db });
    const brands = Object.fromEntries(Object.entries(expected).map(([slug, e]) => [slug, summary(e)]));
    expect(report.brands).toEqual(brands);
    const all = Object.values(expected);
    expect(report.overall).toEqual(summary({ frts: all.flatMap((e) => e.frts), unanswered: all.reduce((n, e) => n + e.unanswered, 0) }));
    expect(report.overall.answered).toBeGreaterThan(15);
    expect(report.overall.unanswered).toBeGreaterThan(0);
  });

  it("filters by brand and start range; wall equals business under the default 24/7 calendar", async () => {
    const apple = await responseTimeReport({ actor: operator, db, brandSlug: "applesupport" });
    expect(Object.keys(apple.brands)).toEqual(["applesupport"]);
    expect(apple.overall).toEqual(summary(expected.applesupport));
    expect(await responseTimeReport({ actor: operator, db, wall: true })).toEqual(await responseTimeReport({ actor: operator, db }));
    const empty = await responseTimeReport({ actor: operator, db, from: new Date("2030-01-01"), to: new Date("2031-01-01") });
    expect(empty.overall).toEqual({ answered: 0, unanswered: 0, medianSeconds: null, p90Seconds: null, withinTargetShare: null });
    const [early, late] = [
      (await responseTimeReport({ actor: operator, db, to: new Date("2017-10-20T00:00:00Z") })).overall,
      (await responseTimeReport({ actor: operator, db, from: new Date("2017-10-20T00:00:00Z") })).overall,
    ];
    expect(early.answered + late.answered).toBe((await responseTimeReport({ actor: operator, db })).overall.answered);
    await expect(responseTimeReport({ actor: operator, db, brandSlug: "nope" })).rejects.toThrow(/Unknown brand/);
  });

  it("counts answered cycles the same with the real classifier", async () => {
    const real = testDb().db;
    await importSample({ db: real });
    const report = await responseTimeReport({ actor: operator, db: real });
    expect(report.overall.answered).toBe((await responseTimeReport({ actor: operator, db })).overall.answered);
    expect(report.overall.medianSeconds).toBe((await responseTimeReport({ actor: operator, db })).overall.medianSeconds);
  });

  it("prints only the JSON on stdout from the CLI, and one error line for a bad brand", async () => {
    const run = (...args: string[]) =>
      runScript("scripts/report.ts", args, { env: { ...process.env, ...databaseEnv(file) } });
    const ok = run("response-time", "--json", "--brand", "applesupport");
    expect(ok.status).toBe(0);
    const parsed = JSON.parse(ok.stdout);
    expect(Object.keys(parsed)).toEqual(["overall", "brands"]);
    expect(Object.keys(parsed.overall)).toEqual(["answered", "unanswered", "medianSeconds", "p90Seconds", "withinTargetShare"]);
    expect(parsed).toEqual(await responseTimeReport({ actor: operator, db, brandSlug: "applesupport" }));
    const table = run("response-time");
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^brand\s+answered\s+unanswered\s+median\s+p90\s+within target/);
    expect(table.stdout).toContain("overall");
    const bad = run("response-time", "--json", "--brand", "nope");
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
