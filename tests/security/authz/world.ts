import crypto from "node:crypto";
import type { Db } from "@/db/client";
import { channels, type Role } from "@/db/schema";
import { cliActor } from "@/lib/audit/record";
import { createBrand, type Brand } from "@/lib/brands/brands";
import { loadSessionUser } from "@/lib/auth/access";
import { createToken } from "@/lib/auth/tokens";
import { createCalendar, createPolicy } from "@/lib/sla/settings";
import type { CalendarInput, PolicyInput } from "@/lib/sla/settings-input";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { encryptCredentials } from "@/lib/security/credentials";
import { createUser, setMembership } from "@/lib/team/users";
import { sqlite } from "../../helpers/db";

export const PERSONAS = ["signed-out", "outsider", "agent", "manager", "admin"] as const;
export type Persona = (typeof PERSONAS)[number];

export type Person = { id: number; email: string };

// Brand A with one person per role, brand B whose admin is the "outsider", and factories that
// make fresh objects of A so that one entry's allowed call cannot spoil another's fixture.
export type World = {
  db: Db;
  a: Brand;
  b: Brand;
  people: Record<Exclude<Persona, "signed-out">, Person>;
  /** writeA acts as brand A's agent, writeB as brand B's admin (the outsider). */
  tokens: { ingestA: string; readA: string; readB: string; ingestB: string; writeA: string; writeB: string };
  telegramA: { id: number; secret: string };
  vkA: { id: number; secret: string };
  conversation: (brand?: Brand) => Promise<{ conversationId: number; messageId: number }>;
  /** A negative public comment, no link, on a platform channel whose hide needs no network (demo credentials). */
  negativeComment: () => Promise<{ conversationId: number; messageId: number }>;
  failedReply: () => Promise<number>;
  escalation: () => Promise<number>;
  contact: () => Promise<number>;
  slaCalendar: () => Promise<number>;
  slaPolicy: () => Promise<number>;
  webChannel: () => Promise<number>;
  person: (role?: Role) => Promise<Person>;
  notification: (userId: number, brand?: Brand) => number;
};

