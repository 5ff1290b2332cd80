import { and, asc, eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { channels, type ChannelKind } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { decryptCredentials, encryptCredentials } from "@/lib/security/credentials";
import { CREDENTIAL_FIELDS } from "./fields";
import { DEFAULT_WEB_CONFIG, saveWebConfig, type WebConfig } from "./web";
import { checkMailSettings } from "./config";

export type ChannelRow = typeof channels.$inferSelect;
/** What may reach the browser: never the credentials, only which keys are set. */
export type ChannelView = Omit<ChannelRow, "credentials" | "pollCursor"> & { credentialKeys: string[] };

export const CONFIGURABLE_KINDS = ["facebook", "instagram", "telegram", "vk", "youtube", "twitter", "email", "web"] as const satisfies readonly ChannelKind[];

export async function requireChannel({ db = database(), id, brandId }: { db?: Db; id: number; brandId: number }): Promise<ChannelRow> {
  const [row] = await db.select().from(channels).where(and(eq(channels.id, id), eq(channels.brandId, brandId)));
  if (!row) throw new AppError("not_found:channel");
  return row;
}

export function toView(row: ChannelRow): ChannelView {
  const { credentials, pollCursor: _cursor, ...rest } = row;
  let keys: string[] = [];
  try {
    keys = Object.keys(decryptCredentials(credentials)).sort();
  } catch {
    keys = [];
  }
  return { ...rest, credentialKeys: keys };
}

export async function listChannels({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<ChannelView[]> {
  const rows = await db.select().from(channels).where(eq(channels.brandId, brandId)).orderBy(asc(channels.kind), asc(channels.id));
  return rows.map(toView);
}

// Only known keys of the kind are kept; an empty value leaves a stored secret as it was.
function mergeCredentials(kind: ChannelKind, stored: Record<string, string>, input: Record<string, string | undefined>): Record<string, string> {
  const next = { ...stored };
  for (const { key } of CREDENTIAL_FIELDS[kind]) {
    const value = input[key]?.trim();
    if (value) next[key] = value;
  }
  return next;
}

function audited(row: ChannelRow) {
  return toView(row);
}

export async function createChannel({ db = database(), brandId, kind, name, accountId, credentials = {}, web, actor }: {
  db?: Db; brandId: number; kind: ChannelKind; name: string; accountId?: string | null; credentials?: Record<string, string | undefined>; web?: WebConfig; actor: Actor;
}): Promise<ChannelView> {
  if (kind === "api") throw new AppError("bad_request:kind", "Every brand already has its API channel.");
  if (!name.trim()) throw new AppError("bad_request:name", "A channel needs a name.");
  const secrets = mergeCredentials(kind, {}, credentials);
  if (kind === "email") checkMailSettings(secrets);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(channels)
      .values({ brandId, kind, name: name.trim(), accountId: accountId?.trim() || null, credentials: Object.keys(secrets).length ? encryptCredentials(secrets) : null })
      .returning();
    const widget = kind === "web" ? await saveWebConfig({ db: tx, brandId, channelId: row.id, config: web ?? DEFAULT_WEB_CONFIG }) : undefined;
    await recordAudit(tx, { actor, brandId, action: "channel.create", objectType: "channel", objectId: row.id, after: { ...audited(row), ...(widget ? { web: widget } : {}) } });
    return toView(row);
  });
}

export async function updateChannel({ db = database(), brandId, id, name, accountId, credentials = {}, clear = [], web, actor }: {
  db?: Db; brandId: number; id: number; name?: string; accountId?: string | null; credentials?: Record<string, string | undefined>; clear?: string[]; web?: WebConfig; actor: Actor;
}): Promise<ChannelView> {
  if (name !== undefined && !name.trim()) throw new AppError("bad_request:name", "A channel needs a name.");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(channels).where(and(eq(channels.id, id), eq(channels.brandId, brandId)));
    if (!before) throw new AppError("not_found:channel");
    const secrets = mergeCredentials(before.kind, decryptCredentials(before.credentials), credentials);
    for (const key of clear) delete secrets[key];
    if (before.kind === "email") checkMailSettings(secrets);
    const [after] = await tx
      .update(channels)
      .set({
        name: name?.trim() ?? before.name,
        accountId: accountId === undefined ? before.accountId : accountId?.trim() || null,
        credentials: Object.keys(secrets).length ? encryptCredentials(secrets) : null,
      })
      .where(and(eq(channels.id, id), eq(channels.brandId, brandId)))
      .returning();
    const widget = before.kind === "web" && web ? await saveWebConfig({ db: tx, brandId, channelId: id, config: web }) : undefined;
    await recordAudit(tx, { actor, brandId, action: "channel.update", objectType: "channel", objectId: id, before: audited(before), after: { ...audited(after), ...(widget ? { web: widget } : {}) } });
    return toView(after);
  });
}

export async function setChannelPaused({ db = database(), brandId, id, paused, actor }: { db?: Db; brandId: number; id: number; paused: boolean; actor: Actor }): Promise<ChannelView> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(channels).where(and(eq(channels.id, id), eq(channels.brandId, brandId)));
    if (!before) throw new AppError("not_found:channel");
    const [after] = await tx
      .update(channels)
      // Resuming polls at once rather than at a back-off time set before the pause.
      .set({ status: paused ? "paused" : "active", ...(paused ? {} : { pollNextAt: null }) })
      .where(and(eq(channels.id, id), eq(channels.brandId, brandId)))
      .returning();
    await recordAudit(tx, { actor, brandId, action: paused ? "channel.pause" : "channel.resume", objectType: "channel", objectId: id, before: { status: before.status }, after: { status: after.status } });
    return toView(after);
  });
}
