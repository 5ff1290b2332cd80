import type { InboundEvent } from "./event";
import type { ConversationRow, MessageRef, Statements } from "./store";

// The key a new conversation is filed under: the dialogue for private messages, else its first comment.
export function threadKey(event: InboundEvent): string {
  if (event.kind === "private_message") return event.threadId ?? event.author.id;
  return event.externalId;
}

// DESIGN.md threads: reply-to links first (a comment and every reply under it), then the
// platform's thread id; a private dialogue is one conversation per contact and channel.
export function findThread({ s, channelId, event }: { s: Statements; channelId: number; event: InboundEvent }): ConversationRow | null {
  if (event.kind === "private_message") {
    const key = event.threadId ?? (event.direction === "inbound" ? event.author.id : null);
    if (key) {
      const byKey = s.conversationByThread.get(channelId, key, "private_message") as ConversationRow | undefined;
      if (byKey) return byKey;
    }
    return event.inReplyTo ? parentConversation(s, channelId, event.inReplyTo) : null;
  }
  if (event.inReplyTo) {
    const parent = parentConversation(s, channelId, event.inReplyTo);
    if (parent) return parent;
  }
  // A thread id that names a seen message (the root comment) joins its thread; a post id does not:
  // every top-level comment under a post is a conversation of its own.
  if (event.threadId && event.threadId !== event.externalId) {
    const root = s.messageByExternal.get(channelId, event.threadId) as MessageRef | undefined;
    if (root) return s.conversation.get(root.conversation_id) as ConversationRow;
  }
  return null;
}

function parentConversation(s: Statements, channelId: number, externalId: string): ConversationRow | null {
  const parent = s.messageByExternal.get(channelId, externalId) as MessageRef | undefined;
  return parent ? (s.conversation.get(parent.conversation_id) as ConversationRow) : null;
}
