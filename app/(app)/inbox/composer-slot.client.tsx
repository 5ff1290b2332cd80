"use client";

import dynamic from "next/dynamic";

export const ComposerSlot = dynamic(() => import("./composer.client").then((m) => m.Composer), {
  ssr: false,
  loading: () => <div className="h-36 rounded-lg border border-zinc-200 dark:border-zinc-800" aria-busy="true" />,
});
