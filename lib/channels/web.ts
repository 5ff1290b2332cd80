import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { database, type Db } from "@/db/client";
import { webChannels } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { catalogueError } from "@/lib/i18n/errors";

export const WEB_MODES = ["chat", "form"] as const;
export type WebMode = (typeof WEB_MODES)[number];
export type WebConfig = { origins: string[]; mode: WebMode; showResponseTime: boolean };
export type WebChannelView = WebConfig & { publicKey: string };

export const DEFAULT_WEB_CONFIG: WebConfig = { origins: [], mode: "chat", showResponseTime: true };
export const MAX_ORIGINS = 20;

// An origin is scheme://host[:port], exactly what a browser sends in its Origin header.
export function normalizeOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw catalogueError("bad_request:origins", "invalid", { origin: raw.trim() });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw catalogueError("bad_request:origins", "scheme", { origin: raw.trim() });
  if (url.pathname !== "/" || url.search || url.hash || url.username) throw catalogueError("bad_request:origins", "path", { origin: raw.trim() });
  return url.origin;
}

export const webConfigSchema = z.object({
  origins: z.array(z.string().max(300)).max(MAX_ORIGINS).default([]),
  mode: z.enum(WEB_MODES).default("chat"),
  showResponseTime: z.boolean().default(true),
});

/** Checks and normalises a web channel's config (from the Settings form or the admin CLI's JSON). */
export function parseWebConfig(input: unknown): WebConfig {
  const result = webConfigSchema.safeParse(input ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError("bad_request:config", `${issue.path.join(".") || "config"}: ${issue.message}`);
  }
  const origins = [...new Set(result.data.origins.filter((o) => o.trim()).map(normalizeOrigin))];
  return { origins, mode: result.data.mode, showResponseTime: result.data.showResponseTime };
}

/** The Settings form's origins field: one origin per line, or separated by commas or spaces. */
export function splitOrigins(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

function newPublicKey(): string {
  return `wc_${crypto.randomBytes(15).toString("base64url")}`;
}

// Joins the caller's transaction: a web channel and its widget settings are stored together.
export async function saveWebConfig({ db, brandId, channelId, config }: { db: Db; brandId: number; channelId: number; config: WebConfig }): Promise<WebChannelView> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const others = await tx.select({ channelId: webChannels.channelId, origins: webChannels.origins }).from(webChannels).where(eq(webChannels.brandId, brandId));
    for (const other of others) {
      const shared = other.channelId !== channelId && config.origins.find((o) => other.origins.includes(o));
      if (shared) throw catalogueError("conflict:origins", "shared", { origin: shared });
    }
    const [existing] = await tx.select().from(webChannels).where(and(eq(webChannels.channelId, channelId), eq(webChannels.brandId, brandId)));
    if (existing) {
      const [row] = await tx
        .update(webChannels)
        .set({ ...config, updatedAt: now })
        .where(and(eq(webChannels.channelId, channelId), eq(webChannels.brandId, brandId)))
        .returning();
      return viewOf(row);
    }
    const [row] = await tx.insert(webChannels).values({ channelId, brandId, publicKey: newPublicKey(), ...config, updatedAt: now }).returning();
    return viewOf(row);
  });
}

function viewOf(row: typeof webChannels.$inferSelect): WebChannelView {
  return { publicKey: row.publicKey, origins: row.origins, mode: row.mode, showResponseTime: row.showResponseTime };
}

export async function webConfigsOfBrand({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<Map<number, WebChannelView>> {
  const rows = await db.select().from(webChannels).where(eq(webChannels.brandId, brandId));
  return new Map(rows.map((row) => [row.channelId, viewOf(row)]));
}

export function embedSnippet({ base, publicKey }: { base: string; publicKey: string }): string {
  return `<script src="${base}/widget.js" data-channel="${publicKey}" async></script>`;
}
