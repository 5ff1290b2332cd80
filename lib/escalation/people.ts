import type Database from "better-sqlite3";
import { prepared } from "./sql";

export type Audience = { to: "managers" | "admins" | "assignee" | "users"; userIds: number[] };

/**
 * Active members of the brand an action addresses. Level 1 is the managers, level 2 the admins;
 * a brand without managers sends level 1 to its admins so nobody is missed. Named people who
 * left the brand or were disabled are skipped.
 */
export function audienceUserIds(sqlite: Database.Database, { brandId, audience, assigneeId }: { brandId: number; audience: Audience; assigneeId?: number | null }): number[] {
  if (audience.to === "users" || audience.to === "assignee") {
    const wanted = audience.to === "users" ? audience.userIds : assigneeId ? [assigneeId] : [];
    return wanted.filter((userId) => isActiveMember(sqlite, brandId, userId));
  }
  const role = audience.to === "managers" ? "manager" : "admin";
  const ids = byRole(sqlite, brandId, role);
  return ids.length || role === "admin" ? ids : byRole(sqlite, brandId, "admin");
}

export function levelAudience(level: number, userIds: number[] = []): Audience {
  if (userIds.length) return { to: "users", userIds };
  return { to: level >= 2 ? "admins" : "managers", userIds: [] };
}

function byRole(sqlite: Database.Database, brandId: number, role: string): number[] {
  const rows = prepared(
    sqlite,
    "SELECT m.user_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.brand_id = ? AND m.role = ? AND u.disabled = 0 ORDER BY m.user_id",
  ).all(brandId, role) as { id: number }[];
  return rows.map((r) => r.id);
}

export function isActiveMember(sqlite: Database.Database, brandId: number, userId: number): boolean {
  return !!prepared(sqlite, "SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.brand_id = ? AND m.user_id = ? AND u.disabled = 0").get(brandId, userId);
}

export function emailsOf(sqlite: Database.Database, userIds: number[]): string[] {
  return userIds
    .map((id) => (prepared(sqlite, "SELECT email FROM users WHERE id = ?").get(id) as { email: string } | undefined)?.email)
    .filter((e): e is string => !!e);
}
