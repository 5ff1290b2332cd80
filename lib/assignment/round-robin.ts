import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { database, type Db, type Tx } from "@/db/client";
import { brands, conversations, memberships, users, workerState } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { recordChange } from "@/lib/realtime/record-change";
import { recordAvailability } from "@/lib/staffing/availability";

const ACTOR: Actor = { userId: null, label: "system:round-robin" };
const BATCH = 200;

type Agent = { id: number; languages: string[]; load: number; capacity: number };

function cursorKey(brandId: number) {
  return `round-robin:${brandId}`;
}

// Agents of the brand who set themselves available, with their open workload.
async function availableAgents(tx: Tx, brandId: number): Promise<Agent[]> {
  const c = conversations;
  const load = tx
    .select({ n: count() })
    .from(c)
    .where(and(eq(c.assigneeId, users.id), inArray(c.status, ["open", "pending"])));
  return tx
    .select({ id: users.id, languages: users.languages, capacity: users.capacity, load: sql<number>`${load}`.mapWith(Number) })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.brandId, brandId), eq(memberships.role, "agent"), eq(users.available, true), eq(users.disabled, false)))
    .orderBy(asc(users.id));
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
export async function assignWaiting({ db = database(), now = Date.now() }: { db?: Db; now?: number } = {}): Promise<number> {
  const c = conversations;
  const auto = await db.select({ id: brands.id }).from(brands).where(eq(brands.autoAssign, true));
  let assigned = 0;
  for (const { id: brandId } of auto) {
    assigned += await db.transaction(async (tx) => {
      const agents = await availableAgents(tx, brandId);
      if (agents.length === 0) return 0;
      const waiting = await tx
        .select({ id: c.id, language: c.language })
        .from(c)
        .where(and(eq(c.brandId, brandId), eq(c.awaitingFirstResponse, true), eq(c.category, "request"), isNull(c.assigneeId), eq(c.status, "open")))
        .orderBy(asc(c.firstResponseDueAt))
        .limit(BATCH);
      const [cursor] = await tx.select({ value: workerState.value }).from(workerState).where(eq(workerState.key, cursorKey(brandId)));
      let lastId = cursor ? Number(cursor.value) : 0;
      let total = 0;
      for (const conversation of waiting) {
        const agent = pickAgent(agents, conversation.language, lastId);
        if (!agent) break;
        const taken = await tx
          .update(c)
          .set({ assigneeId: agent.id, updatedAt: new Date(now) })
          .where(and(eq(c.id, conversation.id), eq(c.brandId, brandId), isNull(c.assigneeId)))
          .returning({ id: c.id });
        if (taken.length === 0) continue;
        agent.load += 1;
        lastId = agent.id;
        total += 1;
        await recordAudit(tx, { actor: ACTOR, brandId, action: "conversation.assign", objectType: "conversation", objectId: conversation.id, after: { assigneeId: agent.id, by: "round-robin" } });
        await recordChange(tx, { brandId, kind: "conversation", objectId: conversation.id, conversationId: conversation.id, data: { assigneeId: agent.id }, at: now });
      }
      if (total > 0)
        await tx
          .insert(workerState)
          .values({ key: cursorKey(brandId), value: String(lastId), updatedAt: new Date(now) })
          .onConflictDoUpdate({ target: workerState.key, set: { value: String(lastId), updatedAt: new Date(now) } });
      return total;
    });
  }
  return assigned;
}

/** An agent's own switch: away agents get no new conversations. */
export async function setAvailability({ db = database(), userId, available, now = Date.now() }: { db?: Db; userId: number; available: boolean; now?: number }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ available }).where(eq(users.id, userId));
    await recordAvailability(tx, { userId, status: available ? "available" : "away", at: now });
    await recordAudit(tx, { actor: { userId, label: `user:${userId}` }, brandId: null, action: available ? "user.available" : "user.away", objectType: "user", objectId: userId });
  });
}
