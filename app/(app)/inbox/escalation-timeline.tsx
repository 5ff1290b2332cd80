import { getDb } from "@/db/client";
import { escalationTimeline, type TimelineStep } from "@/lib/escalation/timeline";
import { Badge } from "@/app/_components/ui/badge";

function formatTime(ms: number, timezone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: timezone }).format(new Date(ms));
}

function who(step: TimelineStep): string {
  if (step.actor.startsWith("rule: ")) return `rule “${step.ruleName ?? step.actor.slice(6)}”`;
  if (step.actor.startsWith("system")) return "the system";
  return step.actor;
}

function describe(step: TimelineStep): string {
  switch (step.kind) {
    case "created":
      return `Escalated to level ${step.level ?? "?"} by ${who(step)}`;
    case "acknowledged":
      return `Acknowledged by ${who(step)}`;
    case "rerouted":
      return `Re-routed by ${who(step)} to ${step.toName ?? `level ${step.level ?? "?"}`}`;
    case "raised":
      return `Raised to level ${step.level ?? "?"} by ${who(step)}`;
    case "resolved":
      return `Resolved by ${who(step)}`;
    default:
      return `Changed by ${who(step)}`;
  }
}

// Every escalation step of the conversation; renders nothing when it was never escalated.
export function EscalationTimeline({ brandId, conversationId, timezone }: { brandId: number; conversationId: number; timezone: string }) {
  const steps = escalationTimeline({ db: getDb(), brandId, conversationId });
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby={`escalation-timeline-${conversationId}`} className="rounded-lg border border-amber-300 p-3 text-sm dark:border-amber-800">
      <h2 id={`escalation-timeline-${conversationId}`} className="mb-2 text-xs font-semibold tracking-wide text-amber-800 uppercase dark:text-amber-300">
        Escalation
      </h2>
      <ol className="space-y-1.5" data-testid="escalation-timeline">
        {steps.map((s, i) => (
          <li key={i} className="flex flex-wrap items-baseline gap-x-2">
            <time dateTime={new Date(s.at).toISOString()} className="text-xs text-zinc-500 tabular-nums">
              {formatTime(s.at, timezone)}
            </time>
            <span className="font-medium">{describe(s)}</span>
            {s.reason && <span className="text-zinc-600 dark:text-zinc-400">— {s.reason}</span>}
            {s.cues.map((cue) => (
              <Badge key={cue}>{cue}</Badge>
            ))}
            {s.note && <p className="w-full whitespace-pre-wrap break-words text-zinc-600 dark:text-zinc-400">Note: {s.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
