import { conversationCycles, conversationDetail, threadMessages } from "@/lib/inbox/conversation";
import { isAppError } from "@/lib/errors";
import { SentimentBadge, SlaBadge } from "@/app/_components/sla-badge";
import { Badge } from "@/app/_components/ui/badge";
import { ComposerSlot } from "./composer-slot.client";
import { Presence } from "./presence.client";
import { requirePageUser } from "@/lib/auth/session";
import { composerContext } from "@/lib/templates/composer";
import { ConversationToolbar, MessageCorrection, RetryReply } from "./conversation-actions.client";
import { EscalationTimeline } from "./escalation-timeline";
import { BlockAuthor, HideMessage } from "./moderation.client";
import { MailHtml } from "./mail-html.client";
import { hideUnsupported } from "@/lib/moderation/platform";
import { displayHandle, platformLink, PLATFORM_NAMES } from "@/lib/inbox/contact-link";
import { roleAtLeast } from "@/lib/auth/access";
import { EraseContact } from "./privacy.client";
import { brandTeammates, labelSuggestions } from "@/lib/inbox/team";
import { formatter } from "@/lib/i18n/format";
import { isMessageKey, translator, type Locale, type Translate } from "@/lib/i18n/messages";

const PRIVATE_CAPABLE = new Set(["facebook", "instagram", "twitter", "vk", "telegram", "email", "web", "api"]);
const WINDOW_24H = new Set(["facebook", "instagram"]);

// Messenger and Instagram allow a private reply only within 24 h of the person's last message.
function replyOptions(conversation: Detail, t: Translate, now = Date.now()) {
  const kind = conversation.channel.kind;
  const lastInbound = conversation.lastInboundAt?.getTime() ?? 0;
  const inWindow = !WINDOW_24H.has(kind) || now - lastInbound < 24 * 3600_000;
  const allowPrivate = PRIVATE_CAPABLE.has(kind) && inWindow;
  const allowPublic = conversation.kind === "public_comment";
  const privateBlockedReason =
    PRIVATE_CAPABLE.has(kind) && !inWindow ? t("conversation.privateClosed") : null;
  return { allowPrivate, allowPublic: allowPublic || !allowPrivate, privateBlockedReason };
}

function formatTime(ms: number, timezone: string, locale: Locale): string {
  return formatter(locale).dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short", timeZone: timezone });
}

// A stored value (status, category…) in the reader's language, or as stored when it has no text.
function wordOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

type Detail = Awaited<ReturnType<typeof conversationDetail>>;

