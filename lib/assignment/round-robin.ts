import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { recordChange } from "@/lib/realtime/record-change";

const ACTOR: Actor = { userId: null, label: "system:round-robin" };
const BATCH = 200;

type Agent = { id: number; languages: string[]; load: number; capacity: number };

function cursorKey(brandId: number) {
  return `round-robin:${brandId}`;
}

// Agents of the brand who set themselves available, with their open workload.
function availableAgents(sqlite: Database.Database, brandId: number): Agent[] {
  const rows = sqlite
    .prepare(
      `SELECT u.id, u.languages, u.capacity,
              (SELECT count(*) FROM conversations c WHERE c.assignee_id = u.id AND c.status IN ('open', 'pending')) AS load
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.brand_id = ? AND m.role = 'agent' AND u.available = 1 AND u.disabled = 0
        ORDER BY u.id`,
    )
    .all(brandId) as { id: number; languages: string; capacity: number; load: number }[];
  return rows.map((r) => ({ id: r.id, languages: JSON.parse(r.languages) as string[], capacity: r.capacity, load: r.load }));
}

/**
 * The next agent after `lastId` in id order who has room, preferring one who speaks the
 * conversation's language; a request nobody speaks still goes to someone rather than waiting.
 */
export function pickAgent(agents: Agent[], language: string | null, lastId: number): Agent | null {
  const open = agents.filter((a) => a.load < a.capacity);
  if (open.length === 0) return null;
  const speakers = language ? open.filter((a) => a.languages.length === 0 || a.languages.includes(language)) : open;
  const pool = speakers.length > 0 ? speakers : open;
  return pool.find((a) => a.id > lastId) ?? pool[0];
}

/** Hands waiting, unassigned requests of brands with auto-assign on to available agents, most urgent first. */
export function assignWaiting({ db, now = Date.now() }: { db: Db; now?: number }): number {
  const sqlite = db.$client;
  const brands = sqlite.prepare("SELECT id FROM brands WHERE auto_assign = 1").all() as { id: number }[];
  let assigned = 0;
  for (const { id: brandId } of brands) {
    assigned += sqlite.transaction(() => {
      const agents = availableAgents(sqlite, brandId);
      if (agents.length === 0) return 0;
      const waiting = sqlite
        .prepare(
          `SELECT id, language FROM conversations
            WHERE brand_id = ? AND awaiting_first_response = 1 AND category = 'request' AND assignee_id IS NULL AND status = 'open'
            ORDER BY first_response_due_at LIMIT ?`,
        )
        .all(brandId, BATCH) as { id: number; language: string | null }[];
      const cursor = sqlite.prepare("SELECT value FROM worker_state WHERE key = ?").get(cursorKey(brandId)) as { value: string } | undefined;
      let lastId = cursor ? Number(cursor.value) : 0;
      const assign = sqlite.prepare("UPDATE conversations SET assignee_id = ?, updated_at = ? WHERE id = ? AND assignee_id IS NULL");
      let count = 0;
      for (const conversation of waiting) {
        const agent = pickAgent(agents, conversation.language, lastId);
        if (!agent) break;
        if (assign.run(agent.id, now, conversation.id).changes === 0) continue;
        agent.load += 1;
        lastId = agent.id;
        count += 1;
        recordAudit(db, { actor: ACTOR, brandId, action: "conversation.assign", objectType: "conversation", objectId: conversation.id, after: { assigneeId: agent.id, by: "round-robin" } });
        recordChange(sqlite, { brandId, kind: "conversation", objectId: conversation.id, conversationId: conversation.id, data: { assigneeId: agent.id }, at: now });
      }
      if (count > 0)
        sqlite
          .prepare("INSERT INTO worker_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
          .run(cursorKey(brandId), String(lastId), now);
      return count;
    }).immediate();
  }
  return assigned;
}

/** An agent's own switch: away agents get no new conversations. */
export function setAvailability({ db, userId, available }: { db: Db; userId: number; available: boolean }): void {
  db.$client.transaction(() => {
    db.$client.prepare("UPDATE users SET available = ? WHERE id = ?").run(available ? 1 : 0, userId);
    recordAudit(db, { actor: { userId, label: `user:${userId}` }, brandId: null, action: available ? "user.available" : "user.away", objectType: "user", objectId: userId });
  })();
}