export async function makeWorld(db: Db): Promise<World> {
  const a = await createBrand({ db, slug: `authz-a-${hex()}`, name: "Authz A", actor: cliActor });
  const b = await createBrand({ db, slug: `authz-b-${hex()}`, name: "Authz B", actor: cliActor });
  const person = async (role: Role = "agent", brand: Brand = a): Promise<Person> => {
    const email = `${role}-${hex()}@authz.test`;
    const user = await createUser({ db, email, password: "authz-password-42", name: `${role} ${email}`, actor: cliActor });
    await setMembership({ db, userId: user.id, brandId: brand.id, role, actor: cliActor });
    return { id: user.id, email };
  };
  const people = { agent: await person("agent"), manager: await person("manager"), admin: await person("admin"), outsider: await person("admin", b) };
  const addChannel = async (kind: "telegram" | "vk", credentials: Record<string, string>) => {
    const [row] = await db.transaction((tx) =>
      tx.insert(channels).values({ brandId: a.id, kind, name: kind, accountId: hex(), credentials: encryptCredentials(credentials) }).returning({ id: channels.id }),
    );
    return row.id;
  };
  const telegramA = { id: await addChannel("telegram", { botToken: "1:authz", webhookSecret: "tg-authz-secret" }), secret: "tg-authz-secret" };
  const vkA = { id: await addChannel("vk", { accessToken: "vk", confirmationCode: "c0de", secret: "vk-authz-secret" }), secret: "vk-authz-secret" };
  const conversation = async (brand: Brand = a) => {
    const [outcome] = await ingestBatch({
      db,
      brandId: brand.id,
      items: [
        {
          channelId: sqlite(db).prepare("SELECT id FROM channels WHERE brand_id = ? AND kind = 'api'").pluck().get(brand.id) as number,
          event: inboundEventSchema.parse({ externalId: `authz-${hex()}`, text: "Where is my refund?", createdAt: new Date().toISOString(), author: { id: `cust-${hex()}`, name: "Customer" } }),
        },
      ],
    });
    return { conversationId: Number(outcome.conversationId), messageId: Number(outcome.messageId) };
  };
  const [platform] = await db.transaction((tx) =>
    tx.insert(channels).values({ brandId: a.id, kind: "facebook", name: "Page", accountId: hex(), credentials: encryptCredentials({ demo: "1" }) }).returning({ id: channels.id }),
  );
  const negativeComment = async () => {
    const [outcome] = await ingestBatch({
      db,
      brandId: a.id,
      classifyText: () => ({ language: "en", category: "request", complaint: true, sentiment: "negative", sentimentScore: -0.9, confidence: 0.9, reasons: [], modelVersion: "authz" }),
      items: [{ channelId: platform.id, event: inboundEventSchema.parse({ externalId: `authz-neg-${hex()}`, text: "Three hours on hold, awful service", createdAt: new Date().toISOString(), author: { id: `cust-${hex()}`, name: "Customer" } }) }],
    });
    return { conversationId: Number(outcome.conversationId), messageId: Number(outcome.messageId) };
  };
  const failedReply = async () => {
    const { conversationId } = await conversation();
    const row = sqlite(db).prepare("SELECT channel_id, current_cycle_id FROM conversations WHERE id = ?").get(conversationId) as { channel_id: number; current_cycle_id: number };
    const now = Date.now();
    return Number(
      sqlite(db)
        .prepare(
          `INSERT INTO messages (conversation_id, brand_id, channel_id, cycle_id, direction, visibility, user_id, text, created_at, received_at, delivery_state, idempotency_key, attempts, last_error)
           VALUES (?, ?, ?, ?, 'outbound', 'public', ?, 'Sorry!', ?, ?, 'failed', ?, 8, 'HTTP 500')`,
        )
        .run(conversationId, a.id, row.channel_id, row.current_cycle_id, people.agent.id, now, now, crypto.randomUUID()).lastInsertRowid,
    );
  };
  const escalation = async () => {
    const { conversationId, messageId } = await conversation();
    return Number(
      sqlite(db)
        .prepare("INSERT INTO escalations (brand_id, conversation_id, message_id, level, reason, cues, status, created_at) VALUES (?, ?, ?, 1, 'authz', '[]', 'open', ?)")
        .run(a.id, conversationId, messageId, Date.now()).lastInsertRowid,
    );
  };
  const contact = async () => {
    const { conversationId } = await conversation();
    return sqlite(db).prepare("SELECT contact_id FROM conversations WHERE id = ?").pluck().get(conversationId) as number;
  };
  const webChannel = async () => {
    const [row] = await db.transaction((tx) => tx.insert(channels).values({ brandId: a.id, kind: "web", name: `web-${hex()}` }).returning({ id: channels.id }));
    return row.id;
  };
  const adminSession = async () => (await loadSessionUser({ db, userId: people.admin.id }))!;
  const slaCalendar = async () =>
    (await createCalendar({ db, user: await adminSession(), brandId: a.id, input: { name: `cal-${hex()}`, timezone: "UTC", intervals: null, holidays: [] } as CalendarInput })).id;
  const slaPolicy = async () =>
    (
      await createPolicy({
        db,
        user: await adminSession(),
        brandId: a.id,
        input: { name: `pol-${hex()}`, firstResponseSeconds: 3600, nextResponseSeconds: null, atRiskShare: 0.75, calendarId: null, channelId: await webChannel(), category: null, priority: null } as PolicyInput,
      })
    ).id;
  const notification = (userId: number, brand: Brand = a) =>
    Number(sqlite(db).prepare("INSERT INTO notifications (user_id, brand_id, kind, text, created_at) VALUES (?, ?, 'mention', 'authz', ?)").run(userId, brand.id, Date.now()).lastInsertRowid);
  return {
    db,
    a,
    b,
    people,
    tokens: {
      ingestA: await createToken({ db, brandId: a.id, name: "ingest", scopes: ["ingest"], actor: cliActor }),
      readA: await createToken({ db, brandId: a.id, name: "read", scopes: ["read"], actor: cliActor }),
      readB: await createToken({ db, brandId: b.id, name: "read", scopes: ["read"], actor: cliActor }),
      ingestB: await createToken({ db, brandId: b.id, name: "ingest", scopes: ["ingest"], actor: cliActor }),
      writeA: await createToken({ db, brandId: a.id, name: "write", scopes: ["write"], actsAs: people.agent.email, actor: cliActor }),
      writeB: await createToken({ db, brandId: b.id, name: "write", scopes: ["write"], actsAs: people.outsider.email, actor: cliActor }),
    },
    telegramA,
    vkA,
    conversation,
    negativeComment,
    failedReply,
    escalation,
    contact,
    slaCalendar,
    slaPolicy,
    webChannel,
    person,
    notification,
  };
}

function hex() {
  return crypto.randomBytes(4).toString("hex");
}

// Every row of every table (or of `only`), hashed: "a refused call changed nothing" without
// knowing what it would have touched.
export function dbFingerprint(db: Db, { only }: { only?: string[] } = {}): string {
  const hash = crypto.createHash("sha256");
  const tables = only ?? (sqlite(db).prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name").pluck().all() as string[]);
  for (const table of tables) hash.update(table + JSON.stringify(sqlite(db).prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all()));
  return hash.digest("hex");
}

export const STORED = ["messages", "conversations", "contacts", "response_cycles", "escalations"];
