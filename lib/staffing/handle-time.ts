import { and, asc, eq, gte, isNotNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messages, responseCycles } from "@/db/schema";

/** Used when the team's own replies are too few to measure: five minutes per social request. */
export const DEFAULT_AHT_SECONDS = 300;
// Two replies of one agent further apart than this belong to different stretches of work.
export const SESSION_GAP_SECONDS = 15 * 60;
const MIN_GAPS = 30;

export type HandleTime =
  | { method: "override"; ahtSeconds: number }
  | { method: "default"; ahtSeconds: number; replies: number }
  | { method: "replies"; ahtSeconds: number; replies: number; busyHours: number; secondsPerReply: number; repliesPerRequest: number };

/**
 * Pure part: each agent's reply times (ms, any order). While an agent replies again within the
 * session gap they are taken to be working, so the gap is time spent on the next reply; the
 * first reply of a stretch has no measurable start and is left out.
 */
export function measureFromReplies({ repliesByAgent, answeredRequests }: { repliesByAgent: Map<number, number[]>; answeredRequests: number }): HandleTime {
  let busyMs = 0;
  let gaps = 0;
  let replies = 0;
  for (const times of repliesByAgent.values()) {
    const sorted = [...times].sort((a, b) => a - b);
    replies += sorted.length;
    for (let i = 1; i < sorted.length; i++) {
      const gap = sorted[i] - sorted[i - 1];
      if (gap > 0 && gap <= SESSION_GAP_SECONDS * 1000) {
        busyMs += gap;
        gaps++;
      }
    }
  }
  if (gaps < MIN_GAPS || answeredRequests === 0) return { method: "default", ahtSeconds: DEFAULT_AHT_SECONDS, replies };
  const secondsPerReply = busyMs / gaps / 1000;
  // A request takes as many replies as the team sends per request it answers (at least one).
  const repliesPerRequest = Math.max(1, replies / answeredRequests);
  return {
    method: "replies",
    ahtSeconds: Math.round(secondsPerReply * repliesPerRequest),
    replies,
    busyHours: Math.round((busyMs / 3_600_000) * 10) / 10,
    secondsPerReply: Math.round(secondsPerReply),
    repliesPerRequest: Math.round(repliesPerRequest * 100) / 100,
  };
}

/** The team's replies (person-written, sent by a member) and the requests they first answered, in [from, to). */
export async function measureHandleTime({ db, brandId, from, to }: { db: Db; brandId: number; from: number; to: number }): Promise<HandleTime> {
  const rows = await db
    .select({ userId: messages.userId, at: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.brandId, brandId), eq(messages.direction, "outbound"), gte(messages.createdAt, new Date(from)), lt(messages.createdAt, new Date(to)), eq(messages.automated, false), isNotNull(messages.userId)))
    .orderBy(asc(messages.createdAt));
  const repliesByAgent = new Map<number, number[]>();
  for (const row of rows) {
    const list = repliesByAgent.get(row.userId!) ?? [];
    list.push(row.at.getTime());
    repliesByAgent.set(row.userId!, list);
  }
  const answered = await db.$count(
    responseCycles,
    and(eq(responseCycles.brandId, brandId), eq(responseCycles.category, "request"), gte(responseCycles.firstResponseAt, new Date(from)), lt(responseCycles.firstResponseAt, new Date(to)), isNotNull(responseCycles.firstResponderId)),
  );
  return measureFromReplies({ repliesByAgent, answeredRequests: answered });
}
