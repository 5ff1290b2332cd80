import type { Db } from "@/db/client";
import type { ChannelKind } from "@/db/schema";
import { listChannels, CONFIGURABLE_KINDS } from "./channels";
import { channelHealth, type ChannelHealth } from "./health";
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
};

export type KindForm = { kind: ChannelKind; accountIdLabel: string | null; fields: CredentialField[] };

/** Plain, browser-safe data for the settings page: no credential value ever leaves the server. */
export function channelSettings({ db, brandId, now = Date.now() }: { db: Db; brandId: number; now?: number }): { channels: ChannelSettingsRow[]; kinds: KindForm[] } {
  const channels = listChannels({ db, brandId }).map((c) => ({
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
    health: channelHealth({ db, channel: c, now }),
  }));
  const kinds = [...CONFIGURABLE_KINDS, "api" as const].map((kind) => ({ kind, accountIdLabel: ACCOUNT_ID_LABEL[kind] ?? null, fields: CREDENTIAL_FIELDS[kind] }));
  return { channels, kinds };
}
