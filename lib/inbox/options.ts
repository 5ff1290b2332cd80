import type { Db } from "@/db/client";

// The brand's channels for the channel filter.
export function brandChannels({ db, brandId }: { db: Db; brandId: number }): { id: number; name: string; kind: string }[] {
  return db.$client.prepare("SELECT id, name, kind FROM channels WHERE brand_id = ? ORDER BY name COLLATE NOCASE").all(brandId) as { id: number; name: string; kind: string }[];
}
