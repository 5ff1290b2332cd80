import { operator } from "@/lib/auth/authorize";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { importTwcs } from "@/lib/ingest/import/twcs";
import { importJsonl } from "@/lib/ingest/import/jsonl";
import { makeBrand, tempDir, testDb, row, count } from "../helpers/db";

const FIXTURE = path.resolve("tests/fixtures/twcs-sample.csv");

function brandStats(db: Db, slug: string) {
  return row<Record<string, number>>(
    db,
    `SELECT (SELECT count(*) FROM conversations c WHERE c.brand_id = b.id) AS conversations,
              (SELECT count(*) FROM messages m WHERE m.brand_id = b.id) AS messages,
              (SELECT count(*) FROM messages m WHERE m.brand_id = b.id AND m.direction = 'outbound' AND m.automated = false) AS replies,
              (SELECT count(*) FROM channels ch WHERE ch.brand_id = b.id AND ch.kind = 'twitter') AS twitter,
              (SELECT count(*) FROM channels ch WHERE ch.brand_id = b.id AND ch.kind = 'api') AS api
       FROM brands b WHERE b.slug = ?`,
    slug,
  );
}

describe("TWCS import", () => {
  it("makes one brand per responding company with its threads, and a re-import adds nothing", async () => {
    const { db } = testDb();
    const summary = await importTwcs({ db, file: FIXTURE });
    expect(Object.keys(summary.brands)).toHaveLength(13);
    expect(summary.brands.applesupport).toMatchObject({ events: 30, accepted: 30, duplicates: 0, threads: 12 });
    expect(summary.brands.british_airways).toMatchObject({ events: 5, accepted: 5, threads: 1 });
    expect(summary.brands.tesco).toMatchObject({ events: 16, threads: 3 });
    expect(Object.values(summary.brands).reduce((n, b) => n + b.events, 0)).toBe(93);
    expect(await brandStats(db, "applesupport")).toMatchObject({ conversations: 12, messages: 30, twitter: 1, api: 1 });
    expect(await brandStats(db, "tesco")).toMatchObject({ conversations: 3, messages: 16 });
    // Company tweets are a person's replies, so first-response times come out of the history.
    expect((await brandStats(db, "applesupport"))!.replies).toBeGreaterThan(0);
    expect(await count(db, "SELECT count(*) FROM response_cycles WHERE first_response_seconds IS NOT NULL")).toBeGreaterThan(10);

    const before = await row(db, "SELECT (SELECT count(*) FROM messages) AS m, (SELECT count(*) FROM conversations) AS c, (SELECT count(*) FROM brands) AS b, (SELECT count(*) FROM channels) AS ch");
    const again = await importTwcs({ db, file: FIXTURE });
    expect(Object.values(again.brands).every((b) => b.accepted === 0 && b.duplicates === b.events)).toBe(true);
    expect(await row(db, "SELECT (SELECT count(*) FROM messages) AS m, (SELECT count(*) FROM conversations) AS c, (SELECT count(*) FROM brands) AS b, (SELECT count(*) FROM channels) AS ch")).toEqual(before);
  });
});

describe("JSONL import", () => {
  it("imports the valid lines, reports each invalid line by number, and dedupes on a re-run", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const file = path.join(tempDir(), "events.jsonl");
    const event = (n: number) => JSON.stringify({ externalId: `e${n}`, text: `Where is order ${n}?`, createdAt: "2026-01-05T10:00:00Z", author: { id: `u${n}` } });
    const lines = [event(1), "{not json", event(2), "", JSON.stringify({ externalId: "e3", text: "no author", createdAt: "2026-01-05T10:00:00Z" }), event(4), JSON.stringify({ ...JSON.parse(event(5)), channel: "99999" })];
    fs.writeFileSync(file, lines.join("\n") + "\n");
    const reported: number[] = [];
    const summary = await importJsonl({ db, actor: operator, file, brandSlug: brand.slug, onInvalid: ({ line }) => reported.push(line) });
    expect(summary.brands[brand.slug]).toEqual({ events: 3, accepted: 3, duplicates: 0 });
    expect(summary.invalid.map((i) => i.line)).toEqual([2, 5, 7]);
    expect(reported).toEqual([2, 5, 7]);
    expect(summary.invalid[1].message).toMatch(/author/);
    const again = await importJsonl({ db, actor: operator, file, brandSlug: brand.slug });
    expect(again.brands[brand.slug]).toEqual({ events: 3, accepted: 0, duplicates: 3 });
    expect(await count(db, "SELECT count(*) FROM messages WHERE brand_id = ?", brand.id)).toBe(3);
  });

  it("refuses an unknown brand", async () => {
    const { db } = testDb();
    const file = path.join(tempDir(), "e.jsonl");
    fs.writeFileSync(file, "");
    await expect(importJsonl({ db, actor: operator, file, brandSlug: "nope" })).rejects.toThrow(/nope/);
  });
});
