import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { localeFromHeader, translator } from "@/lib/i18n/messages";
import { I18nProvider } from "@/app/_components/i18n.client";
import { getSessionUser } from "@/lib/auth/session";
import { readDemoLogins } from "@/lib/seed/demo-logins";
import { LoginForm } from "./login-form.client";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await getSessionUser()) redirect("/inbox");
  const demo = readDemoLogins();
  const locale = localeFromHeader((await headers()).get("accept-language"));
  const t = translator(locale);
  return (
    <main lang={locale} className="flex min-h-screen flex-col items-center justify-center gap-6 bg-zinc-50 p-4 dark:bg-zinc-950">
      {demo.length > 0 && (
        <p className="rounded-full bg-amber-300 px-3 py-1 text-xs font-semibold uppercase tracking-wide text-amber-950">
          Demo workspace
        </p>
      )}
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="mb-1 text-xl font-semibold">Replyhour</h1>
        <p className="mb-5 text-zinc-500">{t("login.title")}</p>
        <I18nProvider locale={locale}>
          <LoginForm next={next ?? "/inbox"} />
        </I18nProvider>
      </div>
      {demo.length > 0 && (
        <section aria-labelledby="demo-logins" className="w-full max-w-sm rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          <h2 id="demo-logins" className="mb-2 font-semibold">Demo logins (generated for this installation)</h2>
          <ul className="space-y-1 font-mono text-xs">
            {demo.map((login) => (
              <li key={login.email}>
                <span className="font-sans font-medium">{login.role}</span>: {login.email} / {login.password}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
