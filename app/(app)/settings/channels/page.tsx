import type { Metadata } from "next";
import { headers } from "next/headers";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { channelSettings } from "@/lib/channels/settings";
import { NoAccess } from "@/app/_components/no-access";
import { Badge, type Tone } from "@/app/_components/ui/badge";
import { channelErrorText } from "@/lib/i18n/channel-errors";
import { formatter } from "@/lib/i18n/format";
import { isMessageKey, translator, type Translate } from "@/lib/i18n/messages";
import { formatDuration } from "@/lib/metrics/format";
import { embedSnippet } from "@/lib/channels/web";
import { AddChannelForm, ChannelEditor } from "./channel-forms.client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requirePageUser()).locale)("settings.channels") };
}

const HEALTH_TONE: Record<string, Tone> = { ok: "good", failing: "bad", silent: "warn", paused: "neutral", waiting: "info" };

async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

// Texts lib/ keeps in English, shown in the interface language when the dictionary has them.
function localText(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

export default async function ChannelSettings({ searchParams }: { searchParams: Promise<{ brand?: string }> }) {
  const user = await requirePageUser();
  const t = translator(user.locale);
  const at = (iso: string) => `${formatter(user.locale).dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
  const duration = (ms: number) => formatDuration({ seconds: ms / 1000, locale: user.locale });
  const membership = pageMembership({ user, slug: (await searchParams).brand });
  if (!hasRole(membership, "admin")) return <NoAccess what={t("channels.noAccess")} />;
  const settings = await channelSettings({ brandId: membership.brandId });
  const channels = settings.channels.map((c) => {
    // A failing channel's reason is its stored error; a silent one's names the measured gaps.
    const h = c.health;
    const reason =
      h.state === "failing"
        ? channelErrorText({ text: h.reason, locale: user.locale })
        : h.state === "silent" && h.silentForMs !== undefined
          ? t("channels.reason.silent", { silent: duration(h.silentForMs), usual: duration(h.silenceThresholdMs) })
          : localText(t, `channels.reason.${h.state}`, h.reason);
    return { ...c, lastError: c.lastError && channelErrorText({ text: c.lastError, locale: user.locale }), health: { ...h, reason } };
  });
  const kinds = settings.kinds.map((k) => ({
    ...k,
    accountIdLabel: k.accountIdLabel && localText(t, `channels.accountId.${k.kind}`, k.accountIdLabel),
    fields: k.fields.map((f) => ({ ...f, label: localText(t, `channels.field.${k.kind}.${f.key}`, f.label) })),
  }));
  const base = await origin();
  return (
    <div className="space-y-8">
      <section aria-labelledby="channels-heading" className="space-y-3">
        <h1 id="channels-heading" className="text-lg font-semibold">
          {t("channels.heading", { brand: membership.name })}
        </h1>
        <p className="text-zinc-500">{t("channels.secrets")}</p>
        <ul className="space-y-3">
          {channels.map((c) => (
            <li key={c.id} className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid={`channel-${c.id}`}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{c.name}</span>
                <Badge>{c.kind}</Badge>
                <Badge tone={HEALTH_TONE[c.health.state]} title={c.health.reason}>
                  {localText(t, `channels.state.${c.health.state}`, c.health.state)}
                </Badge>
                {c.accountId && <span className="text-xs text-zinc-500">{t("channels.account", { id: c.accountId })}</span>}
              </div>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-xs sm:grid-cols-[10rem_1fr]">
                <dt className="text-zinc-500">{t("channels.health")}</dt>
                <dd>{c.health.reason}</dd>
                <dt className="text-zinc-500">{t("channels.lastEvent")}</dt>
                <dd>{c.lastEventAt ? at(c.lastEventAt) : t("channels.noneYet")}</dd>
                <dt className="text-zinc-500">{t("channels.lastError")}</dt>
                <dd>{c.lastError ? (c.lastErrorAt ? `${c.lastError} (${at(c.lastErrorAt)})` : c.lastError) : t("channels.none")}</dd>
                {c.web && (
                  <>
                    <dt className="text-zinc-500">{t("channels.web.snippet")}</dt>
                    <dd className="space-y-1">
                      <code className="block break-all select-all" data-testid="widget-snippet">
                        {embedSnippet({ base, publicKey: c.web.publicKey })}
                      </code>
                      <span className="block text-zinc-500">{t("channels.web.snippetHint")}</span>
                    </dd>
                    <dt className="text-zinc-500">{t("channels.web.origins")}</dt>
                    <dd>{c.web.origins.length ? c.web.origins.join(", ") : t("channels.web.noOrigins")}</dd>
                  </>
                )}
                {c.webhookPath && (
                  <>
                    <dt className="text-zinc-500">{t("channels.webhook")}</dt>
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
          {t("channels.connect")}
        </h2>
        <p className="text-zinc-500">{t("channels.connectIntro", { url: `${base}/api/webhooks/meta` })}</p>
        <AddChannelForm brandId={membership.brandId} kinds={kinds.filter((k) => k.kind !== "api")} />
      </section>
    </div>
  );
}
