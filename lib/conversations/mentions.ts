import type { Db } from "@/db/client";
import { notify } from "@/lib/notifications/notify";

export type Mentionable = { userId: number; name: string; email: string };

// Active members of the brand, the people a note can mention.
export function mentionableMembers({ db, brandId }: { db: Db; brandId: number }): Mentionable[] {
  return db.$client
    .prepare(
      `SELECT u.id AS userId, u.name, u.email FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.brand_id = ? AND u.disabled = 0 ORDER BY u.name COLLATE NOCASE`,
    )
    .all(brandId) as Mentionable[];
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

// Call inside the note's transaction: the note and its notifications are stored together.
export function notifyMentions({
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
}): number[] {
  const mentioned = findMentions(text, mentionableMembers({ db, brandId })).filter((id) => id !== author.userId);
  if (mentioned.length === 0) return [];
  const snippet = text.replace(/\s+/g, " ").trim();
  notify(db.$client, {
    brandId,
    userIds: mentioned,
    kind: "mention",
    conversationId,
    text: `${author.name} mentioned you in a note: “${snippet.length > 140 ? `${snippet.slice(0, 139)}…` : snippet}”`,
  });
  return mentioned;
}
