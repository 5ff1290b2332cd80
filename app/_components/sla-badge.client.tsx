"use client";

import { Badge, type Tone } from "./ui/badge";
import { useT } from "./i18n.client";
import { isMessageKey } from "@/lib/i18n/messages";

const SLA_TONE: Record<string, Tone> = { on_track: "good", at_risk: "warn", breached: "bad", met: "good", missed: "bad" };

export function SlaBadge({ state }: { state: string | null }) {
  const t = useT();
  if (!state) return null;
  const key = `sla.${state}`;
  // The dictionary holds the in-sentence form ("on track"); a badge starts with a capital.
  const text = isMessageKey(key) ? t(key) : state;
  return <Badge tone={SLA_TONE[state] ?? "neutral"}>{text.charAt(0).toUpperCase() + text.slice(1)}</Badge>;
}

const SENTIMENT: Record<string, Tone> = { negative: "bad", neutral: "neutral", positive: "good" };

export function SentimentBadge({ sentiment }: { sentiment: string | null }) {
  const t = useT();
  if (!sentiment) return null;
  const key = `sentiment.${sentiment}`;
  return <Badge tone={SENTIMENT[sentiment] ?? "neutral"}>{isMessageKey(key) ? t(key) : sentiment}</Badge>;
}
