import { Badge, type Tone } from "./ui/badge";

const SLA: Record<string, { label: string; tone: Tone }> = {
  on_track: { label: "On track", tone: "good" },
  at_risk: { label: "At risk", tone: "warn" },
  breached: { label: "Breached", tone: "bad" },
  met: { label: "Met", tone: "good" },
  missed: { label: "Missed", tone: "bad" },
};

export function SlaBadge({ state }: { state: string | null }) {
  if (!state) return null;
  const info = SLA[state] ?? { label: state, tone: "neutral" as Tone };
  return <Badge tone={info.tone}>{info.label}</Badge>;
}

const SENTIMENT: Record<string, Tone> = { negative: "bad", neutral: "neutral", positive: "good" };

export function SentimentBadge({ sentiment }: { sentiment: string | null }) {
  if (!sentiment) return null;
  return <Badge tone={SENTIMENT[sentiment] ?? "neutral"}>{sentiment}</Badge>;
}
