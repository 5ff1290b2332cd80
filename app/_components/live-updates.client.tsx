"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useT } from "./i18n.client";

// Re-renders the page's server components when the change log moves; at most once a second.
export function LiveUpdates({ brandId, afterId }: { brandId: number; afterId: number }) {
  const router = useRouter();
  const t = useT();
  const [status, setStatus] = useState<"live" | "reconnecting">("live");
  useEffect(() => {
    const source = new EventSource(`/api/realtime?after=${afterId}`);
    let pending: ReturnType<typeof setTimeout> | null = null;
    source.addEventListener("change", (event) => {
      const change = JSON.parse((event as MessageEvent).data) as { brandId: number; kind?: string };
      // Presence has its own listener (inbox/presence.client.tsx); it must not re-render whole pages.
      if (change.brandId !== brandId || change.kind === "presence" || pending) return;
      pending = setTimeout(() => {
        pending = null;
        router.refresh();
      }, 700);
    });
    source.onopen = () => setStatus("live");
    source.onerror = () => setStatus("reconnecting");
    return () => {
      source.close();
      if (pending) clearTimeout(pending);
    };
    // afterId only seeds the first connection; later renders must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [brandId, router]);
  return (
    <span role="status" className="text-xs text-zinc-500" data-testid="live-status">
      <span aria-hidden className={`mr-1 inline-block h-2 w-2 rounded-full ${status === "live" ? "bg-emerald-500" : "bg-amber-500"}`} />
      {t(status === "live" ? "live.live" : "live.reconnecting")}
    </span>
  );
}
