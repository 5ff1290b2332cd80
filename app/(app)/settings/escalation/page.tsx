import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { listChannels } from "@/lib/channels/channels";
import { listRules } from "@/lib/escalation/rules";
import { listDeliveries, listWebhookEndpoints } from "@/lib/escalation/endpoints";
import { routeTargets } from "@/lib/escalation/queue";
import { NoAccess } from "@/app/_components/no-access";
import { Badge, type Tone } from "@/app/_components/ui/badge";
import { EmptyState, Table, Td, Th } from "@/app/_components/ui/table";
import { RuleEditor, type EditorRefs, type StoredRule } from "./rule-editor.client";
import { RuleList } from "./rule-list.client";
import { AddEndpointForm, EndpointList, RetryDelivery } from "./webhooks.client";

export const metadata: Metadata = { title: "Escalation rules" };

const STATE_TONE: Record<string, Tone> = { delivered: "good", queued: "info", failed: "bad" };
const time = (ms: number | null) => (ms ? `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");

export default async function EscalationSettings({ searchParams }: { searchParams: Promise<{ brand?: string }> }) {
  const user = await requirePageUser();
  const membership = pageMembership({ user, slug: (await searchParams).brand });
  if (!hasRole(membership, "manager")) return <NoAccess what="Escalation rules are for managers and admins." />;
  const db = getDb();
  const brandId = membership.brandId;
  const isAdmin = hasRole(membership, "admin");
  const rules = listRules({ db, brandId }) as StoredRule[];
  const endpoints = listWebhookEndpoints({ db, brandId });
  const deliveries = listDeliveries({ db, brandId, limit: 30 });
  const endpointNames = new Map(endpoints.map((e) => [e.id, e.name]));
  const refs: EditorRefs = {
    channels: listChannels({ db, brandId }).map((c) => ({ id: c.id, name: c.name, detail: c.kind })),
    people: routeTargets({ db, brandId }).map((p) => ({ id: p.id, name: p.name, detail: p.role })),
    endpoints: endpoints.map((e) => ({ id: e.id, name: e.name, detail: e.enabled ? undefined : "disabled" })),
  };
  return (
    <div className="space-y-10">
      <section aria-labelledby="rules-heading" className="space-y-3">
        <h1 id="rules-heading" className="text-lg font-semibold">
          Escalation rules of {membership.name}
        </h1>
        <p className="max-w-3xl text-zinc-500">
          Every new inbound message, and every response target that turns at risk or breached, runs through the enabled rules in this order. Escalations land in the escalation queue; a person’s reply resolves them.
        </p>
        {rules.length === 0 ? (
          <EmptyState title="No rules yet.">Add one below: without rules, nothing is escalated.</EmptyState>
        ) : (
          <RuleList brandId={brandId} rules={rules} refs={refs} />
        )}
      </section>
      <section aria-labelledby="new-rule-heading" className="space-y-3">
        <h2 id="new-rule-heading" className="text-base font-semibold">
          New rule
        </h2>
        <RuleEditor brandId={brandId} refs={refs} />
      </section>
      <section aria-labelledby="webhooks-heading" className="space-y-3">
        <h2 id="webhooks-heading" className="text-base font-semibold">
          Webhook endpoints
        </h2>
        <p className="max-w-3xl text-zinc-500">
          Rules with “Send to a webhook” post Slack-compatible JSON here, signed with the endpoint’s secret and retried with back-off until delivered once.
          {isAdmin ? "" : " Only admins add or change endpoints."}
        </p>
        {endpoints.length === 0 ? (
          <EmptyState title="No webhook endpoints.">{isAdmin ? "Add a Slack incoming webhook or your own receiver below." : "Ask an admin to add one."}</EmptyState>
        ) : isAdmin ? (
          <EndpointList brandId={brandId} endpoints={endpoints} />
        ) : (
          <ul className="space-y-1 text-sm">
            {endpoints.map((e) => (
              <li key={e.id}>
                {e.name} <Badge tone={e.enabled ? "good" : "neutral"}>{e.enabled ? "enabled" : "disabled"}</Badge>
              </li>
            ))}
          </ul>
        )}
        {isAdmin && <AddEndpointForm brandId={brandId} />}
        <h3 className="pt-2 text-sm font-semibold">Recent deliveries</h3>
        {deliveries.length === 0 ? (
          <p className="text-sm text-zinc-500">Nothing sent yet. Deliveries show here with their state, attempts and last error.</p>
        ) : (
          <Table caption="Recent webhook and e-mail deliveries">
            <thead>
              <tr>
                <Th>Queued</Th>
                <Th>To</Th>
                <Th>State</Th>
                <Th>Attempts</Th>
                <Th>Last error</Th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <Td className="whitespace-nowrap tabular-nums">{time(d.createdAt)}</Td>
                  <Td className="break-all">{d.endpointId != null ? (endpointNames.get(d.endpointId) ?? "deleted endpoint") : d.target}</Td>
                  <Td>
                    <Badge tone={STATE_TONE[d.state] ?? "neutral"}>{d.state}</Badge>
                    {d.state === "delivered" && <span className="ml-1 text-xs text-zinc-500">{time(d.deliveredAt)}</span>}
                    {d.state === "queued" && d.nextAttemptAt && <span className="ml-1 text-xs text-zinc-500">next {time(d.nextAttemptAt)}</span>}
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
