import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, database, type Db } from "@/db/client";
import { loadSessionUser } from "@/lib/auth/access";
import { notify } from "@/lib/notifications/notify";
import { resetSecretsCache } from "@/lib/security/secrets";
import { makeBrand, makeMember, tempDir } from "../helpers/db";
import { session } from "../helpers/actions";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/actions")).sessionModule());

const { loadNotificationsAction, markNotificationsReadAction } = await import("@/app/(app)/notifications-actions");

let db: Db;
beforeAll(() => {
  closeDatabase();
  process.env.DATABASE_PATH = path.join(tempDir(), "bell.db");
  process.env.AUTH_SECRET = "bell-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "bell-credentials-key-0123456789abcdef";
  resetSecretsCache();
  db = database();
});
beforeEach(() => {
  session.user = null;
});

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

describe("notification bell actions", () => {
  it("load the user's own notifications with links: the queue for a manager, the conversation for an agent", async () => {
    const brand = await makeBrand({ db });
    const manager = await makeMember({ db, brandId: brand.id, role: "manager" });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [manager.id, agent.id], kind: "escalation", text: "Escalation: “awful”", conversationId: 11, escalationId: 5 }));
    await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [agent.id], kind: "assignment", text: "Assigned to you", conversationId: 12 }));

    session.user = await loadSessionUser({ db, userId: manager.id });
    const mine = await loadNotificationsAction();
    expect(mine.unread).toBe(1);
    expect(mine.items.map((i) => i.href)).toEqual([`/escalations?brand=${brand.slug}#escalation-5`]);

    session.user = await loadSessionUser({ db, userId: agent.id });
    const theirs = await loadNotificationsAction();
    expect(theirs.unread).toBe(2);
    expect(theirs.items.map((i) => i.href).sort()).toEqual([`/inbox?brand=${brand.slug}&c=11`, `/inbox?brand=${brand.slug}&c=12`]);
  });

  it("mark read only the caller's notifications, and refuse a signed-out caller", async () => {
    const brand = await makeBrand({ db });
    const me = await makeMember({ db, brandId: brand.id, role: "agent" });
    const other = await makeMember({ db, brandId: brand.id, role: "agent" });
    const [mine] = await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [me.id], kind: "mention", text: "a" }));
    await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [me.id], kind: "mention", text: "b" }));
    const [theirs] = await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [other.id], kind: "mention", text: "c" }));

    await expect(markNotificationsReadAction(null, form({}))).rejects.toThrow();
    session.user = await loadSessionUser({ db, userId: me.id });
    expect(await markNotificationsReadAction(null, form({ ids: `${mine},${theirs}` }))).toEqual({ ok: "1 notification marked read." });
    expect((await markNotificationsReadAction(null, form({ ids: "x,1" })))?.error).toBeTruthy();
    expect(await markNotificationsReadAction(null, form({}))).toEqual({ ok: "1 notification marked read." });
    expect((await loadNotificationsAction()).unread).toBe(0);
    session.user = await loadSessionUser({ db, userId: other.id });
    expect((await loadNotificationsAction()).unread).toBe(1);
  });
});
