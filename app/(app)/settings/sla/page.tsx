import type { Metadata } from "next";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { formatDuration } from "@/lib/metrics/format";
import type { Calendar } from "@/lib/sla/calendar";
import { DEFAULT_AT_RISK_SHARE, DEFAULT_FIRST_RESPONSE_SECONDS } from "@/lib/sla/defaults";
import { openNow, previewDue } from "@/lib/sla/settings-preview";
import { loadSlaSettings, type CalendarRow, type PolicyRow } from "@/lib/sla/settings";
import { Badge } from "@/app/_components/ui/badge";
import { EmptyState } from "@/app/_components/ui/table";
import { CalendarForm, DeleteCalendar } from "./calendar-form.client";
import { summarizeHours } from "./hours";
import { PolicyControls, PolicyForm, type Choices } from "./policy-forms.client";
import { PreviewList } from "./preview-list";
import { isMessageKey, translator, type Translate } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requirePageUser()).locale)("settings.sla") };
}

function calendarOf(row: CalendarRow): Calendar {
  return { timezone: row.timezone, intervals: row.intervals as Calendar["intervals"], holidays: row.holidays };
}

function scopeText(p: PolicyRow, channels: Choices["channels"], t: Translate): string {
  if (p.isDefault) return t("sla.settings.scopeDefault");
  const word = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  const parts = [
    p.channelId !== null ? t("sla.settings.scopeChannel", { name: channels.find((c) => c.id === p.channelId)?.name ?? `#${p.channelId}` }) : null,
    p.category ? word(`sla.settings.scope.${p.category}`, `${p.category}s`) : null,
    p.priority ? t("inbox.row.priority", { priority: word(`conversation.priority.${p.priority}`, p.priority) }) : null,
  ].filter(Boolean);
  return t("sla.settings.scopeOnly", { parts: parts.join(", ") });
}

// A saved calendar too sparse for the target shows no examples here; the live preview says why.
function safePreview(input: Parameters<typeof previewDue>[0]) {
  try {
    return previewDue(input);
  } catch {
    return [];
  }
}

