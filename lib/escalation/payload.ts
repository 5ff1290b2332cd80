// What an escalation or alert says, as a Slack-compatible webhook body and as an e-mail.

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

const HEADLINE: Record<NoticeEvent, string> = {
  "escalation.created": "Escalation",
  "escalation.raised": "Escalation raised",
  "rule.matched": "Rule matched",
  "brand_alert.fired": "Alert",
  test: "Test message",
};

export function appUrl(): string | null {
  const base = process.env.REPLYHOUR_URL?.trim();
  return base ? base.replace(/\/+$/, "") : null;
}

export function conversationLink(n: Notice): string | null {
  const base = appUrl();
  if (!base || !n.conversation) return null;
  return `${base}/inbox?brand=${encodeURIComponent(n.brand.slug)}&c=${n.conversation.id}`;
}

/** One line a person can act on: what happened, where, why. */
export function noticeText(n: Notice): string {
  const level = n.escalation ? ` (level ${n.escalation.level})` : "";
  const what = n.conversation ? `: “${clip(n.conversation.preview, 140)}”` : "";
  const why = [n.rule?.name, n.cues.join(", ")].filter(Boolean).join(" — ");
  return `${HEADLINE[n.event]}${level} in ${n.brand.name}${what}${why ? ` — ${why}` : ""}`;
}

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

export function emailMessage(n: Notice): { subject: string; text: string } {
  const link = conversationLink(n);
  const lines = [
    noticeText(n),
    "",
    n.conversation ? `Message: ${n.conversation.preview}` : null,
    n.rule ? `Rule: ${n.rule.name}` : null,
    n.cues.length ? `Why: ${n.cues.join(", ")}` : null,
    link ? `Open: ${link}` : null,
  ].filter((l): l is string => l !== null);
  const level = n.escalation ? ` level ${n.escalation.level}` : "";
  return { subject: `[Replyhour] ${HEADLINE[n.event]}${level}: ${n.brand.name}`, text: lines.join("\n") };
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
