"use client";

import { useCallback, useRef, useState } from "react";
import { previewAction } from "./actions";
import { PreviewList, type PreviewView } from "./preview-list";
import { useLocale, useT } from "@/app/_components/i18n.client";

export type PreviewState = { examples: PreviewView[]; timeZone: string } | { error: string };
type PreviewRequest = { targetSeconds: number; atRiskShare: number; calendarId?: number | null; calendar?: string };

/** Asks the server's SLA engine for a fresh preview a moment after the admin stops typing. */
export function usePreview(brandId: number, initial: PreviewState): [PreviewState, (input: PreviewRequest | { error: string }) => void] {
  const t = useT();
  const [preview, setPreview] = useState<PreviewState>(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);
  const request = useCallback(
    (input: PreviewRequest | { error: string }) => {
      clearTimeout(timer.current);
      const ticket = ++latest.current;
      if ("error" in input) {
        setPreview(input);
        return;
      }
      timer.current = setTimeout(async () => {
        const result = await previewAction({ brandId, ...input }).catch(() => ({ error: t("sla.settings.previewFailedOffline") }));
        // A slower answer to an older edit must not overwrite a newer one.
        if (ticket === latest.current) setPreview(result);
      }, 250);
    },
    [brandId, t],
  );
  return [preview, request];
}

export function LivePreview({ preview, heading, testId }: { preview: PreviewState; heading: string; testId: string }) {
  const locale = useLocale();
  return (
    <div className="rounded-md bg-zinc-50 p-3 dark:bg-zinc-900" aria-live="polite">
      <p className="mb-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">{heading}</p>
      {"error" in preview ? (
        <p className="text-xs text-amber-700 dark:text-amber-400" data-testid={testId}>
          {preview.error}
        </p>
      ) : (
        <PreviewList examples={preview.examples} timeZone={preview.timeZone} testId={testId} locale={locale} />
      )}
    </div>
  );
}