export default async function SlaSettings({ searchParams }: { searchParams: Promise<{ brand?: string }> }) {
  const user = await requirePageUser();
  const t = translator(user.locale);
  const locale = user.locale;
  const duration = (seconds: number) => formatDuration({ seconds, locale });
  const membership = pageMembership({ user, slug: (await searchParams).brand });
  const settings = await loadSlaSettings({ user, brandId: membership.brandId });
  // One instant for every preview on the page, read once per request.
  const now = new Date().getTime();
  const byId = new Map(settings.calendars.map((c) => [c.id, c]));
  const calendarFor = (id: number | null): Calendar => {
    const row = id === null ? undefined : byId.get(id);
    return row ? calendarOf(row) : { timezone: settings.brandTimezone, intervals: null, holidays: [] };
  };
  const preview = (p: { calendarId: number | null; firstResponseSeconds: number; atRiskShare: number }) => {
    const calendar = calendarFor(p.calendarId);
    return { examples: safePreview({ calendar, targetSeconds: p.firstResponseSeconds, atRiskShare: p.atRiskShare, now }), timeZone: calendar.timezone };
  };
  const choices: Choices = {
    brandId: membership.brandId,
    brandTimezone: settings.brandTimezone,
    calendars: settings.calendars.map((c) => ({ id: c.id, name: c.name, timezone: c.timezone })),
    channels: settings.channels,
    defaults: { firstResponseSeconds: DEFAULT_FIRST_RESPONSE_SECONDS, atRiskShare: DEFAULT_AT_RISK_SHARE },
  };
  const defaultPolicy = settings.policies.find((p) => p.isDefault);
  const target = defaultPolicy
    ? { seconds: defaultPolicy.firstResponseSeconds, share: defaultPolicy.atRiskShare, label: t("sla.settings.defaultTarget", { duration: duration(defaultPolicy.firstResponseSeconds) }) }
    : { seconds: DEFAULT_FIRST_RESPONSE_SECONDS, share: DEFAULT_AT_RISK_SHARE, label: t("sla.settings.oneHourTarget") };
  const ordered = settings.policies.filter((p) => !p.isDefault);
  const usedBy = (calendarId: number) => settings.policies.filter((p) => p.calendarId === calendarId).map((p) => p.name);

  return (
    <div className="max-w-5xl space-y-8" data-testid="sla-settings">
      <header className="space-y-1">
        <h1 className="text-lg font-semibold">{t("sla.settings.title", { brand: membership.name })}</h1>
        <p className="text-zinc-500">{t("sla.settings.intro")}</p>
        {!settings.canEdit && (
          <p role="note" className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800">
            {t("sla.settings.readOnly", { brand: membership.name })}
          </p>
        )}
      </header>

      <section aria-labelledby="policies-heading" className="space-y-3">
        <h2 id="policies-heading" className="text-base font-semibold">
          {t("sla.settings.policies")}
        </h2>
        <p className="text-xs text-zinc-500">{t("sla.settings.policiesHint")}</p>
        <ol className="space-y-3">
          {settings.policies.map((p) => {
            const index = ordered.findIndex((o) => o.id === p.id);
            const calendar = p.calendarId === null ? null : byId.get(p.calendarId);
            return (
              <li key={p.id} className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid={`policy-${p.id}`} aria-label={t("sla.settings.policyLabel", { name: p.name })}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{p.name}</span>
                  {p.isDefault ? <Badge tone="info">{t("sla.settings.default")}</Badge> : <Badge>#{index + 1}</Badge>}
                  <span className="text-xs text-zinc-500">{scopeText(p, settings.channels, t)}</span>
                </div>
                <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[11rem_1fr]">
                  <dt className="text-zinc-500">{t("sla.settings.firstResponse")}</dt>
                  <dd>
                    {t("sla.settings.firstResponseValue", { target: duration(p.firstResponseSeconds), percent: Math.round(p.atRiskShare * 100), duration: duration(p.firstResponseSeconds * p.atRiskShare) })}
                  </dd>
                  <dt className="text-zinc-500">{t("sla.settings.nextResponse")}</dt>
                  <dd>{p.nextResponseSeconds === null ? t("sla.settings.noTarget") : duration(p.nextResponseSeconds)}</dd>
                  <dt className="text-zinc-500">{t("sla.settings.calendar")}</dt>
                  <dd>{calendar ? `${calendar.name} (${calendar.timezone})` : t("sla.settings.allHours", { timezone: settings.brandTimezone })}</dd>
                </dl>
                <PreviewList {...preview(p)} testId={`policy-${p.id}-saved-preview`} locale={locale} />
                {settings.canEdit && (
                  <>
                    {!p.isDefault && <PolicyControls brandId={membership.brandId} policy={{ id: p.id, name: p.name }} first={index === 0} last={index === ordered.length - 1} />}
                    <details className="text-sm">
                      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">{t("sla.settings.editItem", { name: p.name })}</summary>
                      <div className="mt-3">
                        <PolicyForm choices={choices} policy={p} initialPreview={preview(p)} />
                      </div>
                    </details>
                  </>
                )}
              </li>
            );
          })}
        </ol>
        {settings.canEdit && (
          <details className="rounded-lg border border-dashed border-zinc-300 p-4 dark:border-zinc-700">
            <summary className="cursor-pointer font-medium">{t("sla.settings.addPolicy")}</summary>
            <p className="mt-1 text-xs text-zinc-500">{t("sla.settings.addPolicyHint")}</p>
            <div className="mt-3">
              <PolicyForm choices={choices} initialPreview={preview({ calendarId: null, ...choices.defaults })} />
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="calendars-heading" className="space-y-3">
        <h2 id="calendars-heading" className="text-base font-semibold">
          {t("sla.settings.calendars")}
        </h2>
        <p className="text-xs text-zinc-500">{t("sla.settings.calendarsHint")}</p>
        {settings.calendars.length === 0 ? (
          <EmptyState title={t("sla.settings.noCalendars")}>{settings.canEdit ? t("sla.settings.noCalendarsEdit") : t("sla.settings.noCalendarsView")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {settings.calendars.map((c) => {
              const users = usedBy(c.id);
              const calendar = calendarOf(c);
              return (
                <li key={c.id} className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid={`calendar-${c.id}`} aria-label={t("sla.settings.calendarLabel", { name: c.name })}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{c.name}</span>
                    <Badge>{c.timezone}</Badge>
                    {openNow({ calendar, now }) ? <Badge tone="good">{t("sla.settings.openNow")}</Badge> : <Badge>{t("sla.settings.closedNow")}</Badge>}
                  </div>
                  <p className="text-sm">{summarizeHours(c.intervals, locale)}</p>
                  <p className="text-xs text-zinc-500">
                    {c.holidays.length === 0 ? t("sla.settings.noHolidaysShort") : t("sla.settings.holidaysList", { list: c.holidays.join(", ") })} ·{" "}
                    {users.length === 0 ? t("sla.settings.unused") : t("sla.settings.usedBy", { names: users.join(", ") })}
                  </p>
                  {settings.canEdit && (
                    <>
                      <DeleteCalendar brandId={membership.brandId} calendar={{ id: c.id, name: c.name }} />
                      <details className="text-sm">
                        <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">{t("sla.settings.editItem", { name: c.name })}</summary>
                        <div className="mt-3">
                          <CalendarForm
                            brandId={membership.brandId}
                            calendar={{ id: c.id, name: c.name, timezone: c.timezone, intervals: c.intervals, holidays: c.holidays }}
                            defaultTimezone={settings.brandTimezone}
                            target={target}
                            initialPreview={{ examples: safePreview({ calendar, targetSeconds: target.seconds, atRiskShare: target.share, now }), timeZone: c.timezone }}
                          />
                        </div>
                      </details>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {settings.canEdit && (
          <details className="rounded-lg border border-dashed border-zinc-300 p-4 dark:border-zinc-700">
            <summary className="cursor-pointer font-medium">{t("sla.settings.addCalendar")}</summary>
            <div className="mt-3">
              <CalendarForm
                brandId={membership.brandId}
                defaultTimezone={settings.brandTimezone}
                target={target}
                initialPreview={{
                  examples: safePreview({ calendar: { timezone: settings.brandTimezone, intervals: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: "09:00", end: "17:00" })), holidays: [] }, targetSeconds: target.seconds, atRiskShare: target.share, now }),
                  timeZone: settings.brandTimezone,
                }}
              />
            </div>
          </details>
        )}
      </section>
      <datalist id="sla-timezones">
        {Intl.supportedValuesOf("timeZone").map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
    </div>
  );
}
