import { and, eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { brands, channels, webChannels } from "@/db/schema";
import { DEMO_BRANDS } from "@/lib/demo/brands";
import { demoEnabled } from "@/lib/seed/demo-logins";

export type DemoSite = { brand: string; slug: string; publicKey: string; origins: string[]; publicStatus: boolean };

/** The airline of the demo and its website chat, for the page /demo/site; null when the demo is off or was never seeded. */
export async function demoSite({ db = database() }: { db?: Db } = {}): Promise<DemoSite | null> {
  const airline = DEMO_BRANDS.find((b) => b.domain === "airline");
  if (!demoEnabled() || !airline) return null;
  const [row] = await db
    .select({ brand: brands.name, slug: brands.slug, publicKey: webChannels.publicKey, origins: webChannels.origins, publicStatus: brands.publicStatus })
    .from(webChannels)
    .innerJoin(brands, eq(brands.id, webChannels.brandId))
    .innerJoin(channels, and(eq(channels.id, webChannels.channelId), eq(channels.brandId, webChannels.brandId)))
    .where(and(eq(brands.slug, airline.slug), eq(webChannels.mode, "chat"), eq(channels.status, "active")))
    .limit(1);
  return row ?? null;
}
