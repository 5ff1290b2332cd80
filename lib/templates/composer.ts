import { eq, max } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { brands, channels, contacts, messages, users } from "@/db/schema";
import { requireConversation } from "@/lib/inbox/conversation";
import { mentionableMembers, type Mentionable } from "@/lib/conversations/mentions";
import { listTemplates } from "./templates";
import { asHandle, firstName, renderTemplate, type TemplateValues } from "./variables";

export type ComposerTemplate = { id: number; title: string; shortcut: string | null; language: string | null; text: string; missing: string[] };

export type ComposerContext = {
  language: string | null;
  templates: ComposerTemplate[];
  teammates: Mentionable[];
  // The newest message the agent has on screen; a reply by someone else after it asks first.
  seenMessageId: number;
};

export async function templateValues({ db = database(), brandId, conversationId, userId }: { db?: Db; brandId: number; conversationId: number; userId: number }) {
  const conversation = await requireConversation({ db, brandId, id: conversationId });
  const [[party], [brand], [agent], [last]] = await Promise.all([
    db
      .select({ contactName: contacts.name, contactHandle: contacts.handle, channelName: channels.name })
      .from(contacts)
      .innerJoin(channels, eq(channels.id, conversation.channelId))
      .where(eq(contacts.id, conversation.contactId)),
    db.select({ name: brands.name }).from(brands).where(eq(brands.id, brandId)),
    db.select({ name: users.name }).from(users).where(eq(users.id, userId)),
    db.select({ id: max(messages.id) }).from(messages).where(eq(messages.conversationId, conversationId)),
  ]);
  const handle = asHandle(party.contactHandle);
  const values: TemplateValues = {
    name: party.contactName || handle,
    first_name: firstName(party.contactName) || handle,
    handle,
    agent: firstName(agent?.name),
    agent_full: agent?.name ?? null,
    brand: brand.name,
    channel: party.channelName,
  };
  return { values, language: conversation.language, lastMessageId: last?.id ?? 0 };
}

// Templates rendered for this conversation and agent: the conversation's language first, then
// templates for any language, then the rest.
export async function composerContext({ db = database(), brandId, conversationId, userId }: { db?: Db; brandId: number; conversationId: number; userId: number }): Promise<ComposerContext> {
  const { values, language, lastMessageId } = await templateValues({ db, brandId, conversationId, userId });
  const rank = (l: string | null) => (language && l && (l === language || l.split("-")[0] === language.split("-")[0]) ? 0 : l == null ? 1 : 2);
  const templates = (await listTemplates({ db, brandId }))
    .map((t) => ({ id: t.id, title: t.title, shortcut: t.shortcut, language: t.language, ...renderTemplate(t.body, values) }))
    .sort((a, b) => rank(a.language) - rank(b.language));
  return { language, templates, teammates: await mentionableMembers({ db, brandId }), seenMessageId: lastMessageId };
}
