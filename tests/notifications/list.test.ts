import { describe, expect, it } from "vitest";
import { notify } from "@/lib/notifications/notify";
import { listNotifications, markRead, notificationSummary, unreadCount } from "@/lib/notifications/list";
import { removeMembership } from "@/lib/team/users";
import { cliActor } from "@/lib/audit/record";
import { makeBrand, makeMember, testDb, rows, count } from "../helpers/db";

describe("notifications of the signed-in user", () => {
  it("lists the user's own notifications, newest first, with an unread count", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const me = await makeMember({ db, brandId: brand.id, role: "manager" });
    const colleague = await makeMember({ db, brandId: brand.id, role: "manager" });
    await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [me.id, colleague.id], kind: "escalation", text: "Older", at: 1_000 }));
    await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [me.id], kind: "sla_breach", text: "Newer", conversationId: 7, at: 2_000 }));
    await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [colleague.id], kind: "escalation", text: "Not mine", at: 3_000 }));

    const items = await listNotifications({ db, userId: me.id });
    expect(items.map((n) => n.text)).toEqual(["Newer", "Older"]);
    expect(items[0]).toMatchObject({ brandId: brand.id, brandSlug: brand.slug, kind: "sla_breach", conversationId: 7, readAt: null, createdAt: 2_000 });
    expect(await unreadCount({ db, userId: me.id })).toBe(2);
    expect((await notificationSummary({ db, userId: colleague.id })).unread).toBe(2);
  });

  it("marks one or all read for the user only, ignoring other users' ids, with an audit row and a change for other tabs", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const me = await makeMember({ db, brandId: brand.id, role: "manager" });
    const other = await makeMember({ db, brandId: brand.id, role: "manager" });
    const [first] = await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [me.id], kind: "escalation", text: "a" }));
    await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [me.id], kind: "escalation", text: "b" }));
    const [theirs] = await db.transaction((tx) => notify(tx, { brandId: brand.id, userIds: [other.id], kind: "escalation", text: "c" }));
    const actor = { userId: me.id, label: me.email };

    expect(await markRead({ db, userId: me.id, ids: [first, theirs], actor, at: 5_000 })).toBe(1);
    expect(await unreadCount({ db, userId: me.id })).toBe(1);
    expect(await unreadCount({ db, userId: other.id })).toBe(1);
    expect((await listNotifications({ db, userId: me.id })).find((n) => n.id === first)?.readAt).toBe(5_000);
    // Marking again changes nothing.
    expect(await markRead({ db, userId: me.id, ids: [first], actor })).toBe(0);

    expect(await markRead({ db, userId: me.id, actor })).toBe(1);
    expect(await unreadCount({ db, userId: me.id })).toBe(0);
    expect(await unreadCount({ db, userId: other.id })).toBe(1);

    const audits = await rows(db, "SELECT user_id, action FROM audit_log WHERE object_type = 'notification' ORDER BY id");
    expect(audits).toEqual([
      { user_id: me.id, action: "notification.read" },
      { user_id: me.id, action: "notification.read" },
    ]);
    expect(await count(db, "SELECT count(*) FROM changes WHERE kind = 'notification' AND user_id = ? AND object_id IS NULL", me.id)).toBe(2);
  });

  it("drops notifications of a brand the user no longer belongs to", async () => {
    const { db } = testDb();
    const a = await makeBrand({ db });
    const b = await makeBrand({ db });
    const me = await makeMember({ db, brandId: a.id, role: "manager" });
    await db.transaction((tx) => notify(tx, { brandId: a.id, userIds: [me.id], kind: "escalation", text: "from A" }));
    await db.transaction((tx) => notify(tx, { brandId: b.id, userIds: [me.id], kind: "escalation", text: "from B, never a member" }));
    expect((await listNotifications({ db, userId: me.id })).map((n) => n.text)).toEqual(["from A"]);
    expect(await unreadCount({ db, userId: me.id })).toBe(1);
    await removeMembership({ db, userId: me.id, brandId: a.id, actor: cliActor });
    expect(await unreadCount({ db, userId: me.id })).toBe(0);
    expect(await markRead({ db, userId: me.id, actor: cliActor })).toBe(0);
  });
});
