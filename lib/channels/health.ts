import { and, desc, eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { messages } from "@/db/schema";
import type { ChannelView } from "./channels";

export const MIN_SILENCE_MS = 6 * 3600_000;
const GAP_SAMPLE = 200;

export type ChannelHealth = {
  state: "ok" | "failing" | "silent" | "paused" | "waiting";
  flagged: boolean;
  reason: string;
  /** Silence longer than this is flagged: the p95 gap of recent inbound messages, at least 6 h. */
  silenceThresholdMs: number;
  /** How long a silent channel has been quiet, for a reader's own wording of `reason`. */
  silentForMs?: number;
};

/** Nearest-rank 95th percentile of the gaps between consecutive timestamps (ascending or not). */
export function silenceThreshold(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const gaps = sorted.slice(1).map((t, i) => t - sorted[i]).sort((a, b) => a - b);
  if (!gaps.length) return MIN_SILENCE_MS;
  const p95 = gaps[Math.max(0, Math.ceil(0.95 * gaps.length) - 1)];
  return Math.max(MIN_SILENCE_MS, p95);
}

export function assessHealth({ channel, inboundTimes, now }: {
  channel: Pick<ChannelView, "status" | "lastEventAt" | "lastError" | "lastErrorAt">;
  inboundTimes: number[];
  now: number;
}): ChannelHealth {
  const silenceThresholdMs = silenceThreshold(inboundTimes);
  const lastEvent = channel.lastEventAt?.getTime() ?? null;
  const lastError = channel.lastErrorAt?.getTime() ?? null;
  if (channel.status === "paused") return { state: "paused", flagged: false, reason: "Paused: nothing is received.", silenceThresholdMs };
  if (channel.status === "error" || (lastError != null && (lastEvent == null || lastError > lastEvent)))
    return { state: "failing", flagged: true, reason: channel.lastError ?? "The last delivery or poll failed.", silenceThresholdMs };
  if (lastEvent == null) return { state: "waiting", flagged: false, reason: "No event received yet.", silenceThresholdMs };
  const silentFor = now - lastEvent;
  if (silentFor > silenceThresholdMs)
    return { state: "silent", flagged: true, reason: `Silent for ${hours(silentFor)}, longer than its usual gap (${hours(silenceThresholdMs)}).`, silenceThresholdMs, silentForMs: silentFor };
  return { state: "ok", flagged: false, reason: "Receiving events.", silenceThresholdMs };
}

function hours(ms: number): string {
  const h = ms / 3600_000;
  return h >= 48 ? `${Math.round(h / 24)} days` : `${Math.round(h * 10) / 10} h`;
}

export async function channelHealth({ db = database(), channel, now = Date.now() }: { db?: Db; channel: ChannelView; now?: number }): Promise<ChannelHealth> {
  const rows = await db
    .select({ at: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.channelId, channel.id), eq(messages.brandId, channel.brandId), eq(messages.direction, "inbound")))
    .orderBy(desc(messages.createdAt))
    .limit(GAP_SAMPLE);
  return assessHealth({ channel, inboundTimes: rows.map((r) => r.at.getTime()), now });
}
