import type { Db } from "@/db/client";

export type Teammate = { id: number; name: string; available: boolean };

// Active members of the brand, for the assign menus.
export function brandTeammates({ db, brandId }: { db: Db; brandId: number }): Teammate[] {
  return (
    db.$client
      .prepare(
        `SELECT u.id, u.name, u.available FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.brand_id = ? AND u.disabled = 0 ORDER BY u.name COLLATE NOCASE`,
      )
      .all(brandId) as { id: number; name: string; available: number }[]
  ).map((r) => ({ id: r.id, name: r.name, available: !!r.available }));
}

// Labels in use on the brand's most recent conversations (the index bounds the read), most used first.
export function labelSuggestions({ db, brandId, recent = 2000 }: { db: Db; brandId: number; recent?: number }): string[] {
  return (
    db.$client
      .prepare(
        `SELECT j.value AS label, count(*) AS n
           FROM (SELECT labels FROM conversations WHERE brand_id = ? ORDER BY last_message_at DESC LIMIT ?) c, json_each(c.labels) j
          WHERE c.labels != '[]' GROUP BY j.value ORDER BY n DESC, j.value LIMIT 50`,
      )
      .all(brandId, recent) as { label: string }[]
  ).map((r) => r.label);
}
