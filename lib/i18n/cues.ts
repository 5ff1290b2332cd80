import type { Translate } from "./messages";

// Rules store their cues in English (the audit log and the escalation keep them as they fired);
// this words a cue in the reader's language. A cue of an unknown shape is shown as stored.
const SHAPES: [RegExp, (t: Translate, m: RegExpMatchArray) => string][] = [
  [/^keyword: (.+)$/s, (t, m) => t("cue.keyword", { terms: m[1] })],
  [/^negative sentiment \(([\d.]+)\)$/, (t, m) => t("cue.negative", { strength: m[1] })],
  [/^complaint$/, (t) => t("cue.complaint")],
  [/^([\d,]+) followers$/, (t, m) => t("cue.followers", { count: m[1] })],
  [/^repeat contact: (\d+) conversations in (\d+) d$/, (t, m) => t("cue.repeat", { count: Number(m[1]), days: m[2] })],
  [/^SLA at risk$/, (t) => t("cue.sla.at_risk")],
  [/^SLA breached$/, (t) => t("cue.sla.breached")],
  [/^channel: (.+)$/, (t, m) => t("cue.channel", { kind: m[1] })],
  [/^public$/, (t) => t("cue.visibility.public")],
  [/^private$/, (t) => t("cue.visibility.private")],
  [/^language: (.+)$/, (t, m) => t("cue.language", { language: m[1] })],
  [/^(\d+) requests waiting \(alert above (\d+)\)$/, (t, m) => t("cue.waiting", { count: Number(m[1]), limit: m[2] })],
  [/^live response time (\d+) min \(alert above (\d+) min\)$/, (t, m) => t("cue.live", { minutes: m[1], limit: m[2] })],
];

export function cueText(cue: string, t: Translate): string {
  for (const [shape, word] of SHAPES) {
    const match = cue.match(shape);
    if (match) return word(t, match);
  }
  return cue;
}
