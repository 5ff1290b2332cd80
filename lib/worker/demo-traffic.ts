import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { brands, channels, users } from "@/db/schema";
import { DEMO_BRANDS } from "@/lib/demo/brands";
import { generateLive } from "@/lib/demo/generate";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { toIngestItem, type DemoWorkspace } from "@/lib/seed/seed-demo";

export async function loadDemoWorkspace({ db }: { db: Db }): Promise<DemoWorkspace | null> {
  const workspace: DemoWorkspace = { brandIds: new Map(), channelIds: new Map(), agentIds: new Map() };
  for (const demo of DEMO_BRANDS) {
    const [brand] = await db.select({ id: brands.id }).from(brands).where(eq(brands.slug, demo.slug)).limit(1);
    if (!brand) return null;
    workspace.brandIds.set(demo.slug, brand.id);
    for (const channel of demo.channels) {
      const [row] = await db
        .select({ id: channels.id })
        .from(channels)
        .where(and(eq(channels.brandId, brand.id), eq(channels.accountId, channel.accountId)))
        .limit(1);
      if (row) workspace.channelIds.set(channel.key, row.id);
    }
    const agentRows = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, demo.agents.map((a) => a.email)));
    for (const agent of demo.agents) {
      const row = agentRows.find((u) => u.email === agent.email);
      if (row) workspace.agentIds.set(agent.key, row.id);
    }
  }
  return workspace;
}

// New traffic at a human pace, through the same pipeline as every other event.
export async function emitDemoTraffic({ db, workspace, now, seed }: { db: Db; workspace: DemoWorkspace; now: number; seed: number }): Promise<number> {
  const items = generateLive({ seed, now: new Date(now) }).filter((item) => workspace.channelIds.has(item.channelKey));
  const bySlug = new Map<string, typeof items>();
  for (const item of items) bySlug.set(item.brandSlug, [...(bySlug.get(item.brandSlug) ?? []), item]);
  let stored = 0;
  for (const [slug, list] of bySlug) {
    const brandId = workspace.brandIds.get(slug);
    if (!brandId) continue;
    const outcomes = await ingestBatch({ db, brandId, items: list.map((item) => toIngestItem(workspace, item)), now });
    stored += outcomes.filter((o) => !o.duplicate).length;
  }
  return stored;
}
