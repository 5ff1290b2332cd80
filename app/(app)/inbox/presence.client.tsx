"use client";

import { useEffect, useState } from "react";
import { useT } from "@/app/_components/i18n.client";

type Viewer = { userId: number; name: string; state: "viewing" | "typing" };

const HEARTBEAT_MS = 10_000;
const TYPING_IDLE_MS = 5_000;
const TYPING_RENEW_MS = 4_000;

// Collision detection: announces this agent (viewing, typing) and shows who else has the
// conversation open. The heartbeat's answer keeps the list fresh (entries expire on the
// server after 30 s, or at once when the view's stream ends); presence changes on the server's
// change stream make it immediate.
export function Presence({ brandId, conversationId }: { brandId: number; conversationId: number }) {
  const [others, setOthers] = useState<Viewer[]>([]);
  const t = useT();

  useEffect(() => {
    let stopped = false;
    const view = crypto.randomUUID();
    let typing = false;
    let lastTypingBeat = 0;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const take = async (response: Response) => {
      if (!stopped && response.ok) setOthers(((await response.json()) as { others: Viewer[] }).others);
    };
    const send = (state: "viewing" | "typing" | "left") =>
      fetch("/api/presence", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ brandId, conversationId, state, view }),
        keepalive: state === "left",
      })
        .then(state === "left" ? () => undefined : take)
        .catch(() => undefined);
    const refresh = () =>
      fetch(`/api/presence?brandId=${brandId}&conversationId=${conversationId}`, { cache: "no-store" })
        .then(take)
        .catch(() => undefined);

    void send("viewing");
    const beat = setInterval(() => void send(typing ? "typing" : "viewing"), HEARTBEAT_MS);
    const onTyping = (event: Event) => {
      if ((event as CustomEvent<{ conversationId: number }>).detail?.conversationId !== conversationId) return;
      if (!typing || Date.now() - lastTypingBeat > TYPING_RENEW_MS) {
        typing = true;
        lastTypingBeat = Date.now();
        void send("typing");
      }
      clearTimeout(idle);
      idle = setTimeout(() => {
        typing = false;
        void send("viewing");
      }, TYPING_IDLE_MS);
    };
    // The stream names this view: when it ends (the tab closes, the page navigates away, the
    // connection drops) the server takes the agent off, even if the leave request below is lost.
    const source = new EventSource(`/api/realtime?presence=${brandId}.${conversationId}.${view}`);
    source.addEventListener("change", (event) => {
      const change = JSON.parse((event as MessageEvent).data) as { kind: string; conversationId: number | null };
      if (change.kind === "presence" && change.conversationId === conversationId) void refresh();
    });
    const onHide = () => void send("left");
    window.addEventListener("replyhour:typing", onTyping);
    window.addEventListener("pagehide", onHide);
    return () => {
      stopped = true;
      clearInterval(beat);
      clearTimeout(idle);
      source.close();
      window.removeEventListener("replyhour:typing", onTyping);
      window.removeEventListener("pagehide", onHide);
      void send("left");
    };
  }, [brandId, conversationId]);

  const typing = others.filter((o) => o.state === "typing");
  const viewing = others.filter((o) => o.state === "viewing");
  const names = (list: Viewer[]) => list.map((o) => o.name).join(", ");
  return (
    <div role="status" aria-live="polite" data-testid="presence" className="min-h-5 text-xs">
      {typing.length > 0 && (
        <p className="text-amber-800 dark:text-amber-300">
          <span aria-hidden className="mr-1 inline-block h-2 w-2 animate-pulse rounded-full bg-amber-500" />
          {t("presence.typing", { count: typing.length, names: names(typing) })}
        </p>
      )}
      {viewing.length > 0 && (
        <p className="text-zinc-600 dark:text-zinc-400">
          <span aria-hidden className="mr-1 inline-block h-2 w-2 rounded-full bg-emerald-500" />
          {t("presence.viewing", { count: viewing.length, names: names(viewing) })}
        </p>
      )}
    </div>
  );
}
