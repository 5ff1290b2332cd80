import { badgeSvg } from "@/lib/metrics/badge";
import { brandLiveFigure } from "@/lib/metrics/live";
import { isLocale, localeFromHeader } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

// The badge for a site or a profile header; same figure and cache as the JSON endpoint. Its words
// follow ?lang= (en, ru, bg, sq: the embedding site's language), else the browser's Accept-Language.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const figure = slug.length <= 64 ? await brandLiveFigure({ slug }) : null;
  if (!figure) {
    return Response.json(
      { error: { code: "not_found", message: "No public response time for this brand." } },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  }
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(lang) ? lang : localeFromHeader(request.headers.get("accept-language"));
  return new Response(badgeSvg({ figure, locale }), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=60", Vary: "Accept-Language" },
  });
}
