import { parseCsv } from "./csv";

export { csvRecords, parseCsv } from "./csv";

/** One row of Kaggle's "Customer Support on Twitter" (twcs.csv). */
export type TwcsRow = {
  tweetId: string;
  /** A company's screen name, or an anonymised numeric id for a customer. */
  authorId: string;
  inbound: boolean;
  createdAt: string;
  text: string;
  responseTweetIds: string[];
  inResponseToTweetId?: string;
};

const columns = ["tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id", "in_response_to_tweet_id"] as const;
const months: Record<string, string> = {
  Jan: "01", Feb: "02", Mar: "03", Apr: "04", May: "05", Jun: "06",
  Jul: "07", Aug: "08", Sep: "09", Oct: "10", Nov: "11", Dec: "12",
};

/** `Tue Oct 31 22:10:47 +0000 2017` (Twitter v1.1 time) to ISO 8601 UTC. */
export function twitterTimeToIso(value: string): string | undefined {
  const m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(value.trim());
  const month = m ? months[m[1]] : undefined;
  if (!m || !month) return undefined;
  const local = `${m[9]}-${month}-${m[2].padStart(2, "0")}T${m[3]}:${m[4]}:${m[5]}${m[6]}${m[7]}:${m[8]}`;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export type TwcsHeader = Partial<Record<(typeof columns)[number], number>>;

export function twcsHeader(record: string[]): TwcsHeader {
  const header: TwcsHeader = {};
  for (const name of columns) {
    const index = record.findIndex((cell) => cell.trim().toLowerCase() === name);
    if (index >= 0) header[name] = index;
  }
  return header;
}

/** One CSV record to a row, or undefined when the record is malformed (counted by callers). */
export function twcsRowFromRecord({ record, header }: { record: string[]; header: TwcsHeader }): TwcsRow | undefined {
  const cell = (name: (typeof columns)[number]) => {
    const index = header[name];
    return index === undefined ? "" : (record[index] ?? "").trim();
  };
  const tweetId = cell("tweet_id");
  const authorId = cell("author_id");
  const createdAt = twitterTimeToIso(cell("created_at"));
  const inbound = cell("inbound").toLowerCase();
  if (!/^\d{1,30}$/.test(tweetId) || !authorId || authorId.length > 512 || !createdAt || (inbound !== "true" && inbound !== "false")) {
    return undefined;
  }
  const parent = cell("in_response_to_tweet_id").replace(/\.0$/, "");
  return {
    tweetId,
    authorId,
    inbound: inbound === "true",
    createdAt,
    text: record[header.text ?? -1] ?? "",
    responseTweetIds: cell("response_tweet_id").split(",").map((s) => s.trim()).filter((s) => /^\d+$/.test(s)),
    inResponseToTweetId: /^\d+$/.test(parent) ? parent : undefined,
  };
}

export function parseTwcs(text: string): { rows: TwcsRow[]; skipped: number } {
  const [head, ...records] = parseCsv(text);
  if (!head) return { rows: [], skipped: 0 };
  const header = twcsHeader(head);
  const rows: TwcsRow[] = [];
  let skipped = 0;
  for (const record of records) {
    const row = twcsRowFromRecord({ record, header });
    if (row) rows.push(row);
    else skipped++;
  }
  return { rows, skipped };
}

export { assignTwcsThreads, twcsToEvents } from "./twcs-threads";
