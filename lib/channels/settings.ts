import { database, type Db } from "@/db/client";
import type { ChannelKind } from "@/db/schema";
import { listChannels, CONFIGURABLE_KINDS } from "./channels";
import { channelHealth, type ChannelHealth } from "./health";
import { webConfigsOfBrand, type WebChannelView } from "./web";
import { ACCOUNT_ID_LABEL, CREDENTIAL_FIELDS, webhookPath, type CredentialField } from "./fields";

export type ChannelSettingsRow = {
  id: number;
  kind: ChannelKind;
  name: string;
  accountId: string | null;
  status: string;
  lastEventAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  credentialKeys: string[];
  webhookPath: string | null;
  health: ChannelHealth;
  /** Web channels only: the widget's public key (not a secret) and settings. */
  web: WebChannelView | null;
};

export type KindForm = { kind: ChannelKind; accountIdLabel: string | null; fields: CredentialField[] };

/** Plain, browser-safe data for the settings page: no credential value ever leaves the server. */
export async function channelSettings({ db = database(), brandId, now = Date.now() }: { db?: Db; brandId: number; now?: number }): Promise<{ channels: ChannelSettingsRow[]; kinds: KindForm[] }> {
  const views = await listChannels({ db, brandId });
  const health = await Promise.all(views.map((channel) => channelHealth({ db, channel, now })));
  const web = await webConfigsOfBrand({ db, brandId });
  const channels = views.map((c, i) => ({
    id: c.id,
    kind: c.kind,
    name: c.name,
    accountId: c.accountId,
    status: c.status,
    lastEventAt: c.lastEventAt?.toISOString() ?? null,
    lastError: c.lastError,
    lastErrorAt: c.lastErrorAt?.toISOString() ?? null,
    credentialKeys: c.credentialKeys,
    webhookPath: webhookPath({ kind: c.kind, channelId: c.id }),
    health: health[i],
    web: web.get(c.id) ?? null,
  }));
  const kinds = [...CONFIGURABLE_KINDS, "api" as const].map((kind) => ({ kind, accountIdLabel: ACCOUNT_ID_LABEL[kind] ?? null, fields: CREDENTIAL_FIELDS[kind] }));
  return { channels, kinds };
}
