// What an escalation or alert says, as a Slack-compatible webhook body and as an e-mail.
import { cueText } from "@/lib/i18n/cues";
import { translator, type Translate } from "@/lib/i18n/messages";

export type NoticeEvent = "escalation.created" | "escalation.raised" | "rule.matched" | "brand_alert.fired" | "test";

export type Notice = {
  event: NoticeEvent;
  brand: { id: number; slug: string; name: string };
  rule: { id: number; name: string } | null;
  escalation: { id: number; level: number } | null;
  conversation: { id: number; preview: string; channelKind: string; kind: string } | null;
  cues: string[];
  at: number;
};

// Webhooks go to a team's channel, not to one person: they stay in English.
const english = translator("en");
const headline = (n: Notice, t: Translate) => t(`notice.headline.${n.event}`);

export function appUrl(): string | null {
  const base = process.env.REPLYHOUR_URL?.trim();
  return base ? base.replace(/\/+$/, "") : null;
}

export function conversationLink(n: Notice): string | null {
  const base = appUrl();
  if (!base || !n.conversation) return null;
  return `${base}/inbox?brand=${encodeURIComponent(n.brand.slug)}&c=${n.conversation.id}`;
}

/** One line a person can act on, in their language: what happened, where, why. */
export function noticeText(n: Notice, t: Translate = english): string {
  const vars = { headline: headline(n, t), brand: n.brand.name };
  const where = n.escalation ? t("notice.whereLevel", { ...vars, level: n.escalation.level }) : t("notice.where", vars);
  const what = n.conversation ? t("notice.preview", { where, preview: clip(n.conversation.preview, 140) }) : where;
  const why = [n.rule?.name, cuesText(n, t)].filter(Boolean).join(" — ");
  return `${what}${why ? ` — ${why}` : ""}`;
}

const cuesText = (n: Notice, t: Translate) => n.cues.map((cue) => cueText(cue, t)).join(", ");

// Slack's mrkdwn needs only these three escaped.
const mrkdwn = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function slackPayload(n: Notice): Record<string, unknown> {
  const link = conversationLink(n);
  const context = [n.rule ? `Rule: ${mrkdwn(n.rule.name)}` : null, n.conversation ? `Channel: ${n.conversation.channelKind}` : null, link ? `<${link}|Open in Replyhour>` : null].filter(Boolean);
  // The top-level text is shown in notifications and by receivers without blocks: escaped too.
  return {
    text: mrkdwn(noticeText(n)),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: mrkdwn(noticeText(n)) } },
      ...(context.length ? [{ type: "context", elements: [{ type: "mrkdwn", text: context.join(" · ") }] }] : []),
    ],
    replyhour: {
      event: n.event,
      at: new Date(n.at).toISOString(),
      brand: n.brand,
      rule: n.rule,
      escalation: n.escalation,
      conversation: n.conversation ? { ...n.conversation, url: link } : null,
      cues: n.cues,
    },
  };
}

export function emailMessage(n: Notice, t: Translate = english): { subject: string; text: string } {
  const link = conversationLink(n);
  const lines = [
    noticeText(n, t),
    "",
    n.conversation ? t("notice.mail.message", { text: n.conversation.preview }) : null,
    n.rule ? t("notice.mail.rule", { name: n.rule.name }) : null,
    n.cues.length ? t("notice.mail.why", { cues: cuesText(n, t) }) : null,
    link ? t("notice.mail.open", { link }) : null,
  ].filter((l): l is string => l !== null);
  const vars = { headline: headline(n, t), brand: n.brand.name };
  const subject = n.escalation ? t("notice.mail.subjectLevel", { ...vars, level: n.escalation.level }) : t("notice.mail.subject", vars);
  return { subject, text: lines.join("\n") };
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
