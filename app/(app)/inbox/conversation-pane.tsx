import { getDb } from "@/db/client";
import { conversationCycles, requireConversation, threadMessages } from "@/lib/inbox/conversation";
import { isAppError } from "@/lib/errors";
import { SentimentBadge, SlaBadge } from "@/app/_components/sla-badge";
import { Badge } from "@/app/_components/ui/badge";

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
        </div>
      </header>
      <ol className="space-y-3">
        {messages.map((m) => (
          <li key={m.id} className={`max-w-2xl rounded-lg border p-3 ${m.direction === "inbound" ? "border-zinc-200 dark:border-zinc-800" : m.direction === "note" ? "border-amber-300 bg-amber-50 dark:bg-amber-950" : "ml-auto border-blue-200 bg-blue-50 dark:border-blue-900 dark:bg-blue-950"}`}>
            <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
              <span className="font-medium text-zinc-700 dark:text-zinc-300">{m.author}</span>
              <time dateTime={new Date(m.createdAt).toISOString()}>{formatTime(m.createdAt, timezone)}</time>
              {m.language && <span>{m.language}</span>}
              {m.editedAt && <span>edited</span>}
              {m.deletedOnPlatformAt && <Badge tone="warn">deleted on the platform</Badge>}
              {m.category && <Badge tone={m.category === "request" ? "info" : "neutral"}>{m.category}</Badge>}
            </div>
            <p className="whitespace-pre-wrap break-words">{m.text}</p>
            {m.reasons.length > 0 && <p className="mt-1 text-xs text-zinc-500">Why: {m.reasons.join(" · ")}</p>}
          </li>
        ))}
      </ol>
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
