import type { Metadata } from "next";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { channelSettings } from "@/lib/channels/settings";
import { NoAccess } from "@/app/_components/no-access";
import { Badge, type Tone } from "@/app/_components/ui/badge";
import { AddChannelForm, ChannelEditor } from "./channel-forms.client";

export const metadata: Metadata = { title: "Channels" };

const HEALTH_TONE: Record<string, Tone> = { ok: "good", failing: "bad", silent: "warn", paused: "neutral", waiting: "info" };

async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function ChannelSettings({ searchParams }: { searchParams: Promise<{ brand?: string }> }) {
  const user = await requirePageUser();
  const membership = pageMembership({ user, slug: (await searchParams).brand });
  if (!hasRole(membership, "admin")) return <NoAccess what="Channel settings are for admins." />;
  const { channels, kinds } = channelSettings({ db: getDb(), brandId: membership.brandId });
  const base = await origin();
  return (
    <div className="space-y-8">
      <section aria-labelledby="channels-heading" className="space-y-3">
        <h1 id="channels-heading" className="text-lg font-semibold">
          Channels of {membership.name}
        </h1>
        <p className="text-zinc-500">Secrets are stored encrypted and never shown again; leave a secret field empty to keep the stored value.</p>
        <ul className="space-y-3">
          {channels.map((c) => (
            <li key={c.id} className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid={`channel-${c.id}`}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{c.name}</span>
                <Badge>{c.kind}</Badge>
                <Badge tone={HEALTH_TONE[c.health.state]} title={c.health.reason}>
                  {c.health.state}
                </Badge>
                {c.accountId && <span className="text-xs text-zinc-500">account {c.accountId}</span>}
              </div>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-xs sm:grid-cols-[10rem_1fr]">
                <dt className="text-zinc-500">Health</dt>
                <dd>{c.health.reason}</dd>
                <dt className="text-zinc-500">Last event</dt>
                <dd>{c.lastEventAt ? new Date(c.lastEventAt).toUTCString() : "none yet"}</dd>
                <dt className="text-zinc-500">Last error</dt>
                <dd>{c.lastError ? `${c.lastError} (${c.lastErrorAt ? new Date(c.lastErrorAt).toUTCString() : ""})` : "none"}</dd>
                {c.webhookPath && (
                  <>
                    <dt className="text-zinc-500">Webhook URL</dt>
                    <dd>
                      <code className="break-all select-all">{`${base}${c.webhookPath}`}</code>
                    </dd>
                  </>
                )}
              </dl>
              {c.kind !== "api" && <ChannelEditor brandId={membership.brandId} channel={c} kind={kinds.find((k) => k.kind === c.kind)!} />}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="add-channel-heading" className="space-y-3">
        <h2 id="add-channel-heading" className="text-base font-semibold">
          Connect a channel
        </h2>
        <p className="text-zinc-500">
          Facebook and Instagram share one webhook for the installation ({`${base}/api/webhooks/meta`}); Telegram and VK get their own URL once the channel is added. YouTube and X are polled every minute.
        </p>
        <AddChannelForm brandId={membership.brandId} kinds={kinds.filter((k) => k.kind !== "api")} />
      </section>
    </div>
  );
}
