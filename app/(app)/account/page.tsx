import { getSignedIn } from "@/lib/auth/session";
import { listOpenSessions } from "@/lib/auth/sessions";
import { translator } from "@/lib/i18n/messages";
import { formatter } from "@/lib/i18n/format";
import { Button } from "@/app/_components/ui/button";
import { redirect } from "next/navigation";
import { endSessionAction, setWeeklyReportAction, signOutEverywhereAction } from "./actions";
import { weeklyReportChoices } from "@/lib/reports/weekly/subscriptions";
import { MyInvitations } from "./invitations";
import { PasswordForm } from "./password-form.client";
import { SignOutForm } from "@/app/_components/drafts.client";
import { listPushDevices } from "@/lib/push/subscriptions";
import { vapidPublicKey } from "@/lib/push/send";
import { formatClock } from "@/lib/push/quiet-hours";
import { PushSettings } from "./push-settings.client";

export const dynamic = "force-dynamic";

function device(userAgent: string, unknown: string): string {
  const browser = /Edg\//.test(userAgent) ? "Edge" : /Firefox\//.test(userAgent) ? "Firefox" : /Chrom(e|ium)\//.test(userAgent) ? "Chrome" : /Safari\//.test(userAgent) ? "Safari" : null;
  const system = /Android/.test(userAgent) ? "Android" : /iPhone|iPad/.test(userAgent) ? "iOS" : /Windows/.test(userAgent) ? "Windows" : /Mac OS X/.test(userAgent) ? "macOS" : /Linux/.test(userAgent) ? "Linux" : null;
  return [browser, system].filter(Boolean).join(" · ") || unknown;
}

export default async function AccountPage() {
  const current = await getSignedIn();
  if (!current) redirect("/login");
  const { user, sessionId } = current;
  const t = translator(user.locale);
  const sessions = await listOpenSessions({ userId: user.id });
  const reports = await weeklyReportChoices({ user });
  const devices = await listPushDevices({ userId: user.id });
  const when = (d: Date) => formatter(user.locale).dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: user.timezone ?? undefined });
  return (
    <main className="mx-auto w-full max-w-3xl space-y-8 p-4 sm:p-6">
      <h1 className="text-lg font-semibold">{t("account.title")}</h1>
      {!user.mustChangePassword && <MyInvitations user={user} />}
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="font-medium">
          {t("account.password")}
        </h2>
        {user.mustChangePassword && (
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            {t("account.mustChange")}
          </p>
        )}
        <PasswordForm />
      </section>
      <section aria-labelledby="weekly-heading" className="space-y-3">
        <h2 id="weekly-heading" className="font-medium">
          {t("reports.weekly.optIn")}
        </h2>
        <p className="text-sm text-zinc-500">{t("reports.weekly.optInHint")}</p>
        {reports.length === 0 ? (
          <p className="text-sm">{t("reports.weekly.optInNone")}</p>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="weekly-reports">
            {reports.map((r) => (
              <li key={r.brandId} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
                <span className="font-medium">{r.name}</span>
                <form action={setWeeklyReportAction} className="ml-auto">
                  <input type="hidden" name="brandId" value={r.brandId} />
                  <input type="hidden" name="subscribed" value={r.subscribed ? "0" : "1"} />
                  <Button type="submit" variant="secondary" aria-label={`${r.subscribed ? t("reports.weekly.unsubscribe") : t("reports.weekly.subscribe")}: ${r.name}`}>
                    {r.subscribed ? t("reports.weekly.unsubscribe") : t("reports.weekly.subscribe")}
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="push-heading" className="space-y-3">
        <h2 id="push-heading" className="font-medium">
          {t("push.heading")}
        </h2>
        <p className="text-sm text-zinc-500">{t("push.hint")}</p>
        <PushSettings
          publicKey={vapidPublicKey()}
          devices={devices.map((d) => ({
            id: d.id,
            endpointHash: d.endpointHash,
            label: d.label,
            kinds: d.kinds,
            quietStart: d.quietStart == null ? "" : formatClock(d.quietStart),
            quietEnd: d.quietEnd == null ? "" : formatClock(d.quietEnd),
            timezone: d.timezone,
            lastSent: d.lastSentAt ? when(new Date(d.lastSentAt)) : null,
          }))}
        />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="font-medium">
          {t("account.sessions")}
        </h2>
        <p className="text-sm text-zinc-500">{t("account.sessionsHint")}</p>
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="sessions">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
              <span className="font-medium">{device(s.userAgent, t("account.unknownDevice"))}</span>
              {s.id === sessionId && <span className="rounded bg-blue-50 px-1.5 text-xs text-blue-800 dark:bg-blue-950 dark:text-blue-200">{t("account.thisSession")}</span>}
              <span className="text-zinc-500">
                {t("account.signedInAt", { at: when(s.createdAt) })}, {t("account.lastSeen", { at: when(s.lastSeenAt) })}
                {s.address ? `, ${t("account.from", { address: s.address })}` : ""}
              </span>
              {s.id !== sessionId && (
                <form action={endSessionAction} className="ml-auto">
                  <input type="hidden" name="sessionId" value={s.id} />
                  <Button type="submit" variant="secondary">
                    {t("account.endSession")}
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <SignOutForm action={signOutEverywhereAction} className="space-y-1">
          <Button type="submit" variant="danger">
            {t("account.signOutEverywhere")}
          </Button>
          <p className="text-xs text-zinc-500">{t("account.signOutEverywhereHint")}</p>
        </SignOutForm>
      </section>
    </main>
  );
}
