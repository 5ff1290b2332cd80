import { getDb } from "@/db/client";
import { conversationCycles, requireConversation, threadMessages } from "@/lib/inbox/conversation";
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
import { hideUnsupportedReason } from "@/lib/moderation/platform";
import { roleAtLeast } from "@/lib/auth/access";
import { brandTeammates, labelSuggestions } from "@/lib/inbox/team";

const PRIVATE_CAPABLE = new Set(["facebook", "instagram", "twitter", "vk", "telegram", "email", "web", "api"]);
const WINDOW_24H = new Set(["facebook", "instagram"]);

// Messenger and Instagram allow a private reply only within 24 h of the person's last message.
function replyOptions(conversation: Record<string, unknown>, now = Date.now()) {
  const kind = conversation.channel_kind as string;
  const lastInbound = (conversation.last_inbound_at as number | null) ?? 0;
  const inWindow = !WINDOW_24H.has(kind) || now - lastInbound < 24 * 3600_000;
  const allowPrivate = PRIVATE_CAPABLE.has(kind) && inWindow;
  const allowPublic = conversation.kind === "public_comment";
  const privateBlockedReason =
    PRIVATE_CAPABLE.has(kind) && !inWindow
      ? "A private message is no longer possible: the platform allows it only within 24 hours of the person's last message. Reply publicly."
      : null;
  return { allowPrivate, allowPublic: allowPublic || !allowPrivate, privateBlockedReason };
}

function formatTime(ms: number, timezone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: timezone }).format(new Date(ms));
}

export async function ConversationPane({ brandId, conversationId, timezone }: { brandId: number; conversationId: number; timezone: string }) {
  const db = getDb();
  let conversation: Record<string, unknown>;
  try {
    conversation = requireConversation({ db, brandId, id: conversationId });
  } catch (error) {
    if (isAppError(error)) return <p className="p-8 text-zinc-500">This conversation does not exist in this brand.</p>;
    throw error;
  }
  const messages = threadMessages({ db, conversationId });
  const cycles = conversationCycles({ db, conversationId });
  const viewer = await requirePageUser();
  const isManager = viewer.memberships.some((m) => m.brandId === brandId && roleAtLeast(m.role, "manager"));
  const hideUnsupported = hideUnsupportedReason(conversation.channel_kind as string);
  const composer = composerContext({ db, brandId, conversationId, userId: (await requirePageUser()).id });
  return (
    <article className="space-y-4 p-4">
      <header className="space-y-1">
        <h1 className="text-base font-semibold">
          {(conversation.contact_name as string) ?? (conversation.contact_handle as string)}{" "}
          <span className="font-normal text-zinc-500">on {conversation.channel_name as string}</span>
        </h1>
        <div className="flex flex-wrap gap-1.5">
          <Badge>{conversation.status as string}</Badge>
          <Badge tone={conversation.category === "request" ? "info" : "neutral"}>{conversation.category as string}</Badge>
          <SlaBadge state={conversation.sla_state as string | null} />
          <SentimentBadge sentiment={conversation.sentiment as string} />
          {!!conversation.complaint && <Badge tone="bad">complaint</Badge>}
          {conversation.contact_followers != null && <Badge>{String(conversation.contact_followers)} followers</Badge>}
          {!!conversation.contact_blocked && <Badge tone="warn">author blocked</Badge>}
          <BlockAuthor brandId={brandId} contactId={conversation.contact_id as number} blocked={!!conversation.contact_blocked} canUnblock={isManager} />
        </div>
        <ConversationToolbar
          key={`toolbar-${conversationId}`}
          brandId={brandId}
          conversationId={conversationId}
          status={conversation.status as string}
          snoozedUntil={(conversation.snoozed_until as number | null) ?? null}
          assigneeId={(conversation.assignee_id as number | null) ?? null}
          userId={viewer.id}
          priority={conversation.priority as string}
          labels={JSON.parse(conversation.labels as string) as string[]}
          teammates={brandTeammates({ db, brandId })}
          labelSuggestions={labelSuggestions({ db, brandId })}
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
              <time dateTime={new Date(m.createdAt).toISOString()}>{formatTime(m.createdAt, timezone)}</time>
              {m.language && <span>{m.language}</span>}
              {m.editedAt && <span>edited</span>}
              {m.deletedOnPlatformAt && <Badge tone="warn">deleted on the platform</Badge>}
              {m.hiddenAt && <Badge tone="warn">hidden on the platform</Badge>}
              {m.hiddenAt && m.hiddenReason && <span>({m.hiddenReason})</span>}
              {m.category && <Badge tone={m.category === "request" ? "info" : "neutral"}>{m.category}</Badge>}
            </div>
            <p className="whitespace-pre-wrap break-words">{m.text}</p>
            {m.direction === "inbound" && (
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                {m.reasons.length > 0 && <span>Why: {m.reasons.join(" · ")}</span>}
                <MessageCorrection brandId={brandId} messageId={m.id} category={m.category} />
                {m.visibility === "public" && !m.hiddenAt && (
                  <HideMessage brandId={brandId} messageId={m.id} negative={m.sentiment === "negative"} unsupportedReason={hideUnsupported} />
                )}
              </div>
            )}
            {m.direction === "outbound" && m.deliveryState && m.deliveryState !== "sent" && (
              <div className="mt-1 text-xs" role={m.deliveryState === "failed" ? "alert" : undefined}>
                {m.deliveryState === "failed" ? (
                  <span className="text-red-700 dark:text-red-400">
                    Not delivered: {m.lastError} <RetryReply brandId={brandId} messageId={m.id} />
                  </span>
                ) : (
                  <span className="text-zinc-500">{m.deliveryState === "queued" ? "Queued…" : "Sending…"}{m.lastError ? ` (last try: ${m.lastError})` : ""}</span>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
      <ComposerSlot brandId={brandId} conversationId={conversationId} channelKind={conversation.channel_kind as string} {...replyOptions(conversation)} {...composer} />
      <section aria-label="Response cycles" className="text-xs text-zinc-500">
        {cycles.map((c) => (
          <p key={c.number}>
            Cycle {c.number} ({c.category}): started {formatTime(c.startedAt, timezone)}
            {c.firstResponseAt ? `, first reply after ${Math.round((c.firstResponseSeconds ?? 0) / 60)} min` : ", not answered yet"} — target{" "}
            {Math.round(c.targetSeconds / 60)} min
          </p>
        ))}
      </section>
    </article>
  );
}
