import type { Role } from "@/db/schema";
import type { Actor as AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { requireMembership, type SessionUser } from "./access";
import type { Scope, TokenPrincipal } from "./tokens";

// Who is acting. The CLI operator holds every role but is bound by the invariants in lib/; the
// system is the worker acting on its own schedule.
export type Principal =
  | { kind: "member"; user: SessionUser }
  | { kind: "token"; token: TokenPrincipal }
  | { kind: "operator" }
  | { kind: "system"; job: string };

export type Need = Role | { scope: Scope };

export type Grant = { brandId: number; role: Role | null; audit: AuditActor };

export const operator: Principal = { kind: "operator" };

// The one check every action, route, CLI and job goes through. A brand the principal cannot
// see is a 404, never a 403; a role or scope too low is a 403.
export function authorize({ actor, brandId, needs }: { actor: Principal; brandId: number; needs: Need }): Grant {
  switch (actor.kind) {
    case "member": {
      const role = typeof needs === "string" ? needs : "agent";
      if (typeof needs !== "string") throw new AppError("forbidden:scope", "This needs an API token.");
      const membership = requireMembership({ user: actor.user, brandId, role });
      return { brandId, role: membership.role, audit: { userId: actor.user.id, label: actor.user.email } };
    }
    case "token": {
      if (actor.token.brandId !== brandId) throw new AppError("not_found:brand");
      if (typeof needs === "string") return authorizeWriteToken(actor.token, brandId, needs);
      if (!actor.token.scopes.includes(needs.scope)) throw new AppError("forbidden:scope", `This token lacks the '${needs.scope}' scope.`);
      return { brandId, role: null, audit: { userId: null, label: `token:${actor.token.name}` } };
    }
    case "operator":
      return { brandId, role: "admin", audit: { userId: null, label: "cli" } };
    case "system":
      return { brandId, role: "admin", audit: { userId: null, label: `system:${actor.job}` } };
  }
}

// A write token does what its member may do, no more: their membership and role in the brand
// decide, and the audit log names them (and the token they acted through).
function authorizeWriteToken(token: TokenPrincipal, brandId: number, role: Role): Grant {
  if (!token.scopes.includes("write")) throw new AppError("forbidden:scope", "This token lacks the 'write' scope.");
  if (!token.member) throw new AppError("forbidden:member", "The member this token acts as is disabled or gone.");
  const membership = requireMembership({ user: token.member, brandId, role });
  return { brandId, role: membership.role, audit: { userId: token.member.id, label: `${token.member.email} (token:${token.name})` } };
}
