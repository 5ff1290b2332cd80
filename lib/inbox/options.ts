import { asc, eq, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { channels } from "@/db/schema";

// The brand's channels for the channel filter.
export async function brandChannels({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<{ id: number; name: string; kind: string }[]> {
  return db
    .select({ id: channels.id, name: channels.name, kind: channels.kind })
    .from(channels)
    .where(eq(channels.brandId, brandId))
    .orderBy(asc(sql`lower(${channels.name})`));
}
