import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { demoSite } from "@/lib/widget/demo-site";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Demo site" };

async function ownOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

// A pretend airline home page with the website widget, as a brand's site would embed it.
export default async function DemoSitePage() {
  const site = await demoSite();
  if (!site) notFound();
  const origin = await ownOrigin();
  const h = await headers();
  const allowed = site.origins.includes(origin);
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-6 text-base">
      <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        This is a demo page of {site.brand}, served by Replyhour while the demo is on. The button in the corner is the website widget; what you write
        arrives in the inbox of {site.brand} (sign in as the demo agent at <a className="underline" href="/login">/login</a>), and the answer appears here without reloading.
        {site.publicStatus && (
          <>
            {" "}
            The live figure is public too: <a className="underline" href={`/status/${site.slug}`}>/status/{site.slug}</a>.
          </>
        )}
      </p>
      {!allowed && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          This address ({origin}) is not among the widget&apos;s allowed origins ({site.origins.join(", ")}), so the widget will refuse to work here. Add it in
          Settings → Channels → {site.brand} → Website chat.
        </p>
      )}
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{site.brand}</h1>
        <p className="text-zinc-600">Fly smarter between Amsterdam, Sofia, Tirana and beyond.</p>
      </header>
      <section className="grid gap-4 sm:grid-cols-3">
        {["Book a flight", "Manage booking", "Baggage"].map((title) => (
          <div key={title} className="rounded-lg border border-zinc-200 p-4">
            <h2 className="font-semibold">{title}</h2>
            <p className="text-sm text-zinc-500">Questions? Use the chat in the corner.</p>
          </div>
        ))}
      </section>
      {/* The page's CSP admits scripts carrying its nonce; the widget then runs as on any site. */}
      <script src="/widget.js" data-channel={site.publicKey} async nonce={h.get("x-nonce") ?? undefined} />
    </main>
  );
}
