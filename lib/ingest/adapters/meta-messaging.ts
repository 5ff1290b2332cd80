import type { InboundEventInput } from "@/lib/ingest/event";
import type { MetaContext } from "./meta";
import { arr, attachment, compact, id, obj, text, toIso, valid } from "./read";

/** One Messenger or Instagram messaging item: message, echo, edit or unsend. */
export function parseMessaging({ item, ctx }: { item: unknown; ctx: MetaContext }) {
  const m = obj(item);
  const senderId = id(obj(m?.sender)?.id);
  const recipientId = id(obj(m?.recipient)?.id);
  const createdAt = toIso(m?.timestamp) ?? toIso(ctx.entryTime);
  if (!m || !senderId || !recipientId || !createdAt) return void ctx.group.skipped++;
  const edit = obj(m.message_edit);
  const message = obj(m.message) ?? edit;
  // Reads, deliveries, reactions, postbacks and referrals are not messages.
  if (!message) return;
  const mid = id(message.mid);
  if (!mid) return void ctx.group.skipped++;
  const echo = message.is_echo === true || senderId === ctx.accountId;
  const contactId = echo ? recipientId : senderId;
  if (echo && ctx.appId && id(message.app_id) === ctx.appId) ctx.group.fromOurApp.push(mid);
  const event: InboundEventInput = compact({
    externalId: mid,
    kind: "private_message" as const,
    threadId: contactId,
    inReplyTo: id(obj(message.reply_to)?.mid),
    author: { id: senderId },
    text: text(message.text),
    createdAt,
    direction: echo ? ("outbound" as const) : ("inbound" as const),
    action: edit ? ("edit" as const) : message.is_deleted === true ? ("delete" as const) : ("create" as const),
    attachments: attachments(message.attachments),
  });
  if (valid(event)) ctx.group.events.push(event);
  else ctx.group.skipped++;
}

function attachments(value: unknown) {
  const list = arr(value).flatMap((raw) => attachment(obj(raw)?.type ?? "file", obj(obj(raw)?.payload)?.url));
  return list.length ? list.slice(0, 100) : undefined;
}
