import { Button } from "@/app/_components/ui/button";
import { fieldClass } from "@/app/_components/ui/input";
import type { ChannelInfo } from "@/lib/metrics/dashboard";
import { TABLES } from "@/lib/metrics/dashboard-tables";
import { translator, type Locale } from "@/lib/i18n/messages";

export type FilterState = { brand: string; channel: number | null; from: string; to: string };

export function exportHref(state: FilterState, table: string): string {
  const query = new URLSearchParams({ table, brand: state.brand, from: state.from, to: state.to });
  if (state.channel) query.set("channel", String(state.channel));
  return `/dashboard/export?${query}`;
}

// A plain GET form: the filters live in the URL, so a link reproduces the view. Its fields stay
// native so it works before (and without) JavaScript.
export function Filters({ state, channels, locale }: { state: FilterState; channels: ChannelInfo[]; locale: Locale }) {
  const t = translator(locale);
  const field = fieldClass("sm");
  return (
    <form method="get" action="/dashboard" className="flex flex-wrap items-end gap-3" aria-label={t("dashboard.filters")}>
      <input type="hidden" name="brand" value={state.brand} />
      <label className="flex flex-col gap-1 text-xs text-zinc-500">
        {t("dashboard.channel")}
        <select name="channel" defaultValue={state.channel ?? ""} className={field}>
          <option value="">{t("dashboard.allChannels")}</option>
          {channels.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.kind})</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-zinc-500">
        {t("dashboard.from")}
        <input type="date" name="from" defaultValue={state.from} className={field} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-zinc-500">
        {t("dashboard.to")}
        <input type="date" name="to" defaultValue={state.to} className={field} />
      </label>
      <Button type="submit">{t("dashboard.apply")}</Button>
      <span className="ml-auto text-xs text-zinc-500">
        CSV:{" "}
        {TABLES.map((name, i) => (
          <span key={name}>
            {i > 0 && " · "}
            <a href={exportHref(state, name)} className="underline" download>{t(`dashboard.table.${name}`)}</a>
          </span>
        ))}
      </span>
    </form>
  );
}
