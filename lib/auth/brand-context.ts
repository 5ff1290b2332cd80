import { AppError } from "@/lib/errors";
import { roleAtLeast, type Membership, type SessionUser } from "./access";

// The brand a page works on: ?brand=slug, else the user's first brand.
export function currentMembership({ user, slug }: { user: SessionUser; slug?: string | null }): Membership {
  const membership = slug ? user.memberships.find((m) => m.slug === slug) : user.memberships[0];
  if (!membership) throw new AppError("not_found:brand");
  return membership;
}


export function hasRole(membership: Membership, role: Membership["role"]): boolean {
  return roleAtLeast(membership.role, role);
}
