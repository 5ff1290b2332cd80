import { badgeSvg } from "@/lib/metrics/badge";
import { brandLiveFigure } from "@/lib/metrics/live";

export const dynamic = "force-dynamic";

// The badge for a site or a profile header; same figure and cache as the JSON endpoint.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const figure = slug.length <= 64 ? await brandLiveFigure({ slug }) : null;
  if (!figure) {
    return Response.json(
      { error: { code: "not_found", message: "No public response time for this brand." } },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  }
  return new Response(badgeSvg({ figure }), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=60" },
  });
}
