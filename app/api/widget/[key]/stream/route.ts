import { widgetEndpoint } from "@/lib/widget/http";
import { requireVisitor } from "@/lib/widget/session";
import { visitorStream } from "@/lib/widget/stream";

export const dynamic = "force-dynamic";

// Server-sent events of the visitor's own conversation; EventSource cannot send headers, so the token comes as ?token=.
export async function GET(request: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  return widgetEndpoint(request, key, async ({ widget, token, cors }) => {
    const visitorId = requireVisitor({ widget, token });
    return new Response(visitorStream({ widget, visitorId, signal: request.signal }), {
      // No compression: a gzip stream would hold events back until its buffer fills.
      headers: { ...cors, "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "Content-Encoding": "none", "X-Accel-Buffering": "no" },
    });
  });
}
