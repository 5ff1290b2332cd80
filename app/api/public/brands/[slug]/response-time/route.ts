import { brandLiveFigure } from "@/lib/metrics/live";

export const dynamic = "force-dynamic";

const NOT_FOUND = { error: { code: "not_found", message: "No public response time for this brand." } };

// Public and unauthenticated by design: it reveals the figure of a brand that enabled it, nothing else.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const figure = slug.length <= 64 ? await brandLiveFigure({ slug }) : null;
  if (!figure) return Response.json(NOT_FOUND, { status: 404, headers: { "Cache-Control": "no-store" } });
  return Response.json(figure, { headers: { "Cache-Control": "public, max-age=60" } });
}
