import { describe, expect, it } from "vitest";
import { cliActor } from "@/lib/audit/record";
import { SESSION_IDLE_MS, SESSION_MAX_MS, checkSession, endAllOwnSessions, endOwnSession, endSession, listOpenSessions, startSession } from "@/lib/auth/sessions";
import { streamBrands } from "@/lib/realtime/access";
import { changeOwnPassword } from "@/lib/team/account";
import { removeMember, resetMemberPassword, setMemberActive } from "@/lib/team/members";
import { removeMembership, setMembership, setPassword } from "@/lib/team/users";
import { isAppError } from "@/lib/errors";
import { loadSessionUser } from "@/lib/auth/access";
import { makeBrand, makeMember, testDb } from "../helpers/db";

const HOUR = 60 * 60 * 1000;

describe("sessions that end", () => {
  it("ends one session at sign-out and leaves the others", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const user = await makeMember({ db, brandId: brand.id, role: "agent" });
    const laptop = await startSession({ db, userId: user.id, userAgent: "Firefox", address: "10.0.0.1" });
    const phone = await startSession({ db, userId: user.id });
    expect(await checkSession({ db, sessionId: laptop, userId: user.id })).toBe(true);
    await endSession({ db, sessionId: laptop });
    expect(await checkSession({ db, sessionId: laptop, userId: user.id })).toBe(false);
    expect(await checkSession({ db, sessionId: phone, userId: user.id })).toBe(true);
    expect((await listOpenSessions({ db, userId: user.id })).map((s) => s.id)).toEqual([phone]);
  });

  it("refuses a session id presented for another user", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const a = await makeMember({ db, brandId: brand.id, role: "agent" });
    const b = await makeMember({ db, brandId: brand.id, role: "agent" });
    const sid = await startSession({ db, userId: a.id });
    expect(await checkSession({ db, sessionId: sid, userId: b.id })).toBe(false);
    expect(await endOwnSession({ db, userId: b.id, sessionId: sid })).toBe(false);
    expect(await checkSession({ db, sessionId: sid, userId: a.id })).toBe(true);
  });

  it("ends after 12 idle hours, and after 7 days however often it is used", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const user = await makeMember({ db, brandId: brand.id, role: "agent" });
    const start = new Date("2026-03-01T08:00:00Z");
    const idle = await startSession({ db, userId: user.id, now: start });
    expect(await checkSession({ db, sessionId: idle, userId: user.id, now: new Date(start.getTime() + SESSION_IDLE_MS + 1) })).toBe(false);
    const busy = await startSession({ db, userId: user.id, now: start });
    for (let t = 0; t < SESSION_MAX_MS; t += 6 * HOUR) expect(await checkSession({ db, sessionId: busy, userId: user.id, now: new Date(start.getTime() + t) })).toBe(true);
    expect(await checkSession({ db, sessionId: busy, userId: user.id, now: new Date(start.getTime() + SESSION_MAX_MS) })).toBe(false);
  });

  it("ends every session at deactivation and at a password reset by an admin", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const admin = await makeMember({ db, brandId: brand.id, role: "admin" });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    const actor = { kind: "member" as const, user: (await loadSessionUser({ db, userId: admin.id }))! };
    const first = await startSession({ db, userId: agent.id });
    await resetMemberPassword({ db, actor, brandId: brand.id, userId: agent.id });
    expect(await checkSession({ db, sessionId: first, userId: agent.id })).toBe(false);
    const second = await startSession({ db, userId: agent.id });
    await setMemberActive({ db, actor, brandId: brand.id, userId: agent.id, active: false });
    expect(await checkSession({ db, sessionId: second, userId: agent.id })).toBe(false);
    // Reactivation does not bring an ended session back.
    await setMemberActive({ db, actor, brandId: brand.id, userId: agent.id, active: true });
    expect(await checkSession({ db, sessionId: second, userId: agent.id })).toBe(false);
  });

  it("keeps the session of the person changing their own password and ends the others", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const user = await makeMember({ db, brandId: brand.id, role: "agent" });
    const here = await startSession({ db, userId: user.id });
    const there = await startSession({ db, userId: user.id });
    const wrong = await changeOwnPassword({ db, userId: user.id, sessionId: here, current: "not-it-123", next: "brand-new-pass-9" }).catch((e) => e);
    expect(isAppError(wrong) && wrong.status).toBe(400);
    expect(await checkSession({ db, sessionId: there, userId: user.id })).toBe(true);
    await changeOwnPassword({ db, userId: user.id, sessionId: here, current: user.password, next: "brand-new-pass-9" });
    expect(await checkSession({ db, sessionId: here, userId: user.id })).toBe(true);
    expect(await checkSession({ db, sessionId: there, userId: user.id })).toBe(false);
    expect((await loadSessionUser({ db, userId: user.id }))!.mustChangePassword).toBe(false);
  });

  it("signs out everywhere", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const user = await makeMember({ db, brandId: brand.id, role: "agent" });
    const ids = [await startSession({ db, userId: user.id }), await startSession({ db, userId: user.id })];
    await setPassword({ db, userId: user.id, password: "another-pass-77", mustChangePassword: false, keepSessionId: ids[0], actor: cliActor });
    expect(await checkSession({ db, sessionId: ids[0], userId: user.id })).toBe(true);
    expect(await endAllOwnSessions({ db, userId: user.id })).toBe(1);
    expect(await listOpenSessions({ db, userId: user.id })).toEqual([]);
  });
});

describe("the live stream's access on every tick", () => {
  it("drops a brand the user is removed from and stops when the session ends", async () => {
    const { db } = testDb();
    const a = await makeBrand({ db });
    const b = await makeBrand({ db });
    const admin = await makeMember({ db, brandId: a.id, role: "admin" });
    const agent = await makeMember({ db, brandId: a.id, role: "agent" });
    await setMembership({ db, userId: agent.id, brandId: b.id, role: "agent", actor: cliActor });
    const sid = await startSession({ db, userId: agent.id });
    expect((await streamBrands({ db, sessionId: sid, userId: agent.id }))!.sort()).toEqual([a.id, b.id].sort());
    await removeMembership({ db, userId: agent.id, brandId: b.id, actor: cliActor });
    expect(await streamBrands({ db, sessionId: sid, userId: agent.id })).toEqual([a.id]);
    const actor = { kind: "member" as const, user: (await loadSessionUser({ db, userId: admin.id }))! };
    await removeMember({ db, actor, brandId: a.id, userId: agent.id });
    expect(await streamBrands({ db, sessionId: sid, userId: agent.id })).toEqual([]);
    await endSession({ db, sessionId: sid });
    expect(await streamBrands({ db, sessionId: sid, userId: agent.id })).toBeNull();
  });

  it("stops past the session's idle expiry", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    const start = new Date();
    const sid = await startSession({ db, userId: agent.id, now: start });
    expect(await streamBrands({ db, sessionId: sid, userId: agent.id, now: new Date(start.getTime() + SESSION_IDLE_MS + 1000) })).toBeNull();
  });
});
