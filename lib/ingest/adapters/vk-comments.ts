import type { InboundEventInput } from "@/lib/ingest/event";
import { type Obj, arr, attachment, compact, id, num, obj, str, text, toIso } from "./read";

type Target = { prefix: string; ownerKey: string; itemKey: string; replyParam: string };
const targets: Record<string, Target> = {
  wall_reply: { prefix: "wall", ownerKey: "post_owner_id", itemKey: "post_id", replyParam: "reply" },
  photo_comment: { prefix: "photo", ownerKey: "photo_owner_id", itemKey: "photo_id", replyParam: "reply" },
  video_comment: { prefix: "video", ownerKey: "video_owner_id", itemKey: "video_id", replyParam: "reply" },
  board_post: { prefix: "topic", ownerKey: "topic_owner_id", itemKey: "topic_id", replyParam: "post" },
};
const actions: Record<string, InboundEventInput["action"]> = { new: "create", edit: "edit", restore: "edit", delete: "delete" };

/**
 * Ids follow VK's own link form, e.g. thread `wall-1_2` and comment `wall-1_2?reply=3`, so a
 * reply client can recover owner, post and comment ids. Restore brings the text back: an edit.
 */
export function vkCommentEvent({ type, object, ctx }: { type: string; object: Obj; ctx: { groupId: string; now: Date } }): InboundEventInput | undefined | null {
  const match = /^(wall_reply|photo_comment|video_comment|board_post)_(new|edit|restore|delete)$/.exec(type);
  if (!match) return null;
  const target = targets[match[1]];
  const action = actions[match[2]];
  const isDelete = action === "delete";
  // Deletions name the owner as owner_id (topic_owner_id for boards) and carry no comment body.
  const owner = id(object[target.ownerKey]) ?? (isDelete ? id(object.owner_id) : undefined);
  const item = id(object[target.itemKey]);
  const commentId = id(object.id);
  const authorId = isDelete ? (id(object.deleter_id) ?? id(object.user_id) ?? owner) : id(object.from_id);
  const date = num(object.date);
  const createdAt = toIso(date) ?? (isDelete ? ctx.now.toISOString() : undefined);
  if (!owner || !item || !commentId || !authorId || !createdAt) return undefined;
  const threadId = `${target.prefix}${owner}_${item}`;
  const ref = (comment: string) => `${threadId}?${target.replyParam}=${comment}`;
  const parent = id(object.reply_to_comment) ?? id(arr(object.parents_stack).at(-1));
  return compact({
    externalId: ref(commentId),
    kind: "public_comment" as const,
    threadId,
    inReplyTo: parent && parent !== "0" ? ref(parent) : undefined,
    author: { id: authorId },
    text: isDelete ? "" : text(object.text),
    createdAt,
    direction: !isDelete && authorId === `-${ctx.groupId}` ? ("outbound" as const) : ("inbound" as const),
    action,
    // VK's edit carries the comment's creation date: the edit is as of its arrival.
    editedAt: action === "edit" ? ctx.now.toISOString() : undefined,
    url: `https://vk.com/${ref(commentId)}`,
    attachments: vkAttachments(object.attachments),
  });
}

export function vkAttachments(value: unknown) {
  const list = arr(value).flatMap((raw) => {
    const a = obj(raw);
    const kind = str(a?.type);
    const body = kind ? obj(a?.[kind]) : undefined;
    return kind && body ? attachment(kind, attachmentUrl({ kind, body })) : [];
  });
  return list.length ? list.slice(0, 100) : undefined;
}

function attachmentUrl({ kind, body }: { kind: string; body: Obj }): string | undefined {
  const direct = str(body.url) ?? str(obj(arr(body.sizes).at(-1))?.url);
  if (direct && direct.length <= 4096) return direct;
  const owner = id(body.owner_id);
  const item = id(body.id);
  return owner && item ? `https://vk.com/${kind}${owner}_${item}` : undefined;
}
