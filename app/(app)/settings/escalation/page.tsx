import type { Metadata } from "next";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { listChannels } from "@/lib/channels/channels";
import { listRules } from "@/lib/escalation/rules";
import { listDeliveries, listWebhookEndpoints } from "@/lib/escalation/endpoints";
import { routeTargets } from "@/lib/escalation/queue";
import { isMessageKey, translator } from "@/lib/i18n/messages";
import { NoAccess } from "@/app/_components/no-access";
import { Badge, type Tone } from "@/app/_components/ui/badge";
import { EmptyState, Table, Td, Th } from "@/app/_components/ui/table";
import { RuleEditor, type EditorRefs, type StoredRule } from "./rule-editor.client";
import { RuleList } from "./rule-list.client";
import { AddEndpointForm, EndpointList, RetryDelivery } from "./webhooks.client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requirePageUser()).locale)("settings.escalation") };
}

const STATE_TONE: Record<string, Tone> = { delivered: "good", queued: "info", failed: "bad" };
const time = (ms: number | null) => (ms ? `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");

export default async function EscalationSettings({ searchParams }: { searchParams: Promise<{ brand?: string }> }) {
  const user = await requirePageUser();
  const membership = pageMembership({ user, slug: (await searchParams).brand });
  const t = translator(user.locale);
  // Words stored as data (roles, channel kinds, delivery states) have a text when the dictionary knows them.
  const word = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  if (!hasRole(membership, "manager")) return <NoAccess what={t("rules.noAccess")} />;
  const brandId = membership.brandId;
  const isAdmin = hasRole(membership, "admin");
  const [rules, endpoints, deliveries, channels, people] = await Promise.all([
    listRules({ brandId }) as Promise<StoredRule[]>,
    listWebhookEndpoints({ brandId }),
    listDeliveries({ brandId, limit: 30 }),
    listChannels({ brandId }),
    routeTargets({ brandId }),
  ]);
  const endpointNames = new Map(endpoints.map((e) => [e.id, e.name]));
  const refs: EditorRefs = {
    channels: channels.map((c) => ({ id: c.id, name: c.name, detail: word(`rules.channelKind.${c.kind}`, c.kind) })),
    people: people.map((p) => ({ id: p.id, name: p.name, detail: word(`role.${p.role}`, p.role) })),
    endpoints: endpoints.map((e) => ({ id: e.id, name: e.name, detail: e.enabled ? undefined : t("rules.disabled") })),
  };
  return (
    <div className="space-y-10">
      <section aria-labelledby="rules-heading" className="space-y-3">
        <h1 id="rules-heading" className="text-lg font-semibold">
          {t("rules.title", { brand: membership.name })}
        </h1>
        <p className="max-w-3xl text-zinc-500">
          {t("rules.intro")}
        </p>
        {rules.length === 0 ? (
          <EmptyState title={t("rules.empty")}>{t("rules.emptyHint")}</EmptyState>
        ) : (
          <RuleList brandId={brandId} rules={rules} refs={refs} />
        )}
      </section>
      <section aria-labelledby="new-rule-heading" className="space-y-3">
        <h2 id="new-rule-heading" className="text-base font-semibold">
          {t("rules.newRule")}
        </h2>
        <RuleEditor brandId={brandId} refs={refs} />
      </section>
      <section aria-labelledby="webhooks-heading" className="space-y-3">
        <h2 id="webhooks-heading" className="text-base font-semibold">
          {t("webhooks.title")}
        </h2>
        <p className="max-w-3xl text-zinc-500">
          {t("webhooks.intro")}
          {isAdmin ? "" : ` ${t("webhooks.adminsOnly")}`}
        </p>
        {endpoints.length === 0 ? (
          <EmptyState title={t("webhooks.empty")}>{isAdmin ? t("webhooks.emptyAdmin") : t("webhooks.emptyAsk")}</EmptyState>
        ) : isAdmin ? (
          <EndpointList brandId={brandId} endpoints={endpoints} />
        ) : (
          <ul className="space-y-1 text-sm">
            {endpoints.map((e) => (
              <li key={e.id}>
                {e.name} <Badge tone={e.enabled ? "good" : "neutral"}>{e.enabled ? t("rules.enabled") : t("rules.disabled")}</Badge>
              </li>
            ))}
          </ul>
        )}
        {isAdmin && <AddEndpointForm brandId={brandId} />}
        <h3 className="pt-2 text-sm font-semibold">{t("webhooks.deliveries")}</h3>
        {deliveries.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("webhooks.deliveriesEmpty")}</p>
        ) : (
          <Table caption={t("webhooks.deliveriesCaption")}>
            <thead>
              <tr>
                <Th>{t("webhooks.col.queued")}</Th>
                <Th>{t("webhooks.col.to")}</Th>
                <Th>{t("webhooks.col.state")}</Th>
                <Th>{t("webhooks.col.attempts")}</Th>
                <Th>{t("webhooks.col.lastError")}</Th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <Td className="whitespace-nowrap tabular-nums">{time(d.createdAt)}</Td>
                  <Td className="break-all">{d.endpointId != null ? (endpointNames.get(d.endpointId) ?? t("webhooks.deletedEndpoint")) : d.target}</Td>
                  <Td>
                    <Badge tone={STATE_TONE[d.state] ?? "neutral"}>{word(`webhooks.state.${d.state}`, d.state)}</Badge>
                    {d.state === "delivered" && <span className="ml-1 text-xs text-zinc-500">{time(d.deliveredAt)}</span>}
                    {d.state === "queued" && d.nextAttemptAt && <span className="ml-1 text-xs text-zinc-500">{t("webhooks.next", { time: time(d.nextAttemptAt) })}</span>}
                  </Td>
                  <Td className="tabular-nums">{d.attempts}</Td>
                  <Td className="text-xs break-words">
                    {d.lastError ?? "—"}
                    {d.state === "failed" && isAdmin && (
                      <span className="ml-2">
                        <RetryDelivery brandId={brandId} deliveryId={d.id} />
                      </span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
