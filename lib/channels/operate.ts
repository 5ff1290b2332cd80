import { database, type Db } from "@/db/client";
import type { ChannelKind } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { decryptCredentials } from "@/lib/security/credentials";
import { createChannel, CONFIGURABLE_KINDS } from "./channels";
import { channelCredentials, configView } from "./config";
import { webhookPath } from "./fields";
import { embedSnippet, parseWebConfig, webConfigsOfBrand } from "./web";
import { channels } from "@/db/schema";
import { asc, eq } from "drizzle-orm";

// The admin CLI's channel commands: create from a checked config, list with secrets masked.

export type ChannelListing = { id: number; kind: ChannelKind; name: string; accountId: string | null; status: string; config: Record<string, unknown> };

export async function createConfiguredChannel({ db = database(), actor, brandId, kind, name, accountId, config }: {
  db?: Db; actor: Principal; brandId: number; kind: string; name: string; accountId?: string; config?: unknown;
}) {
  const { audit } = authorize({ actor, brandId, needs: "admin" });
  if (!(CONFIGURABLE_KINDS as readonly string[]).includes(kind)) throw new AppError("bad_request:kind", `--kind must be one of ${CONFIGURABLE_KINDS.join(", ")}`);
  const channelKind = kind as ChannelKind;
  const credentials = channelCredentials({ kind: channelKind, config });
  // A website's settings live beside the channel (its public key, origins, mode), not in its secrets.
  if (channelKind === "web") {
    const web = parseWebConfig(config);
    const channel = await createChannel({ db, brandId, kind: channelKind, name, accountId, web, actor: audit });
    return { ...channel, publicKey: (await webConfigsOfBrand({ db, brandId })).get(channel.id)?.publicKey };
  }
  // A mailbox is known by its address; without --account-id it is the From address.
  const account = accountId ?? (channelKind === "email" ? credentials.from.match(/<([^>]+)>/)?.[1] ?? credentials.from : undefined);
  return { ...(await createChannel({ db, brandId, kind: channelKind, name, accountId: account, credentials, actor: audit })), publicKey: undefined };
}

export async function listChannelConfigs({ db = database(), actor, brandId }: { db?: Db; actor: Principal; brandId: number }): Promise<ChannelListing[]> {
  authorize({ actor, brandId, needs: "admin" });
  const rows = await db.select().from(channels).where(eq(channels.brandId, brandId)).orderBy(asc(channels.id));
  const web = await webConfigsOfBrand({ db, brandId });
  return rows.map((row) => {
    const site = web.get(row.id);
    if (site) return { id: row.id, kind: row.kind, name: row.name, accountId: row.accountId, status: row.status, config: { mode: site.mode, origins: site.origins, showResponseTime: site.showResponseTime } };
    let credentials: Record<string, string> = {};
    try {
      credentials = decryptCredentials(row.credentials);
    } catch {
      credentials = {};
    }
    return { id: row.id, kind: row.kind, name: row.name, accountId: row.accountId, status: row.status, config: configView({ kind: row.kind, credentials }) };
  });
}

/** What an operator does next with a new channel: point the platform's webhook at us, or embed the widget. */
export function connectHint({ kind, channelId, publicKey, baseUrl = process.env.REPLYHOUR_URL || "http://localhost:3000" }: { kind: ChannelKind; channelId: number; publicKey?: string; baseUrl?: string }): string {
  const base = baseUrl.replace(/\/+$/, "");
  const path = webhookPath({ kind, channelId });
  if (path) return `Webhook URL: ${base}${path}`;
  if (kind === "web" && publicKey) return `Widget snippet: ${embedSnippet({ base, publicKey })}`;
  if (kind === "email") return "The mailbox is read over IMAP (IDLE when the server offers it, else every minute) and replies go out over SMTP.";
  return "The worker polls this channel every minute.";
}
