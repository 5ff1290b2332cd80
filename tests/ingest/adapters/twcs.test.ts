import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inboundEventSchema } from "@/lib/ingest/event";
import { assignTwcsThreads, csvRecords, parseCsv, parseTwcs, twcsToEvents, twitterTimeToIso } from "@/lib/ingest/adapters/twcs";

const fixture = readFileSync(path.join(import.meta.dirname, "../../fixtures/twcs-sample.csv"), "utf8");

describe("parseCsv", () => {
  it("handles quoted commas, newlines, doubled quotes and CRLF", () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line1\nline2",\n\n3,,"tail"';
    expect(parseCsv(text)).toEqual([["a", "b", "c"], ["1", "x, y", 'say "hi"'], ["2", "line1\nline2", ""], ["3", "", "tail"]]);
  });

  it("gives the same records whatever the chunk boundaries", async () => {
    const text = 'id,text\n1,"a ""quoted"", field\r\nwith newline"\r\n2,plain\n';
    const whole = parseCsv(text);
    expect(whole).toEqual([["id", "text"], ["1", 'a "quoted", field\r\nwith newline'], ["2", "plain"]]);
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      const records: string[][] = [];
      for await (const record of csvRecords(chunks)) records.push(record);
      expect(records).toEqual(whole);
    }
  });

  it("skips a record with an unterminated quote instead of throwing", () => {
    expect(parseCsv('a,b\nc,"open\nno end')).toEqual([["a", "b"]]);
  });
});

describe("parseTwcs", () => {
  it("reads every row of the sample and converts Twitter times to ISO", () => {
    const { rows, skipped } = parseTwcs(fixture);
    expect(rows).toHaveLength(93);
    expect(skipped).toBe(0);
    expect(twitterTimeToIso("Tue Oct 31 22:10:47 +0000 2017")).toBe("2017-10-31T22:10:47.000Z");
    expect(twitterTimeToIso("Tue Oct 31 22:10:47 +0200 2017")).toBe("2017-10-31T20:10:47.000Z");
    expect(twitterTimeToIso("yesterday")).toBeUndefined();
    const multi = rows.find((r) => r.tweetId === "119294")!;
    expect(multi.text).toContain("\n\n8:03am");
    expect(rows.find((r) => r.tweetId === "119250")!.responseTweetIds).toEqual(["119249", "119251"]);
  });

  it("skips malformed rows without throwing", () => {
    const text = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\nx,1,True,Tue Oct 31 22:10:47 +0000 2017,t,,\n2,1,maybe,Tue Oct 31 22:10:47 +0000 2017,t,,\n3,1,True,bad date,t,,\n4,1,True,Tue Oct 31 22:10:47 +0000 2017,ok,,';
    const { rows, skipped } = parseTwcs(text);
    expect(rows.map((r) => r.tweetId)).toEqual(["4"]);
    expect(skipped).toBe(3);
    expect(parseTwcs("")).toEqual({ rows: [], skipped: 0 });
  });
});

describe("twcsToEvents", () => {
  const { rows } = parseTwcs(fixture);

  it("finds the sample's threads and gives each to the company that answered first, or was mentioned", () => {
    const threads = assignTwcsThreads({ rows });
    expect(threads).toHaveLength(27);
    expect(threads.every((t) => t.company)).toBe(true);
    // 119237 was never answered in the file: it goes to the company it @mentions.
    expect(threads.find((t) => t.rootId === "119237")!.company).toBe("AppleSupport");
    // 119250 and its two branches form one thread rooted at the customer's first tweet.
    expect(threads.find((t) => t.rootId === "119250")!.rows.map((r) => r.tweetId).sort()).toEqual(["119248", "119249", "119250"]);
  });

  it("makes one brand per company with slug = screen name lowercased", () => {
    const groups = twcsToEvents({ rows });
    const counts = Object.fromEntries(groups.map((g) => [g.companySlug, g.threads]));
    expect(counts).toEqual({
      applesupport: 12, tesco: 3, spotifycares: 2, chasesupport: 1, virgintrains: 1, british_airways: 1, o2: 1,
      comcastcares: 1, sprintcare: 1, southwestair: 1, ask_spectrum: 1, hpsupport: 1, upshelp: 1,
    });
    expect(groups.reduce((n, g) => n + g.events.length, 0)).toBe(93);
  });

  it("emits events in platform-time order, company tweets as outbound replies by a person", () => {
    for (const group of twcsToEvents({ rows })) {
      const times = group.events.map((e) => e.createdAt);
      expect(times).toEqual([...times].sort());
      for (const event of group.events) expect(() => inboundEventSchema.parse(event)).not.toThrow();
    }
    const ba = twcsToEvents({ rows }).find((g) => g.companySlug === "british_airways")!;
    expect(ba.events.map((e) => [e.externalId, e.direction, e.threadId, e.inReplyTo ?? null])).toEqual([
      ["119265", "inbound", "119265", null],
      ["119264", "outbound", "119265", "119265"],
      ["119266", "outbound", "119265", "119265"],
      ["119302", "inbound", "119265", "119266"],
      ["119303", "outbound", "119265", "119302"],
    ]);
    const reply = ba.events.find((e) => e.externalId === "119264")!;
    expect(reply).toMatchObject({ author: { id: "British_Airways", handle: "British_Airways" }, automated: false });
  });

  it("unescapes Twitter's HTML entities so the text is what the author typed", () => {
    const virgin = twcsToEvents({ rows }).find((g) => g.companySlug === "virgintrains")!;
    expect(virgin.events.find((e) => e.externalId === "119242")!.text).toContain("I still haven't heard & the");
  });
});
