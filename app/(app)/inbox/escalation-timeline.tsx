import { escalationTimeline, type TimelineStep } from "@/lib/escalation/timeline";
import { Badge } from "@/app/_components/ui/badge";
import { cueText } from "@/lib/i18n/cues";
import { requirePageUser } from "@/lib/auth/session";
import { formatter } from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";

function formatTime(ms: number, timezone: string, locale: Locale): string {
  return formatter(locale).dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short", timeZone: timezone });
}

function who(step: TimelineStep, t: Translate): string {
  if (step.actor.startsWith("rule: ")) return t("conversation.timeline.byRule", { name: step.ruleName ?? step.actor.slice(6) });
  if (step.actor.startsWith("system")) return t("conversation.timeline.bySystem");
  return step.actor;
}

function describe(step: TimelineStep, t: Translate): string {
  const by = who(step, t);
  const level = step.level ?? "?";
  switch (step.kind) {
    case "created":
      return t("conversation.timeline.created", { level, who: by });
    case "acknowledged":
      return t("conversation.timeline.acknowledged", { who: by });
    case "rerouted":
      return t("conversation.timeline.rerouted", { who: by, to: step.toName ?? t("conversation.timeline.toLevel", { level }) });
    case "raised":
      return t("conversation.timeline.raised", { level, who: by });
    case "resolved":
      return t("conversation.timeline.resolved", { who: by });
    default:
      return t("conversation.timeline.changed", { who: by });
  }
}

// Every escalation step of the conversation; renders nothing when it was never escalated.
export async function EscalationTimeline({ brandId, conversationId, timezone }: { brandId: number; conversationId: number; timezone: string }) {
  const { locale } = await requirePageUser();
  const t = translator(locale);
  const steps = await escalationTimeline({ brandId, conversationId });
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby={`escalation-timeline-${conversationId}`} className="rounded-lg border border-amber-300 p-3 text-sm dark:border-amber-800">
      <h2 id={`escalation-timeline-${conversationId}`} className="mb-2 text-xs font-semibold tracking-wide text-amber-800 uppercase dark:text-amber-300">
        {t("conversation.timeline.title")}
      </h2>
      <ol className="space-y-1.5" data-testid="escalation-timeline">
        {steps.map((s, i) => (
          <li key={i} className="flex flex-wrap items-baseline gap-x-2">
            <time dateTime={new Date(s.at).toISOString()} className="text-xs text-zinc-500 tabular-nums">
              {formatTime(s.at, timezone, locale)}
            </time>
            <span className="font-medium">{describe(s, t)}</span>
            {s.reason && <span className="text-zinc-600 dark:text-zinc-400">— {s.reason}</span>}
            {s.cues.map((cue) => (
              <Badge key={cue}>{cueText(cue, t)}</Badge>
            ))}
            {s.note && <p className="w-full whitespace-pre-wrap break-words text-zinc-600 dark:text-zinc-400">{t("conversation.timeline.note", { note: s.note })}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
