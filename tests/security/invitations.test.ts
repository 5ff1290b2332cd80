import { describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/access";
import type { Principal } from "@/lib/auth/authorize";
import { checkSignIn } from "@/lib/auth/sign-in";
import { startSession } from "@/lib/auth/sessions";
import { isAppError } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/team/account";
import { answerInvitation, cancelInvitation, inviteMember, listMyInvitations, listPendingInvitations } from "@/lib/team/invitations";
import { addMember, listMembers, resetMemberPassword, setMemberActive } from "@/lib/team/members";
import type { Db } from "@/db/client";
import { makeBrand, makeMember, testDb } from "../helpers/db";

async function asMember(db: Db, userId: number): Promise<Principal> {
  return { kind: "member", user: (await loadSessionUser({ db, userId }))! };
}

// Finding 7 of the security review: an admin of one brand added another brand's user by e-mail,
// learning that the account exists, and took account-wide control away from that user's own admins.
describe("adding someone by e-mail is an invitation", () => {
  it("answers the same for an existing and a new account, and joins nobody until they accept", async () => {
    const { db } = testDb();
    const a = await makeBrand({ db });
    const b = await makeBrand({ db });
    const adminA = await asMember(db, (await makeMember({ db, brandId: a.id, role: "admin" })).id);
    const theirs = await makeMember({ db, brandId: b.id, role: "agent" });
    const existing = await inviteMember({ db, actor: adminA, brandId: a.id, email: theirs.email.toUpperCase(), role: "manager" });
    const fresh = await inviteMember({ db, actor: adminA, brandId: a.id, email: "nobody-yet@example.test", role: "manager" });
    expect(Object.keys(existing)).toEqual(Object.keys(fresh));
    expect(existing.password).toMatch(/^\S{14,}$/);
    expect(fresh.password).toMatch(/^\S{14,}$/);
    // Both wait for an answer; neither is a member yet.
    expect((await listPendingInvitations({ db, actor: adminA, brandId: a.id })).map((i) => i.email).sort()).toEqual(["nobody-yet@example.test", theirs.email].sort());
    expect((await listMembers({ db, brandId: a.id })).map((m) => m.email)).not.toContain(theirs.email);
    // The existing account keeps its own password; the one shown to the admin opens nothing.
    expect(await checkSignIn({ db, email: theirs.email, password: existing.password, address: "192.0.2.1" })).toEqual({ ok: false, reason: "invalid" });
    expect((await checkSignIn({ db, email: theirs.email, password: theirs.password, address: "192.0.2.1" })).ok).toBe(true);

    const [invitation] = await listMyInvitations({ db, userId: theirs.id });
    expect(invitation).toMatchObject({ brandName: a.name, role: "manager" });
    // Nobody else can answer it.
    const stranger = await makeMember({ db, brandId: b.id, role: "agent" });
    expect(isAppError(await answerInvitation({ db, userId: stranger.id, id: invitation.id, accept: true }).catch((e) => e))).toBe(true);
    await answerInvitation({ db, userId: theirs.id, id: invitation.id, accept: true });
    expect((await listMembers({ db, brandId: a.id })).find((m) => m.email === theirs.email)?.role).toBe("manager");
    expect(await listMyInvitations({ db, userId: theirs.id })).toEqual([]);
  });

  it("lets the invitee decline and the admin withdraw, and refuses a current member", async () => {
    const { db } = testDb();
    const a = await makeBrand({ db });
    const adminA = await asMember(db, (await makeMember({ db, brandId: a.id, role: "admin" })).id);
    const one = await makeMember({ db, brandId: (await makeBrand({ db })).id, role: "agent" });
    const two = await makeMember({ db, brandId: (await makeBrand({ db })).id, role: "agent" });
    await inviteMember({ db, actor: adminA, brandId: a.id, email: one.email, role: "agent" });
    await inviteMember({ db, actor: adminA, brandId: a.id, email: two.email, role: "agent" });
    await answerInvitation({ db, userId: one.id, id: (await listMyInvitations({ db, userId: one.id }))[0].id, accept: false });
    const pending = await listPendingInvitations({ db, actor: adminA, brandId: a.id });
    expect(pending.map((i) => i.email)).toEqual([two.email]);
    await cancelInvitation({ db, actor: adminA, brandId: a.id, id: pending[0].id });
    expect(await listMyInvitations({ db, userId: two.id })).toEqual([]);
    expect((await listMembers({ db, brandId: a.id })).map((m) => m.email)).not.toContain(one.email);
    const member = await makeMember({ db, brandId: a.id, role: "agent" });
    const conflict = await inviteMember({ db, actor: adminA, brandId: a.id, email: member.email, role: "admin" }).catch((e) => e);
    expect(isAppError(conflict) && conflict.status).toBe(409);
    // The direct add is the operator's (admin CLI), not a brand admin's.
    expect(isAppError(await addMember({ db, actor: adminA, brandId: a.id, email: one.email, role: "agent" }).catch((e) => e))).toBe(true);
  });

  it("keeps the account with its own brand's admins after it joins another brand", async () => {
    const { db } = testDb();
    const home = await makeBrand({ db });
    const other = await makeBrand({ db });
    const homeAdmin = await asMember(db, (await makeMember({ db, brandId: home.id, role: "admin" })).id);
    const otherAdmin = await asMember(db, (await makeMember({ db, brandId: other.id, role: "admin" })).id);
    // The home brand makes the account; setting their own password takes up that invitation.
    const made = await inviteMember({ db, actor: homeAdmin, brandId: home.id, email: "hired@example.test", role: "agent" });
    const signIn = await checkSignIn({ db, email: "hired@example.test", password: made.password, address: "192.0.2.2" });
    if (!signIn.ok) throw new Error("the one-time password did not sign in");
    const userId = signIn.userId;
    await changeOwnPassword({ db, userId, sessionId: await startSession({ db, userId }), current: made.password, next: "Hired-own-pass-55" });
    expect((await listMembers({ db, brandId: home.id })).map((m) => m.userId)).toContain(userId);
    // Another brand invites them and they accept.
    await inviteMember({ db, actor: otherAdmin, brandId: other.id, email: "hired@example.test", role: "agent" });
    await answerInvitation({ db, userId, id: (await listMyInvitations({ db, userId }))[0].id, accept: true });
    // The inviting brand's admin cannot take the account over ...
    const takeover = await resetMemberPassword({ db, actor: otherAdmin, brandId: other.id, userId }).catch((e) => e);
    expect(isAppError(takeover) && takeover.status).toBe(403);
    // ... and its own admins still deactivate and reset it.
    await setMemberActive({ db, actor: homeAdmin, brandId: home.id, userId, active: false });
    await setMemberActive({ db, actor: homeAdmin, brandId: home.id, userId, active: true });
    expect((await resetMemberPassword({ db, actor: homeAdmin, brandId: home.id, userId })).password).toMatch(/\S{14,}/);
  });
});
