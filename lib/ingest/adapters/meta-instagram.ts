import type { InboundEventInput } from "@/lib/ingest/event";
import type { MetaContext } from "./meta";
import { compact, id, obj, short, text, toIso, valid } from "./read";

/** Instagram `comments` change; the value carries no time of its own, so the entry time is used. */
export function parseInstagramComment({ value, ctx }: { value: unknown; ctx: MetaContext }) {
  const v = obj(value);
  const from = obj(v?.from);
  const commentId = id(v?.id);
  const authorId = id(from?.id);
  const createdAt = toIso(v?.timestamp) ?? toIso(ctx.entryTime);
  if (!v || !commentId || !authorId || !createdAt) return void ctx.group.skipped++;
  const own = authorId === ctx.accountId || id(from?.self_ig_scoped_id) === ctx.accountId;
  const event: InboundEventInput = compact({
    externalId: commentId,
    kind: "public_comment" as const,
    threadId: id(obj(v.media)?.id),
    inReplyTo: id(v.parent_id),
    author: compact({ id: authorId, handle: short(from?.username) }),
    text: text(v.text),
    createdAt,
    direction: own ? ("outbound" as const) : ("inbound" as const),
  });
  if (valid(event)) ctx.group.events.push(event);
  else ctx.group.skipped++;
}
