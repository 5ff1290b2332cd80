import type { InboundEventInput } from "@/lib/ingest/event";
import type { TwcsRow } from "./twcs";
import { unescapeTweet } from "./x";

export type TwcsThread = { rootId: string; company?: string; rows: TwcsRow[] };

const byTime = (a: TwcsRow, b: TwcsRow) =>
  a.createdAt.localeCompare(b.createdAt) || a.tweetId.length - b.tweetId.length || a.tweetId.localeCompare(b.tweetId);

/**
 * Threads from in_response_to links, rooted at the topmost tweet present in the file. A thread
 * belongs to the company that replied first in it, or, unanswered, to the first company
 * @mentioned in its first tweet; threads with neither have no company.
 */
export function assignTwcsThreads({ rows }: { rows: TwcsRow[] }): TwcsThread[] {
  const byId = new Map(rows.map((row) => [row.tweetId, row]));
  const companies = new Map<string, string>();
  for (const row of rows) if (!row.inbound) companies.set(row.authorId.toLowerCase(), row.authorId);
  const rootOf = new Map<string, string>();
  const findRoot = (row: TwcsRow): string => {
    const path: string[] = [];
    const seen = new Set<string>();
    let current = row;
    while (!rootOf.has(current.tweetId)) {
      path.push(current.tweetId);
      seen.add(current.tweetId);
      const parent = current.inResponseToTweetId ? byId.get(current.inResponseToTweetId) : undefined;
      if (!parent || seen.has(parent.tweetId)) break;
      current = parent;
    }
    const root = rootOf.get(current.tweetId) ?? current.tweetId;
    for (const tweetId of path) rootOf.set(tweetId, root);
    return root;
  };
  const threads = new Map<string, TwcsThread>();
  for (const row of rows) {
    const rootId = findRoot(row);
    const thread = threads.get(rootId) ?? { rootId, rows: [] };
    thread.rows.push(row);
    threads.set(rootId, thread);
  }
  for (const thread of threads.values()) {
    thread.rows.sort(byTime);
    const firstReply = thread.rows.find((row) => !row.inbound);
    const root = byId.get(thread.rootId)!;
    thread.company = firstReply?.authorId ?? firstMentionedCompany({ text: root.text, companies });
  }
  return [...threads.values()];
}

function firstMentionedCompany({ text, companies }: { text: string; companies: Map<string, string> }) {
  for (const match of text.matchAll(/@(\w{1,50})/g)) {
    const company = companies.get(match[1].toLowerCase());
    if (company) return company;
  }
  return undefined;
}


export function twcsToEvents({ rows }: { rows: TwcsRow[] }): { companySlug: string; company: string; threads: number; events: InboundEventInput[] }[] {
  const groups = new Map<string, { company: string; threads: number; rows: { row: TwcsRow; rootId: string }[] }>();
  for (const thread of assignTwcsThreads({ rows })) {
    if (!thread.company) continue;
    const slug = thread.company.toLowerCase();
    const group = groups.get(slug) ?? { company: thread.company, threads: 0, rows: [] };
    group.threads++;
    for (const row of thread.rows) group.rows.push({ row, rootId: thread.rootId });
    groups.set(slug, group);
  }
  return [...groups.entries()].map(([companySlug, group]) => ({
    companySlug,
    company: group.company,
    threads: group.threads,
    events: group.rows
      .sort((a, b) => byTime(a.row, b.row))
      .map(({ row, rootId }) => {
        const own = row.authorId === group.company;
        const event: InboundEventInput = {
          externalId: row.tweetId,
          kind: "public_comment",
          threadId: rootId,
          author: row.inbound ? { id: row.authorId } : { id: row.authorId, handle: row.authorId },
          text: unescapeTweet(row.text).slice(0, 100_000),
          createdAt: row.createdAt,
          direction: own ? "outbound" : "inbound",
        };
        if (row.inResponseToTweetId) event.inReplyTo = row.inResponseToTweetId;
        if (own) event.automated = false;
        return event;
      }),
  }));
}
