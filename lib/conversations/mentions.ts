import { and, asc, eq, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/record";
import { notify } from "@/lib/notifications/notify";
import { addNote } from "./actions";

export type Mentionable = { userId: number; name: string; email: string };

// Active members of the brand, the people a note can mention.
export async function mentionableMembers({ db, brandId }: { db: Db; brandId: number }): Promise<Mentionable[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.brandId, brandId), eq(users.disabled, false)))
    .orderBy(asc(sql`lower(${users.name})`));
}

const WORD = /[\p{L}\p{N}_]/u;

// "@Anna Petrova" (the full name, as the composer inserts it) or "@anna.p" (the e-mail's local
// part); the longest name wins, so "@Anna Petrova" never also mentions a teammate called "Anna".
export function findMentions(text: string, members: Mentionable[]): number[] {
  const keys = members
    .flatMap((m) => [
      { key: m.name.trim().toLowerCase(), userId: m.userId },
      { key: m.email.split("@")[0].toLowerCase(), userId: m.userId },
    ])
    .filter((k) => k.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
  const lower = text.toLowerCase();
  const found = new Set<number>();
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    if (at > 0 && WORD.test(lower[at - 1])) continue; // an e-mail address, not a mention
    const rest = lower.slice(at + 1);
    const match = keys.find((k) => rest.startsWith(k.key) && !WORD.test(rest[k.key.length] ?? " "));
    if (match) found.add(match.userId);
  }
  return [...found];
}

// Called inside the note's transaction, it joins it: the note and its notifications are stored together.
export async function notifyMentions({
  db,
  brandId,
  conversationId,
  text,
  author,
}: {
  db: Db;
  brandId: number;
  conversationId: number;
  text: string;
  author: { userId: number; name: string };
}): Promise<number[]> {
  const mentioned = findMentions(text, await mentionableMembers({ db, brandId })).filter((id) => id !== author.userId);
  if (mentioned.length === 0) return [];
  const snippet = text.replace(/\s+/g, " ").trim();
  await db.transaction((tx) => notify(tx, {
    brandId,
    userIds: mentioned,
    kind: "mention",
    conversationId,
    text: (t) => t("notify.mention", { author: author.name, snippet: snippet.length > 140 ? `${snippet.slice(0, 139)}…` : snippet }),
  }));
  return mentioned;
}

// The composer's note: the note and the notifications of the teammates it @mentions, stored together.
export async function addNoteWithMentions({
  db = database(),
  brandId,
  actor,
  conversationId,
  text,
  authorName,
}: {
  db?: Db;
  brandId: number;
  actor: Actor & { userId: number };
  conversationId: number;
  text: string;
  authorName: string;
}): Promise<{ messageId: number; mentioned: number[] }> {
  return db.transaction(async (tx) => {
    const messageId = await addNote({ db: tx, brandId, actor, conversationId, text });
    const mentioned = await notifyMentions({ db: tx, brandId, conversationId, text, author: { userId: actor.userId, name: authorName } });
    return { messageId, mentioned };
  });
}
