import { requirePageUser } from "@/lib/auth/session";
import { signOutAction } from "./actions";
import { Nav } from "./nav.client";
import { BrandSwitcher } from "./brand-switcher.client";
import { NotificationBell } from "./notification-bell";
import { Availability } from "./availability.client";
import { demoEnabled } from "@/lib/seed/demo-logins";
import { translator } from "@/lib/i18n/messages";
import { I18nProvider } from "@/app/_components/i18n.client";
import { LocaleSwitch } from "./locale-switch.client";
import { PasswordForm } from "./account/password-form.client";
import { MyInvitations } from "./account/invitations";
import { SignOutForm } from "@/app/_components/drafts.client";
import { HeaderMenu } from "./header-menu.client";
import { ThemeSwitch } from "./theme-switch.client";
import { cookies } from "next/headers";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { ServiceWorker } from "@/app/_components/service-worker.client";
import { ConnectionNotice } from "@/app/_components/connection-notice.client";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const brands = user.memberships.map((m) => ({ slug: m.slug, name: m.name, role: m.role }));
  const isAdmin = user.memberships.some((m) => m.role === "admin");
  const t = translator(user.locale);
  return (
    <I18nProvider locale={user.locale}>
      {/* Nothing may scroll the page sideways on a phone; clip (unlike hidden) keeps sticky parts working. */}
      <div className="flex min-h-screen flex-col overflow-x-clip" lang={user.locale}>
        <ServiceWorker />
        <ConnectionNotice />
        {demoEnabled() && (
          <div className="bg-amber-300 px-4 py-0.5 text-center text-xs font-semibold text-amber-950">
            {t("header.demo")}
          </div>
        )}
        <header className="relative flex items-center gap-3 border-b border-zinc-200 px-3 py-2 md:gap-4 md:px-4 dark:border-zinc-800">
          <a href="/inbox" className="font-semibold">
            Replyhour
          </a>
          <HeaderMenu>
            <Nav showSettings={isAdmin || user.memberships.some((m) => m.role === "manager")} />
            <div className="flex flex-wrap items-center gap-3 md:ml-auto">
              <BrandSwitcher brands={brands} />
              <Availability available={user.available} />
              <LocaleSwitch />
              <ThemeSwitch theme={parseTheme((await cookies()).get(THEME_COOKIE)?.value)} />
              <a href="/account" className="text-zinc-600 hover:underline dark:text-zinc-400" data-testid="current-user" title={t("header.account")}>
                {user.name}
              </a>
              <SignOutForm action={signOutAction}>
                <button type="submit" className="rounded px-2 py-1 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800">
                  {t("header.signOut")}
                </button>
              </SignOutForm>
            </div>
          </HeaderMenu>
          <NotificationBell user={user} />
        </header>
        {user.mustChangePassword ? (
          // A one-time password opens nothing but the form that replaces it.
          <main className="mx-auto w-full max-w-3xl space-y-3 p-4 sm:p-6">
            <h1 className="text-lg font-semibold">{t("account.password")}</h1>
            <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
              {t("account.mustChange")}
            </p>
            <PasswordForm />
          </main>
        ) : brands.length === 0 ? (
          <main className="p-8">
            <p className="font-medium">{t("header.noBrand")}</p>
            <p className="text-zinc-500">{t("header.noBrandHint")}</p>
            <div className="mt-6 max-w-3xl">
              <MyInvitations user={user} />
            </div>
          </main>
        ) : (
          <div className="flex flex-1 flex-col">{children}</div>
        )}
      </div>
    </I18nProvider>
  );
}
