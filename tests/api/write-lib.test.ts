import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiIdempotency, brands, messages } from "@/db/schema";
import { authenticateBearer, createToken, type TokenPrincipal } from "@/lib/auth/tokens";
import { cliActor } from "@/lib/audit/record";
import { ingestApiEvents } from "@/lib/api/events";
import { oncePerKey } from "@/lib/api/idempotency";
import { apiReply } from "@/lib/api/write";
import { inboundEventSchema } from "@/lib/ingest/event";
import { isAppError } from "@/lib/errors";
import { barrier } from "../helpers/barrier";
import { makeBrand, makeMember, onPostgres, openAgain, testDb } from "../helpers/db";

// The idempotent reply on whichever engine the run uses (SQLite, or PostgreSQL with
// vitest.postgres.config.ts): rows arranged and read through db/ and lib/ only.
let db: Db;
let file: string;
let token: TokenPrincipal;
let brandId: number;

async function conversation(): Promise<number> {
  const event = inboundEventSchema.parse({ externalId: `lib-${crypto.randomUUID()}`, text: "Where is my bag?", createdAt: new Date().toISOString(), author: { id: `c-${crypto.randomUUID()}` } });
  const { events } = await ingestApiEvents({ db, brandId, events: [event] });
  return Number(events[0].conversationId);
}

const replies = async (conversationId: number) => db.$count(messages, and(eq(messages.conversationId, conversationId), eq(messages.direction, "outbound")));

const reply = (id: number, key: string, text: string) =>
  apiReply({ db, token, id, body: { text, visibility: "public" }, raw: { text, visibility: "public" }, path: `/api/v1/conversations/${id}/replies`, idempotencyKey: key });

beforeAll(async () => {
  ({ db, file } = testDb());
  const brand = await makeBrand({ db });
  brandId = brand.id;
  const agent = await makeMember({ db, brandId, role: "agent" });
  const secret = await createToken({ db, brandId, name: "bot", scopes: ["write"], actsAs: agent.email, actor: cliActor });
  token = await authenticateBearer({ db, header: `Bearer ${secret}` });
});

describe("apiReply once per Idempotency-Key", () => {
  it("queues one reply for two identical requests and refuses the key for another body", async () => {
    const id = await conversation();
    const first = await reply(id, "k-1", "On its way");
    const again = await reply(id, "k-1", "On its way");
    expect(first).toMatchObject({ status: 201, replayed: false });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await replies(id)).toBe(1);
    const refused = await reply(id, "k-1", "Something else").catch((error: unknown) => error);
    expect(isAppError(refused) && refused.status).toBe(422);
    expect(await replies(id)).toBe(1);
    expect(await db.$count(apiIdempotency, eq(apiIdempotency.key, "k-1"))).toBe(1);
  });

  it("stores nothing for a refused request, so its key may be used again", async () => {
    const missing = await reply(999_999_999, "k-2", "Hello").catch((error: unknown) => error);
    expect(isAppError(missing) && missing.status).toBe(404);
    expect(await db.$count(apiIdempotency, eq(apiIdempotency.key, "k-2"))).toBe(0);
    const id = await conversation();
    expect((await reply(id, "k-2", "Hello")).status).toBe(201);
  });

  // Two servers get the same new key at the same instant (a client retrying on a timeout): both
  // find no stored answer and write; the unique index refuses the later one, which runs again and
  // replays the first answer instead of answering 500.
  it.runIf(onPostgres())("replays the first answer to a second server that raced it with the same new key", async () => {
    const servers = [db, openAgain(file)];
    const bothRead = barrier(2);
    let runs = 0;
    const request = { method: "PATCH", path: "/race", body: { name: "Raced" } };
    const call = (server: number) =>
      oncePerKey({
        db: servers[server],
        tokenId: token.tokenId,
        brandId,
        key: "k-race",
        request,
        run: async (tx) => {
          runs++;
          if (runs <= 2) await bothRead();
          await tx.update(brands).set({ name: `Raced ${server}` }).where(eq(brands.id, brandId));
          return { status: 200, body: { server } };
        },
      });
    const answers = await Promise.all([call(0), call(1)]);
    expect(runs).toBe(2);
    expect(answers.map((answer) => answer.replayed).sort()).toEqual([false, true]);
    expect(answers[0].body).toEqual(answers[1].body);
    expect(await db.$count(apiIdempotency, eq(apiIdempotency.key, "k-race"))).toBe(1);
  });
});