export async function ConversationPane({ brandId, conversationId, timezone }: { brandId: number; conversationId: number; timezone: string }) {
  const viewer = await requirePageUser();
  const t = translator(viewer.locale);
  const locale = viewer.locale;
  let conversation: Detail;
  try {
    conversation = await conversationDetail({ brandId, id: conversationId });
  } catch (error) {
    if (isAppError(error)) return <p className="p-8 text-zinc-500">{t("conversation.notFound")}</p>;
    throw error;
  }
  const [messages, cycles, composer, teammates, labels] = await Promise.all([
    threadMessages({ conversationId }),
    conversationCycles({ conversationId }),
    composerContext({ brandId, conversationId, userId: viewer.id }),
    brandTeammates({ brandId }),
    labelSuggestions({ brandId }),
  ]);
  const isManager = viewer.memberships.some((m) => m.brandId === brandId && roleAtLeast(m.role, "manager"));
  const isAdmin = viewer.memberships.some((m) => m.brandId === brandId && m.role === "admin");
  const cannotHide = hideUnsupported(conversation.channel.kind) != null;
  const link = platformLink({ kind: conversation.channel.kind, handle: conversation.contact.handle, messageUrls: messages.filter((m) => m.direction === "inbound").map((m) => m.url) });
  return (
    <article className="space-y-4 p-4">
      <header className="space-y-1">
        <h1 className="text-base font-semibold break-words">{conversation.contact.name ?? displayHandle(conversation.contact.handle) ?? t("inbox.row.unknown")}</h1>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400" data-testid="conversation-customer">
          {conversation.contact.name && conversation.contact.handle && <span className="break-all">{displayHandle(conversation.contact.handle)}</span>}
          <span>{t("conversation.onChannel", { channel: conversation.channel.name })}</span>
          <span data-testid="contact-id">{t("privacy.contactId", { id: String(conversation.contact.id) })}</span>
          {link && (
            <a href={link} target="_blank" rel="noopener noreferrer nofollow" className="text-blue-700 underline dark:text-blue-400">
              {t("conversation.platformLink", { channel: PLATFORM_NAMES[conversation.channel.kind] ?? wordOf(t, "inbox.channel", conversation.channel.kind) })}
            </a>
          )}
        </p>
        <div className="flex flex-wrap gap-1.5">
          <Badge>{wordOf(t, "conversation.status", conversation.status)}</Badge>
          <Badge tone={conversation.category === "request" ? "info" : "neutral"}>{wordOf(t, "conversation.category", conversation.category)}</Badge>
          <SlaBadge state={conversation.slaState} />
          <SentimentBadge sentiment={conversation.sentiment} />
          {conversation.complaint && <Badge tone="bad">{t("conversation.complaint")}</Badge>}
          {conversation.contact.followers != null && <Badge>{t("conversation.followers", { count: conversation.contact.followers })}</Badge>}
          {conversation.contact.blocked && <Badge tone="warn">{t("conversation.authorBlocked")}</Badge>}
          <BlockAuthor brandId={brandId} contactId={conversation.contact.id} blocked={conversation.contact.blocked} canUnblock={isManager} />
          {isAdmin && <EraseContact brandId={brandId} contactId={conversation.contact.id} />}
        </div>
        <ConversationToolbar
          key={`toolbar-${conversationId}`}
          brandId={brandId}
          conversationId={conversationId}
          status={conversation.status}
          snoozedUntil={conversation.snoozedUntil?.getTime() ?? null}
          assigneeId={conversation.assigneeId}
          userId={viewer.id}
          priority={conversation.priority}
          labels={conversation.labels}
          teammates={teammates}
          labelSuggestions={labels}
          canAssignOthers={isManager}
          timezone={timezone}
        />
        <Presence key={conversationId} brandId={brandId} conversationId={conversationId} />
      </header>
      <EscalationTimeline brandId={brandId} conversationId={conversationId} timezone={timezone} />
      <ol className="space-y-3">
        {messages.map((m) => (
          <li key={m.id} className={`max-w-2xl rounded-lg border p-3 ${m.direction === "inbound" ? "border-zinc-200 dark:border-zinc-800" : m.direction === "note" ? "border-amber-300 bg-amber-50 dark:bg-amber-950" : "ml-auto border-blue-200 bg-blue-50 dark:border-blue-900 dark:bg-blue-950"}`}>
            <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
              <span className="font-medium text-zinc-700 dark:text-zinc-300">{m.author}</span>
              <time dateTime={new Date(m.createdAt).toISOString()}>{formatTime(m.createdAt, timezone, locale)}</time>
              {m.language && <span>{m.language}</span>}
              {m.editedAt && <span>{t("conversation.edited")}</span>}
              {m.automated && m.direction === "inbound" && <Badge tone="neutral">{t("conversation.automated")}</Badge>}
              {m.deletedOnPlatformAt && <Badge tone="warn">{t("conversation.deletedOnPlatform")}</Badge>}
              {m.hiddenAt && <Badge tone="warn">{t("conversation.hiddenOnPlatform")}</Badge>}
              {m.hiddenAt && m.hiddenReason && <span>({wordOf(t, "conversation.hiddenReason", m.hiddenReason)})</span>}
              {m.category && <Badge tone={m.category === "request" ? "info" : "neutral"}>{wordOf(t, "conversation.category", m.category)}</Badge>}
            </div>
            {m.subject && <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{t("conversation.subject", { subject: m.subject })}</p>}
            <p className="whitespace-pre-wrap break-words">{m.text}</p>
            {m.quotedText && (
              <details className="mt-1 text-xs text-zinc-500">
                <summary className="cursor-pointer">{t("conversation.quoted")}</summary>
                <p className="mt-1 whitespace-pre-wrap break-words border-l-2 border-zinc-300 pl-2 dark:border-zinc-700">{m.quotedText}</p>
              </details>
            )}
            {m.html && <MailHtml document={m.html.document} withImages={m.html.withImages} />}
            {m.attachments.length > 0 && (
              <div className="mt-1 text-xs text-zinc-500">
                <p>{t("conversation.attachments")}</p>
                <ul className="list-inside list-disc">
                  {m.attachments.map((a, i) => (
                    <li key={i}>
                      {a.name}
                      {a.contentType ? ` · ${a.contentType}` : ""}
                      {a.size != null ? ` · ${formatBytes(a.size)}` : ""}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {m.direction === "inbound" && (
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                {m.reasons.length > 0 && <span>{t("conversation.why", { reasons: m.reasons.join(" · ") })}</span>}
                <MessageCorrection brandId={brandId} messageId={m.id} category={m.category} />
                {m.visibility === "public" && !m.hiddenAt && (
                  <HideMessage brandId={brandId} messageId={m.id} negative={m.sentiment === "negative"} unsupported={cannotHide} />
                )}
              </div>
            )}
            {m.direction === "outbound" && m.deliveryState && m.deliveryState !== "sent" && (
              <div className="mt-1 text-xs" role={m.deliveryState === "failed" ? "alert" : undefined}>
                {m.deliveryState === "failed" ? (
                  <span className="text-red-700 dark:text-red-400">
                    {t("conversation.notDelivered", { error: m.lastError ?? "" })} <RetryReply brandId={brandId} messageId={m.id} />
                  </span>
                ) : (
                  <span className="text-zinc-500">{m.deliveryState === "queued" ? t("conversation.queued") : t("conversation.sending")}{m.lastError ? ` ${t("conversation.lastTry", { error: m.lastError })}` : ""}</span>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
      <ComposerSlot userId={viewer.id} brandId={brandId} conversationId={conversationId} channelKind={conversation.channel.kind} {...replyOptions(conversation, t)} {...composer} />
      <section aria-label={t("conversation.cycles")} className="text-xs text-zinc-500">
        {cycles.map((c) => (
          <p key={c.number}>
            {t("conversation.cycle", { number: c.number, category: wordOf(t, "conversation.category", c.category), time: formatTime(c.startedAt, timezone, locale) })}
            {`, ${c.firstResponseAt ? t("conversation.cycle.answered", { minutes: Math.round((c.firstResponseSeconds ?? 0) / 60) }) : t("conversation.cycle.unanswered")}`} —{" "}
            {t("conversation.cycle.target", { minutes: Math.round(c.targetSeconds / 60) })}
          </p>
        ))}
      </section>
    </article>
  );
}

function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} kB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
