"use client";

import { Age, SlaTimer } from "./inbox-clock.client";
import { useT } from "@/app/_components/i18n.client";
import { isMessageKey } from "@/lib/i18n/messages";

// The list row as the page passes it (a plain copy of lib/inbox's ConversationListItem).
export type InboxRow = {
  id: number;
  status: string;
  category: string;
  complaint: boolean;
  sentiment: string;
  language: string | null;
  priority: string;
  labels: string[];
  slaState: string | null;
  firstResponseDueAt: number | null;
  atRiskAt: number | null;
  firstInboundAt: number | null;
  lastMessageAt: number;
  snoozedUntil: number | null;
  preview: string;
  escalationLevel: number;
  channel: { kind: string; name: string };
  contact: { handle: string | null; name: string | null };
  assignee: { id: number; name: string } | null;
};

const CHANNELS: Record<string, { short: string; name: string; className: string }> = {
  facebook: { short: "f", name: "Facebook", className: "bg-blue-600 text-white" },
  instagram: { short: "IG", name: "Instagram", className: "bg-pink-600 text-white" },
  twitter: { short: "X", name: "X", className: "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" },
  vk: { short: "VK", name: "VK", className: "bg-sky-800 text-white" },
  telegram: { short: "TG", name: "Telegram", className: "bg-sky-700 text-white" },
  youtube: { short: "YT", name: "YouTube", className: "bg-red-600 text-white" },
  email: { short: "@", name: "E-mail", className: "bg-zinc-600 text-white" },
  web: { short: "W", name: "Website", className: "bg-emerald-700 text-white" },
  api: { short: "A", name: "API", className: "bg-violet-600 text-white" },
};

export function ChannelIcon({ kind, name }: { kind: string; name: string }) {
  const t = useT();
  const known = CHANNELS[kind];
  // Only the generic kinds have a word to translate; the rest are brand names.
  const key = `inbox.channel.${kind}`;
  const info = known ? { ...known, name: isMessageKey(key) ? t(key) : known.name } : { short: kind.slice(0, 2), name: kind, className: "bg-zinc-600 text-white" };
  return (
    <span
      role="img"
      aria-label={`${info.name}: ${name}`}
      title={`${info.name}: ${name}`}
      className={`inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded px-1 text-[10px] font-bold leading-none ${info.className}`}
    >
      {info.short}
    </span>
  );
}

const PRIORITY: Record<string, string> = {
  urgent: "bg-red-600 text-white",
  high: "bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300",
  low: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300",
};

const chip = "inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium";

export function RowContent({ row, serverNow }: { row: InboxRow; serverNow: number }) {
  const t = useT();
  const word = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
  return (
    <>
      <div className="flex items-center gap-2">
        <ChannelIcon kind={row.channel.kind} name={row.channel.name} />
        <span className="truncate font-medium">{row.contact.name ?? row.contact.handle ?? t("inbox.row.unknown")}</span>
        {row.language && <span className="text-xs uppercase text-zinc-600 dark:text-zinc-400" title={t("inbox.row.language")}>{row.language}</span>}
        <span className="ml-auto flex items-center gap-1.5">
          <SlaTimer state={row.slaState} dueAt={row.firstResponseDueAt} atRiskAt={row.atRiskAt} serverNow={serverNow} />
        </span>
      </div>
      <p className="truncate text-zinc-600 dark:text-zinc-400">{row.preview || t("inbox.row.noText")}</p>
      <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
        {row.complaint && <span className={`${chip} bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300`}>{t("inbox.row.complaint")}</span>}
        {row.sentiment !== "neutral" && (
          <span className={`${chip} ${row.sentiment === "negative" ? "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300" : "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300"}`}>
            {word("sentiment", row.sentiment)}
          </span>
        )}
        {row.priority !== "normal" && <span className={`${chip} ${PRIORITY[row.priority] ?? ""}`}>{t("inbox.row.priority", { priority: word("conversation.priority", row.priority) })}</span>}
        {row.escalationLevel > 0 && <span className={`${chip} bg-purple-100 text-purple-800 dark:bg-purple-950 dark:text-purple-300`}>{t("inbox.row.escalated")}</span>}
        {row.labels.map((label) => (
          <span key={label} className={`${chip} border border-zinc-300 dark:border-zinc-700`}>
            #{label}
          </span>
        ))}
        {row.status !== "open" && <span>{word("conversation.status", row.status)}</span>}
        <span className="ml-auto flex items-center gap-2">
          <span>{row.assignee ? `→ ${row.assignee.name}` : t("inbox.row.unassigned")}</span>
          <Age since={row.firstInboundAt ?? row.lastMessageAt} serverNow={serverNow} />
        </span>
      </div>
    </>
  );
}
