import { formatDuration } from "@/lib/metrics/format";

// Mirrors lib/sla/settings-preview's PreviewExample: client files may not import lib types.
export type PreviewView = { label: string; arrives: string; due: string; wallSeconds: number };

// Shared by the server page and the live editors; plain markup, no lib imports.
export function PreviewList({ examples, timeZone, testId }: { examples: PreviewView[]; timeZone: string; testId?: string }) {
  if (examples.length === 0) return <p className="text-xs text-zinc-500">No preview: the calendar has no open hours.</p>;
  return (
    <ul className="space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400" data-testid={testId}>
      {examples.map((e) => (
        <li key={e.label}>
          A request arriving {e.label} (<span className="font-medium text-zinc-800 dark:text-zinc-200">{e.arrives}</span>) would be due{" "}
          <span className="font-medium text-zinc-800 dark:text-zinc-200">{e.due}</span>
          <span className="text-zinc-500"> — {formatDuration({ seconds: e.wallSeconds, locale: "en" })} later</span>
        </li>
      ))}
      <li className="text-zinc-500">Times in {timeZone}.</li>
    </ul>
  );
}
