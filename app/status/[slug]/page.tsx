import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { figureSentence } from "@/lib/metrics/badge";
import { formatDuration } from "@/lib/metrics/format";
import { brandLiveFigure, type PublicFigure } from "@/lib/metrics/live";
import { AutoRefresh } from "./auto-refresh.client";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

function load(slug: string): PublicFigure {
  const figure = slug.length <= 64 ? brandLiveFigure({ db: getDb(), slug }) : null;
  if (!figure) notFound();
  return figure;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const figure = load((await params).slug);
  return { title: `${figure.brand} response time` };
}

function basisText(figure: PublicFigure): string {
  const d = (s: number) => formatDuration({ seconds: s, locale: "en" });
  const waiting = figure.oldestWaitingSeconds != null ? ` The oldest question still waiting arrived ${d(figure.oldestWaitingSeconds)} ago.` : "";
  if (figure.basis === "none") return `No replies in the last 24 hours, so there is no recent figure yet.${waiting}`;
  const span = figure.basis === "60m" ? "the last hour" : "the last 24 hours";
  const floor = figure.displaySeconds != null && figure.medianSeconds != null && figure.displaySeconds > figure.medianSeconds
    ? " The figure is raised to the wait of the oldest question still open."
    : "";
  return `Median first reply over ${figure.sampleSize} ${figure.sampleSize === 1 ? "conversation" : "conversations"} answered in ${span}.${floor}`;
}

// Public, embeddable, no sign-in and no app chrome: only the brand's live figure.
export default async function StatusPage({ params }: Props) {
  const figure = load((await params).slug);
  return (
    <main className="mx-auto max-w-md space-y-2 p-6 text-center">
      <AutoRefresh seconds={60} />
      <h1 className="text-base font-medium text-zinc-600 dark:text-zinc-400">{figure.brand}</h1>
      <p className="text-2xl font-semibold" data-testid="live-figure">
        {figureSentence({ figure })}
      </p>
      <p className="text-zinc-500" data-testid="live-basis">
        {basisText(figure)}
      </p>
      <p className="text-xs text-zinc-400">
        Target {formatDuration({ seconds: figure.targetSeconds, locale: "en" })} · updated{" "}
        <time dateTime={figure.updatedAt}>{figure.updatedAt.slice(11, 16)} UTC</time>
      </p>
    </main>
  );
}
