import { describe, expect, it } from "vitest";
import { loadSessionUser, requireMembership, roleAtLeast } from "@/lib/auth/access";
import { authenticateBearer, createToken, requireScope, revokeToken } from "@/lib/auth/tokens";
import { setMembership } from "@/lib/team/users";
import { requireAccountAuthority } from "@/lib/team/members";
import { cliActor } from "@/lib/audit/record";
import { isAppError } from "@/lib/errors";
import { makeBrand, makeMember, testDb, sqlite } from "../helpers/db";

function errorOf(fn: () => unknown): { status: number; message: string } | null {
  try {
    fn();
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
    const a = makeBrand({ db });
    const b = makeBrand({ db });
    const c = makeBrand({ db });
    const user = await makeMember({ db, brandId: a.id, role: "agent" });
    setMembership({ db, userId: user.id, brandId: b.id, role: "admin", actor: cliActor });
    const session = loadSessionUser({ db, userId: user.id })!;
    expect(session.memberships.map((m) => [m.brandId, m.role]).sort()).toEqual([[a.id, "agent"], [b.id, "admin"]].sort());
    expect(errorOf(() => requireMembership({ user: session, brandId: a.id, role: "manager" }))?.status).toBe(403);
    expect(errorOf(() => requireMembership({ user: session, brandId: b.id, role: "admin" }))).toBeNull();
    expect(errorOf(() => requireMembership({ user: session, brandId: c.id }))?.status).toBe(404);
  });

  it("lets account-wide changes only to admins of every brand of the person", async () => {
    const { db } = testDb();
    const a = makeBrand({ db });
    const b = makeBrand({ db });
    const admin = await makeMember({ db, brandId: a.id, role: "admin" });
    const person = await makeMember({ db, brandId: a.id, role: "agent" });
    const adminSession = loadSessionUser({ db, userId: admin.id })!;
    expect(errorOf(() => requireAccountAuthority({ db, actor: adminSession, userId: person.id }))).toBeNull();
    setMembership({ db, userId: person.id, brandId: b.id, role: "agent", actor: cliActor });
    expect(errorOf(() => requireAccountAuthority({ db, actor: adminSession, userId: person.id }))?.status).toBe(403);
  });
});

describe("API tokens", () => {
  it("stores only a hash, authenticates, checks scopes and revokes", () => {
    const { db } = testDb();
    const brand = makeBrand({ db });
    const token = createToken({ db, brandId: brand.id, name: "ingest-only", scopes: ["ingest"], actor: cliActor });
    const stored = sqlite(db).prepare("SELECT token_hash FROM api_tokens").get() as { token_hash: string };
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(sqlite(db).prepare("SELECT * FROM audit_log").all())).not.toContain(token);
    const principal = authenticateBearer({ db, header: `Bearer ${token}` });
    expect(principal.brandId).toBe(brand.id);
    expect(errorOf(() => requireScope(principal, "read"))?.status).toBe(403);
    expect(errorOf(() => authenticateBearer({ db, header: "Bearer rh_wrong" }))?.status).toBe(401);
    expect(errorOf(() => authenticateBearer({ db, header: null }))?.status).toBe(401);
    revokeToken({ db, brandId: brand.id, name: "ingest-only", actor: cliActor });
    expect(errorOf(() => authenticateBearer({ db, header: `Bearer ${token}` }))?.status).toBe(401);
  });
});
