"use client";

import { useEffect, useState } from "react";
import { useFormat, useT } from "./i18n.client";

// Offline, the page on screen is what was loaded before: say so, with the time, until the network is back.
export function ConnectionNotice() {
  const t = useT();
  const format = useFormat();
  const [offlineSince, setOfflineSince] = useState<Date | null>(null);
  useEffect(() => {
    const update = () => setOfflineSince((since) => (navigator.onLine ? null : (since ?? new Date())));
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  if (!offlineSince) return null;
  return (
    <div role="alert" data-testid="offline-notice" className="bg-zinc-900 px-4 py-1.5 text-center text-xs font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
      {t("offline.notice", { at: format.dateTime(offlineSince, { hour: "2-digit", minute: "2-digit" }) })}
    </div>
  );
}
