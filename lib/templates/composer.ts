import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
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

export function templateValues({ db, brandId, conversationId, userId }: { db: Db; brandId: number; conversationId: number; userId: number }) {
  const row = db.$client
    .prepare(
      `SELECT c.language, ct.name AS contact_name, ct.handle AS contact_handle, ch.name AS channel_name, b.name AS brand_name,
              (SELECT name FROM users WHERE id = ?) AS agent_name,
              (SELECT coalesce(max(id), 0) FROM messages WHERE conversation_id = c.id) AS last_message_id
         FROM conversations c JOIN contacts ct ON ct.id = c.contact_id JOIN channels ch ON ch.id = c.channel_id JOIN brands b ON b.id = c.brand_id
        WHERE c.id = ? AND c.brand_id = ?`,
    )
    .get(userId, conversationId, brandId) as
    | { language: string | null; contact_name: string | null; contact_handle: string | null; channel_name: string; brand_name: string; agent_name: string | null; last_message_id: number }
    | undefined;
  if (!row) throw new AppError("not_found:conversation");
  const handle = asHandle(row.contact_handle);
  const values: TemplateValues = {
    name: row.contact_name || handle,
    first_name: firstName(row.contact_name) || handle,
    handle,
    agent: firstName(row.agent_name),
    agent_full: row.agent_name,
    brand: row.brand_name,
    channel: row.channel_name,
  };
  return { values, language: row.language, lastMessageId: row.last_message_id };
}

// Templates rendered for this conversation and agent: the conversation's language first, then
// templates for any language, then the rest.
export function composerContext({ db, brandId, conversationId, userId }: { db: Db; brandId: number; conversationId: number; userId: number }): ComposerContext {
  const { values, language, lastMessageId } = templateValues({ db, brandId, conversationId, userId });
  const rank = (l: string | null) => (language && l && (l === language || l.split("-")[0] === language.split("-")[0]) ? 0 : l == null ? 1 : 2);
  const templates = listTemplates({ db, brandId })
    .map((t) => ({ id: t.id, title: t.title, shortcut: t.shortcut, language: t.language, ...renderTemplate(t.body, values) }))
    .sort((a, b) => rank(a.language) - rank(b.language));
  return { language, templates, teammates: mentionableMembers({ db, brandId }), seenMessageId: lastMessageId };
}
