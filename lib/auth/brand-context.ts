import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { requireMembership, roleAtLeast, type Membership, type SessionUser } from "./access";

// The brand a page works on: ?brand=slug, else the user's first brand.
export function currentMembership({ user, slug }: { user: SessionUser; slug?: string | null }): Membership {
  const membership = slug ? user.memberships.find((m) => m.slug === slug) : user.memberships[0];
  if (!membership) throw new AppError("not_found:brand");
  return membership;
}

export function currentMembershipWithRole({ user, slug, role }: { user: SessionUser; slug?: string | null; role: Role }): Membership {
  const membership = currentMembership({ user, slug });
  return requireMembership({ user, brandId: membership.brandId, role });
}

export function hasRole(membership: Membership, role: Role): boolean {
  return roleAtLeast(membership.role, role);
}
