import { formatDuration } from "@/lib/metrics/format";
import type { LiveTiles } from "@/lib/metrics/tiles";
import { translator, type Locale } from "@/lib/i18n/messages";

// `id` names the tile for tests in every language.
function Tile({ id, label, value, hint, tone = "neutral" }: { id: string; label: string; value: string; hint?: string; tone?: "neutral" | "bad" | "good" }) {
  const color = tone === "bad" ? "text-red-700 dark:text-red-400" : tone === "good" ? "text-emerald-700 dark:text-emerald-400" : "";
  return (
    <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${color}`} data-testid={`tile-${id}`}>
        {value}
      </dd>
      {hint && <dd className="mt-0.5 text-xs text-zinc-500">{hint}</dd>}
    </div>
  );
}

// The live tiles every member sees, agents included.
export function Tiles({ tiles, locale }: { tiles: LiveTiles; locale: Locale }) {
  const t = translator(locale);
  const duration = (s: number | null) => (s == null ? "—" : formatDuration({ seconds: s, locale }));
  const median = tiles.medianFirstResponseTodaySeconds;
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Tile id="waiting-now" label={t("dashboard.tile.waitingNow")} value={String(tiles.waitingNow)} hint={t("dashboard.tile.waitingNowHint")} />
      <Tile id="oldest-waiting" label={t("dashboard.tile.oldestWaiting")} value={duration(tiles.oldestWaitingSeconds)} tone={tiles.oldestWaitingSeconds != null && tiles.oldestWaitingSeconds > tiles.targetSeconds ? "bad" : "neutral"} />
      <Tile id="at-risk" label={t("dashboard.tile.atRisk")} value={String(tiles.atRisk)} tone={tiles.atRisk > 0 ? "bad" : "neutral"} />
      <Tile id="breached-today" label={t("dashboard.tile.breachedToday")} value={String(tiles.breachedToday)} tone={tiles.breachedToday > 0 ? "bad" : "good"} />
      <Tile
        id="median-first-response-today"
        label={t("dashboard.tile.medianToday")}
        value={duration(median)}
        hint={t("dashboard.tile.medianTodayHint", { target: duration(tiles.targetSeconds), count: tiles.answeredToday })}
        tone={median == null ? "neutral" : median <= tiles.targetSeconds ? "good" : "bad"}
      />
      <Tile
        id="within-target-today"
        label={t("dashboard.tile.withinToday")}
        value={tiles.withinTargetShareToday == null ? "—" : `${Math.round(tiles.withinTargetShareToday * 100)}%`}
        hint={t("dashboard.tile.withinTodayHint")}
      />
    </dl>
  );
}
