import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { recordChange } from "@/lib/realtime/record-change";

export const PRESENCE_TTL_MS = 30_000;
// A typing heartbeat that is not renewed decays to viewing: a closed laptop never types forever.
export const TYPING_TTL_MS = 8_000;

export type PresenceState = "viewing" | "typing";
export type Viewer = { userId: number; name: string; state: PresenceState };

type Row = { state: PresenceState; at: number };

function shown(row: Row | undefined, now: number): PresenceState | "gone" {
  if (!row || row.at <= now - PRESENCE_TTL_MS) return "gone";
  return row.state === "typing" && row.at <= now - TYPING_TTL_MS ? "viewing" : row.state;
}

function requireConversationOfBrand(db: Db, brandId: number, conversationId: number): void {
  const found = db.$client.prepare("SELECT 1 FROM conversations WHERE id = ? AND brand_id = ?").get(conversationId, brandId);
  if (!found) throw new AppError("not_found:conversation");
}

// Who else has this conversation open now, as seen by `userId`.
export function listPresence({ db, brandId, conversationId, excludeUserId, now = Date.now() }: { db: Db; brandId: number; conversationId: number; excludeUserId: number; now?: number }): Viewer[] {
  requireConversationOfBrand(db, brandId, conversationId);
  const rows = db.$client
    .prepare(
      `SELECT p.user_id AS userId, u.name, p.state, p.at FROM presence p
         JOIN users u ON u.id = p.user_id AND u.disabled = 0
         JOIN memberships m ON m.user_id = p.user_id AND m.brand_id = p.brand_id
        WHERE p.conversation_id = ? AND p.brand_id = ? AND p.at > ? AND p.user_id != ?
        ORDER BY p.at DESC`,
    )
    .all(conversationId, brandId, now - PRESENCE_TTL_MS, excludeUserId) as (Viewer & { at: number })[];
  return rows.map((r) => ({ userId: r.userId, name: r.name, state: shown(r, now) as PresenceState }));
}

// A heartbeat: the change log is written only when what others see changes (arrive, start or
// stop typing), so a steady heartbeat costs one upsert and no live-page traffic.
export function recordPresence({
  db,
  brandId,
  conversationId,
  userId,
  state,
  now = Date.now(),
}: {
  db: Db;
  brandId: number;
  conversationId: number;
  userId: number;
  state: PresenceState;
  now?: number;
}): Viewer[] {
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    requireConversationOfBrand(db, brandId, conversationId);
    const before = sqlite.prepare("SELECT state, at FROM presence WHERE user_id = ? AND conversation_id = ?").get(userId, conversationId) as Row | undefined;
    sqlite
      .prepare(
        `INSERT INTO presence (user_id, conversation_id, brand_id, state, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id, conversation_id) DO UPDATE SET brand_id = excluded.brand_id, state = excluded.state, at = excluded.at`,
      )
      .run(userId, conversationId, brandId, state, now);
    if (shown(before, now) !== state) recordChange(sqlite, { brandId, kind: "presence", objectId: userId, conversationId, userId, data: { state }, at: now });
    // Expired rows go with the next heartbeat of their conversation or their user (both indexed).
    sqlite.prepare("DELETE FROM presence WHERE conversation_id = ? AND at <= ?").run(conversationId, now - PRESENCE_TTL_MS);
    sqlite.prepare("DELETE FROM presence WHERE user_id = ? AND at <= ?").run(userId, now - PRESENCE_TTL_MS);
    return listPresence({ db, brandId, conversationId, excludeUserId: userId, now });
  })();
}

export function leavePresence({ db, brandId, conversationId, userId, now = Date.now() }: { db: Db; brandId: number; conversationId: number; userId: number; now?: number }): void {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    requireConversationOfBrand(db, brandId, conversationId);
    const before = sqlite.prepare("SELECT state, at FROM presence WHERE user_id = ? AND conversation_id = ? AND brand_id = ?").get(userId, conversationId, brandId) as Row | undefined;
    if (!before) return;
    sqlite.prepare("DELETE FROM presence WHERE user_id = ? AND conversation_id = ?").run(userId, conversationId);
    if (shown(before, now) !== "gone") recordChange(sqlite, { brandId, kind: "presence", objectId: userId, conversationId, userId, data: { state: "left" }, at: now });
  })();
}
