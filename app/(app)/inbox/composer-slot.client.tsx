"use client";

import dynamic from "next/dynamic";
import type { ComposerProps } from "./composer.client";
import { useT } from "@/app/_components/i18n.client";

function ComposerLoading() {
  const t = useT();
  return (
    <div className="h-36 rounded-lg border border-zinc-200 dark:border-zinc-800" aria-busy="true">
      <span className="sr-only">{t("composer.loading")}</span>
    </div>
  );
}

const Composer = dynamic(() => import("./composer.client").then((m) => m.Composer), {
  ssr: false,
  loading: ComposerLoading,
});

// Keyed by conversation: a draft, its baseline and an open picker never follow the agent to the next one.
export function ComposerSlot(props: ComposerProps) {
  return <Composer key={props.conversationId} {...props} />;
}
