import { and, asc, eq, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { recentLabels } from "@/db/inbox";

export type Teammate = { id: number; name: string; available: boolean };

// Active members of the brand, for the assign menus.
export async function brandTeammates({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<Teammate[]> {
  return db
    .select({ id: users.id, name: users.name, available: users.available })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.brandId, brandId), eq(users.disabled, false)))
    .orderBy(asc(sql`lower(${users.name})`));
}

// Labels in use on the brand's most recent conversations, most used first.
export async function labelSuggestions({ db = database(), brandId, recent = 2000 }: { db?: Db; brandId: number; recent?: number }): Promise<string[]> {
  return recentLabels(db, { brandId, recent, limit: 50 });
}
