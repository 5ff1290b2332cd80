"use client";

import { useActionState, useEffect, useRef } from "react";
import { assignAction, correctAction, markNoiseAction, retryAction, statusAction } from "./actions";
import { Button } from "@/app/_components/ui/button";
import { FormMessage } from "@/app/_components/ui/form-message";

function Hidden({ values }: { values: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

// Toolbar of the open conversation; a resolves, a assigns to me, m marks noise (keyboard).
export function ConversationToolbar({ brandId, conversationId, status }: { brandId: number; conversationId: number; status: string }) {
  const [assignState, assign] = useActionState(assignAction, null);
  const [statusState, setStatus] = useActionState(statusAction, null);
  const [noiseState, markNoise] = useActionState(markNoiseAction, null);
  const assignForm = useRef<HTMLFormElement>(null);
  const resolveForm = useRef<HTMLFormElement>(null);
  const noiseForm = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable]") || event.metaKey || event.ctrlKey || event.altKey) return;
      const form = event.key === "a" ? assignForm : event.key === "e" ? resolveForm : event.key === "m" ? noiseForm : null;
      if (form?.current) {
        event.preventDefault();
        form.current.requestSubmit();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const ids = { brandId, conversationIds: String(conversationId) };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={assign} ref={assignForm}>
        <Hidden values={{ ...ids, assignee: "me" }} />
        <Button type="submit" variant="secondary" aria-keyshortcuts="a">
          Assign to me
        </Button>
      </form>
      <form action={setStatus} ref={resolveForm}>
        <Hidden values={{ ...ids, status: status === "resolved" ? "open" : "resolved" }} />
        <Button type="submit" variant="secondary" aria-keyshortcuts="e" disabled={status === "resolved"}>
          Resolve
        </Button>
      </form>
      <form action={setStatus}>
        <Hidden values={{ ...ids, status: "pending" }} />
        <Button type="submit" variant="ghost" disabled={status === "resolved"}>
          Pending
        </Button>
      </form>
      <form action={markNoise} ref={noiseForm}>
        <Hidden values={ids} />
        <Button type="submit" variant="ghost" aria-keyshortcuts="m">
          Mark noise
        </Button>
      </form>
      <FormMessage state={assignState ?? statusState ?? noiseState} />
    </div>
  );
}

export function MessageCorrection({ brandId, messageId, category }: { brandId: number; messageId: number; category: string | null }) {
  const [state, correct] = useActionState(correctAction, null);
  const isRequest = category === "request";
  return (
    <form action={correct} className="inline-flex items-center gap-2">
      <Hidden values={{ brandId, messageId, request: isRequest ? "false" : "true" }} />
      <button type="submit" className="text-xs text-blue-700 underline dark:text-blue-400">
        {isRequest ? "Not a request" : "Is a request"}
      </button>
      {state?.error && <span className="text-xs text-red-700">{state.error}</span>}
    </form>
  );
}

export function RetryReply({ brandId, messageId }: { brandId: number; messageId: number }) {
  const [state, retry] = useActionState(retryAction, null);
  return (
    <form action={retry} className="inline">
      <Hidden values={{ brandId, messageId }} />
      <button type="submit" className="text-xs text-blue-700 underline">
        Retry
      </button>
      {state?.error && <span className="text-xs text-red-700"> {state.error}</span>}
    </form>
  );
}
