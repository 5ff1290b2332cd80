import type { Metadata } from "next";
import Link from "next/link";
import { openEscalations, queueCounts, routeTargets, type QueueFilter } from "@/lib/escalation/queue";
import { latestChangeId } from "@/lib/realtime/tail";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { NoAccess } from "@/app/_components/no-access";
import { LiveUpdates } from "@/app/_components/live-updates.client";
import { EmptyState } from "@/app/_components/ui/table";
import { Badge } from "@/app/_components/ui/badge";
import { EscalationActions } from "./escalation-actions.client";
import { LiveAge } from "./live-age.client";
import { isMessageKey, translator, type Translate } from "@/lib/i18n/messages";
import { cueText } from "@/lib/i18n/cues";
import { navItemClass } from "@/app/_components/ui/nav-item";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requirePageUser()).locale)("nav.escalations") };
}

type Search = { brand?: string; status?: string; level?: string };

const levelLabel = (t: Translate, level: number) => (level === 1 || level === 2 ? t(`escalations.levelGroup.${level}`) : null);
const levelOwner = (t: Translate, level: number) => (level === 1 || level === 2 ? t(`escalations.ownerGroup.${level}`) : null);
const word = (t: Translate, prefix: string, value: string) => {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
};

function parseFilter(search: Search): QueueFilter {
  const status = search.status === "open" || search.status === "acknowledged" ? search.status : undefined;
  const level = Number(search.level);
  return { status, level: Number.isInteger(level) && level > 0 && level < 10 ? level : undefined };
}

function href(slug: string, filter: QueueFilter): string {
  const params = new URLSearchParams({ brand: slug });
  if (filter.status) params.set("status", filter.status);
  if (filter.level) params.set("level", String(filter.level));
  return `/escalations?${params}`;
}

function FilterLink({ to, active, children }: { to: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={to}
      aria-current={active ? "page" : undefined}
      className={`py-1 ${navItemClass(active)}`}
    >
      {children}
    </Link>
  );
}

export default async function EscalationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const user = await requirePageUser();
  const t = translator(user.locale);
  const membership = pageMembership({ user, slug: search.brand });
  if (!hasRole(membership, "manager"))
    return (
      <main className="p-6">
        <NoAccess what={t("escalations.noAccess")} />
      </main>
    );
  const filter = parseFilter(search);
  const afterId = await latestChangeId({});
  const [rows, counts, people] = await Promise.all([
    openEscalations({ brandId: membership.brandId, filter }),
    queueCounts({ brandId: membership.brandId }),
    routeTargets({ brandId: membership.brandId }),
  ]);
  const filtered = filter.status !== undefined || filter.level !== undefined;
  return (
    <main className="min-w-0 space-y-4 p-4 md:p-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">{t("escalations.title", { brand: membership.name })}</h1>
        <LiveUpdates brandId={membership.brandId} afterId={afterId} />
      </div>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <nav aria-label={t("escalations.statusFilter")} className="flex gap-1">
          <FilterLink to={href(membership.slug, { ...filter, status: undefined })} active={!filter.status}>
            {t("escalations.allUnresolved", { count: counts.open + counts.acknowledged })}
          </FilterLink>
          <FilterLink to={href(membership.slug, { ...filter, status: "open" })} active={filter.status === "open"}>
            {t("escalations.openCount", { count: counts.open })}
          </FilterLink>
          <FilterLink to={href(membership.slug, { ...filter, status: "acknowledged" })} active={filter.status === "acknowledged"}>
            {t("escalations.acknowledgedCount", { count: counts.acknowledged })}
          </FilterLink>
        </nav>
        <nav aria-label={t("escalations.levelFilter")} className="flex gap-1">
          <FilterLink to={href(membership.slug, { ...filter, level: undefined })} active={!filter.level}>
            {t("escalations.anyLevel")}
          </FilterLink>
          {[1, 2].map((level) => (
            <FilterLink key={level} to={href(membership.slug, { ...filter, level })} active={filter.level === level}>
              {t("escalations.level", { level })}
            </FilterLink>
          ))}
        </nav>
      </div>
      {rows.length === 0 ? (
        filtered ? (
          <EmptyState title={t("escalations.noMatches")}>
            <Link className="underline" href={href(membership.slug, {})}>
              {t("escalations.showAll")}
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title={t("escalations.empty")}>
            {t("escalations.emptyHint")}{" "}
            <Link className="underline" href={`/settings/escalation?brand=${encodeURIComponent(membership.slug)}`}>
              {t("nav.settings")} → {t("settings.escalation")}
            </Link>
            .
          </EmptyState>
        )
      ) : (
        <ol className="space-y-3" aria-label={t("escalations.list")}>
          {rows.map((r) => (
            <li key={r.id} id={`escalation-${r.id}`} data-testid="escalation" className="scroll-mt-4 space-y-2 rounded-lg border border-zinc-200 p-4 target:ring-2 target:ring-blue-500 dark:border-zinc-800">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={r.level >= 2 ? "bad" : "warn"}>
                  {t("escalations.level", { level: r.level })}
                  {levelLabel(t, r.level) ? ` · ${levelLabel(t, r.level)}` : ""}
                </Badge>
                <Badge tone={r.status === "open" ? "info" : "neutral"}>{word(t, "escalations.status", r.status)}</Badge>
                <span className="text-zinc-500">
                  {t("escalations.waiting")} <LiveAge since={r.createdAt} ageSeconds={r.ageSeconds} />
                </span>
                <span className="text-zinc-500">
                  {t("escalations.owner", { owner: r.ownerName ?? levelOwner(t, r.level) ?? t("escalations.nobody") })}
                </span>
                {r.acknowledgedByName && <span className="text-zinc-500">{t("escalations.acknowledgedBy", { name: r.acknowledgedByName })}</span>}
              </div>
              <p className="text-sm">
                <span className="font-medium">{r.ruleName ? t("escalations.rule", { name: r.ruleName }) : t("escalations.byHand")}</span>
                {r.reason && r.reason !== r.ruleName && <span className="text-zinc-600 dark:text-zinc-400"> — {r.reason}</span>}
              </p>
              {r.cues.length > 0 && (
                <ul aria-label={t("escalations.cues")} className="flex flex-wrap gap-1">
                  {r.cues.map((cue) => (
                    <li key={cue}>
                      <Badge>{cueText(cue, t)}</Badge>
                    </li>
                  ))}
                </ul>
              )}
              <Link
                className="block rounded-md border border-zinc-100 px-3 py-2 hover:bg-zinc-50 dark:border-zinc-900 dark:hover:bg-zinc-900"
                href={`/inbox?brand=${encodeURIComponent(membership.slug)}&c=${r.conversationId}`}
              >
                <span className="text-xs text-zinc-500">
                  {r.channelKind} · {r.contactName ?? t("inbox.row.unknown")} · {t("escalations.conversationStatus", { status: word(t, "conversation.status", r.conversationStatus) })}
                </span>
                <span className="block truncate">{r.preview || t("inbox.row.noText")}</span>
              </Link>
              <EscalationActions brandId={membership.brandId} escalation={r} people={people} />
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
