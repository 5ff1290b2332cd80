import { formatDuration } from "@/lib/metrics/format";
import type { LiveTiles } from "@/lib/metrics/tiles";

function Tile({ label, value, hint, tone = "neutral" }: { label: string; value: string; hint?: string; tone?: "neutral" | "bad" | "good" }) {
  const color = tone === "bad" ? "text-red-700 dark:text-red-400" : tone === "good" ? "text-emerald-700 dark:text-emerald-400" : "";
  return (
    <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${color}`} data-testid={`tile-${label.toLowerCase().replace(/\W+/g, "-")}`}>
        {value}
      </dd>
      {hint && <p className="mt-0.5 text-xs text-zinc-500">{hint}</p>}
    </div>
  );
}

// The live tiles every member sees, agents included.
export function Tiles({ tiles, locale }: { tiles: LiveTiles; locale: string }) {
  const duration = (s: number | null) => (s == null ? "—" : formatDuration({ seconds: s, locale }));
  const median = tiles.medianFirstResponseTodaySeconds;
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Tile label="Waiting now" value={String(tiles.waitingNow)} hint="requests without a first reply" />
      <Tile label="Oldest waiting" value={duration(tiles.oldestWaitingSeconds)} tone={tiles.oldestWaitingSeconds != null && tiles.oldestWaitingSeconds > tiles.targetSeconds ? "bad" : "neutral"} />
      <Tile label="At risk" value={String(tiles.atRisk)} tone={tiles.atRisk > 0 ? "bad" : "neutral"} />
      <Tile label="Breached today" value={String(tiles.breachedToday)} tone={tiles.breachedToday > 0 ? "bad" : "good"} />
      <Tile
        label="Median first response today"
        value={duration(median)}
        hint={`target ${duration(tiles.targetSeconds)} · ${tiles.answeredToday} answered`}
        tone={median == null ? "neutral" : median <= tiles.targetSeconds ? "good" : "bad"}
      />
      <Tile
        label="Within target today"
        value={tiles.withinTargetShareToday == null ? "—" : `${Math.round(tiles.withinTargetShareToday * 100)}%`}
        hint="answered requests"
      />
    </dl>
  );
}
