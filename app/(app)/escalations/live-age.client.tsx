"use client";

import { useEffect, useState } from "react";
import { formatDuration } from "@/lib/metrics/format";
import { useLocale } from "@/app/_components/i18n.client";

// Age of an escalation that keeps counting without a reload; `ageSeconds` is as of the server's render.
export function LiveAge({ since, ageSeconds }: { since: number; ageSeconds: number }) {
  const locale = useLocale();
  const now = since + ageSeconds * 1000;
  const [clock, setClock] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setClock(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, (Math.max(clock, now) - since) / 1000);
  return (
    <time dateTime={new Date(since).toISOString()} title={new Date(since).toUTCString()} className="tabular-nums">
      {formatDuration({ seconds, locale })}
    </time>
  );
}
