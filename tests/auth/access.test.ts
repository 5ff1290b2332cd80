import { describe, expect, it } from "vitest";
import { loadSessionUser, requireMembership, roleAtLeast } from "@/lib/auth/access";
import { authenticateBearer, createToken, requireScope, revokeToken } from "@/lib/auth/tokens";
import { setMembership } from "@/lib/team/users";
import { requireAccountAuthority } from "@/lib/team/members";
import { cliActor } from "@/lib/audit/record";
import { isAppError } from "@/lib/errors";
import { makeBrand, makeMember, testDb, row, rows } from "../helpers/db";

async function errorOf(fn: () => unknown): Promise<{ status: number; message: string } | null> {
  try {
    await fn();
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { status: error.status, message: error.message };
  }
}

describe("roles and brand membership", () => {
  it("orders roles agent < manager < admin", () => {
    expect(roleAtLeast("admin", "manager")).toBe(true);
    expect(roleAtLeast("agent", "manager")).toBe(false);
    expect(roleAtLeast("manager", "manager")).toBe(true);
  });

  it("gives a different role per brand and 404 for other brands", async () => {
    const { db } = testDb();
    const a = await makeBrand({ db });
    const b = await makeBrand({ db });
    const c = await makeBrand({ db });
    const user = await makeMember({ db, brandId: a.id, role: "agent" });
    await setMembership({ db, userId: user.id, brandId: b.id, role: "admin", actor: cliActor });
    const session = (await loadSessionUser({ db, userId: user.id }))!;
    expect(session.memberships.map((m) => [m.brandId, m.role]).sort()).toEqual([[a.id, "agent"], [b.id, "admin"]].sort());
    expect((await errorOf(() => requireMembership({ user: session, brandId: a.id, role: "manager" })))?.status).toBe(403);
    expect(await errorOf(() => requireMembership({ user: session, brandId: b.id, role: "admin" }))).toBeNull();
    expect((await errorOf(() => requireMembership({ user: session, brandId: c.id })))?.status).toBe(404);
  });

  it("lets account-wide changes only to admins of every brand of the person", async () => {
    const { db } = testDb();
    const a = await makeBrand({ db });
    const b = await makeBrand({ db });
    const admin = await makeMember({ db, brandId: a.id, role: "admin" });
    const person = await makeMember({ db, brandId: a.id, role: "agent" });
    const adminSession = (await loadSessionUser({ db, userId: admin.id }))!;
    expect(await errorOf(() => requireAccountAuthority({ db, actor: { kind: "member", user: adminSession }, userId: person.id }))).toBeNull();
    await setMembership({ db, userId: person.id, brandId: b.id, role: "agent", actor: cliActor });
    expect((await errorOf(() => requireAccountAuthority({ db, actor: { kind: "member", user: adminSession }, userId: person.id })))?.status).toBe(403);
  });
});

describe("API tokens", () => {
  it("stores only a hash, authenticates, checks scopes and revokes", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const token = await createToken({ db, brandId: brand.id, name: "ingest-only", scopes: ["ingest"], actor: cliActor });
    const stored = (await row<{ token_hash: string }>(db, "SELECT token_hash FROM api_tokens"))!;
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(await rows(db, "SELECT * FROM audit_log"))).not.toContain(token);
    const principal = await authenticateBearer({ db, header: `Bearer ${token}` });
    expect(principal.brandId).toBe(brand.id);
    expect((await errorOf(() => requireScope(principal, "read")))?.status).toBe(403);
    expect((await errorOf(() => authenticateBearer({ db, header: "Bearer rh_wrong" })))?.status).toBe(401);
    expect((await errorOf(() => authenticateBearer({ db, header: null })))?.status).toBe(401);
    await revokeToken({ db, brandId: brand.id, name: "ingest-only", actor: cliActor });
    expect((await errorOf(() => authenticateBearer({ db, header: `Bearer ${token}` })))?.status).toBe(401);
  });
});
