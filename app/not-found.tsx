import Link from "next/link";
import { headers } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { localeFromHeader, translator } from "@/lib/i18n/messages";

export default async function NotFound() {
  // Signed-in people get their chosen language; visitors of a public page their browser's.
  const user = await getSessionUser();
  const locale = user?.locale ?? localeFromHeader((await headers()).get("accept-language"));
  const t = translator(locale);
  return (
    <main className="mx-auto max-w-md p-10" lang={locale}>
      <h1 className="text-lg font-semibold">{t("notFound.title")}</h1>
      <p className="mt-1 text-zinc-500">{t("notFound.body")}</p>
      <Link href="/inbox" className="mt-4 inline-block text-blue-700 underline dark:text-blue-400">
        {t("notFound.back")}
      </Link>
    </main>
  );
}
