"use client";

import { useFormStatus } from "react-dom";
import { setAvailabilityAction } from "./actions";
import { useT } from "@/app/_components/i18n.client";

function Toggle({ available }: { available: boolean }) {
  const { pending } = useFormStatus();
  const t = useT();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-pressed={available}
      title={available ? t("header.availableHint") : t("header.awayHint")}
      className="inline-flex items-center gap-1.5 rounded px-2 py-1 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${available ? "bg-emerald-500" : "bg-zinc-400"}`} />
      {available ? t("header.available") : t("header.away")}
    </button>
  );
}

// An agent's own switch for automatic assignment.
export function Availability({ available }: { available: boolean }) {
  return (
    <form action={setAvailabilityAction}>
      <input type="hidden" name="available" value={available ? "0" : "1"} />
      <Toggle available={available} />
    </form>
  );
}
