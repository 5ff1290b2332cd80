"use client";

import { useT } from "./i18n.client";

export function NoAccess({ what }: { what: string }) {
  const t = useT();
  return (
    <div role="alert" className="rounded-lg border border-zinc-200 p-6 dark:border-zinc-800">
      <h1 className="text-lg font-semibold">{t("noAccess.title")}</h1>
      <p className="text-zinc-500">
        {what} {t("noAccess.ask")}
      </p>
    </div>
  );
}
