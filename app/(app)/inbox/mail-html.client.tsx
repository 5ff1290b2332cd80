"use client";

import { useState } from "react";
import { useT } from "@/app/_components/i18n.client";
import { Button } from "@/app/_components/ui/button";

// The formatted version of an HTML mail in a sandboxed frame (no scripts, no same-origin access).
// Remote images stay off, so the sender learns nothing, until the agent asks for this message.
export function MailHtml({ document, withImages }: { document: string; withImages: string | null }) {
  const t = useT();
  const [images, setImages] = useState(false);
  return (
    <details className="mt-1 text-xs text-zinc-500">
      <summary className="cursor-pointer">{t("conversation.html")}</summary>
      {withImages && (
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <Button type="button" variant="secondary" aria-pressed={images} onClick={() => setImages((on) => !on)}>
            {images ? t("conversation.hideImages") : t("conversation.showImages")}
          </Button>
          {!images && <span>{t("conversation.imagesBlocked")}</span>}
        </div>
      )}
      <iframe
        title={t("conversation.htmlFrame")}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={images && withImages ? withImages : document}
        className="mt-1 h-80 w-full resize-y rounded border border-zinc-200 bg-white dark:border-zinc-700"
      />
    </details>
  );
}
