import type { InboundEventInput } from "@/lib/ingest/event";
import type { MetaContext } from "./meta";
import { attachment, compact, id, obj, short, str, text, toIso, valid } from "./read";

const verbs: Record<string, InboundEventInput["action"]> = { add: "create", edited: "edit", edit: "edit", remove: "delete" };

/** Page `feed` change: only comments matter; posts, reactions, hides are not messages. */
export function parseFeedChange({ value, ctx }: { value: unknown; ctx: MetaContext }) {
  const v = obj(value);
  if (!v || typeof v.item !== "string") return void ctx.group.skipped++;
  if (v.item !== "comment") return;
  const action = verbs[str(v.verb) ?? ""];
  if (!action) return;
  const commentId = id(v.comment_id);
  const postId = id(v.post_id);
  const from = obj(v.from);
  const authorId = id(from?.id) ?? (action === "delete" ? ctx.accountId : undefined);
  const createdAt = toIso(v.created_time) ?? toIso(ctx.entryTime);
  if (!commentId || !authorId || !createdAt) return void ctx.group.skipped++;
  const parentId = id(v.parent_id);
  const post = obj(v.post);
  const event: InboundEventInput = compact({
    externalId: commentId,
    kind: "public_comment" as const,
    threadId: postId,
    // A top-level comment carries the post id as its parent.
    inReplyTo: parentId && parentId !== postId ? parentId : undefined,
    author: compact({ id: authorId, name: short(from?.name, 1024) }),
    text: text(v.message),
    createdAt,
    direction: authorId === ctx.accountId ? ("outbound" as const) : ("inbound" as const),
    action,
    url: short(post?.permalink_url, 4096),
    attachments: v.photo ? attachment("photo", v.photo) : undefined,
  });
  if (valid(event)) ctx.group.events.push(event);
  else ctx.group.skipped++;
}
