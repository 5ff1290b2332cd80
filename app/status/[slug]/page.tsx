import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { brandLiveFigure, type PublicFigure } from "@/lib/metrics/live";
import { localeFromHeader, translator, type Locale } from "@/lib/i18n/messages";
import { statusTexts } from "@/lib/i18n/status";
import { AutoRefresh } from "./auto-refresh.client";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string): Promise<PublicFigure> {
  const figure = slug.length <= 64 ? await brandLiveFigure({ slug }) : null;
  if (!figure) notFound();
  return figure;
}

// Visitors are not signed in: the page speaks the browser's language.
async function visitorLocale(): Promise<Locale> {
  return localeFromHeader((await headers()).get("accept-language"));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const figure = await load((await params).slug);
  return { title: statusTexts({ figure, locale: await visitorLocale() }).title };
}

// Public, embeddable, no sign-in and no app chrome: only the brand's live figure.
export default async function StatusPage({ params }: Props) {
  const figure = await load((await params).slug);
  const locale = await visitorLocale();
  const text = statusTexts({ figure, locale });
  return (
    <main className="mx-auto max-w-md space-y-2 p-6 text-center" lang={locale}>
      <AutoRefresh seconds={60} />
      <h1 className="text-base font-medium text-zinc-600 dark:text-zinc-400">{figure.brand}</h1>
      <p className="text-2xl font-semibold" data-testid="live-figure">
        {text.figure}
      </p>
      <p className="text-zinc-500" data-testid="live-basis">
        {text.basis}
      </p>
      <p className="text-xs text-zinc-400">
        {text.target} · {translator(locale)("status.updated")} <time dateTime={figure.updatedAt}>{figure.updatedAt.slice(11, 16)} UTC</time>
      </p>
    </main>
  );
}
