import { errorResponse, readJsonBody } from "@/lib/api/http";
import { clientAddress } from "@/lib/security/client-address";
import { openWidget, type Widget } from "./channel";
import { limitRate, WIDGET_LIMITS } from "./rate-limit";
import { MAX_WIDGET_BODY_BYTES } from "./conversation";

export type WidgetRequest = { widget: Widget; ip: string; token: string | null; cors: Record<string, string>; json: () => Promise<unknown> };

// X-Forwarded-For counts only from TRUSTED_PROXIES (lib/security/client-address).
export function clientIp(request: Request): string {
  return clientAddress(request.headers);
}

// Browsers send no Origin on a same-origin GET (fetch, EventSource): then this server's own
// origin is the caller's, as Sec-Fetch-Site says; it is checked against the allowed list like any other.
export function requestOrigin(request: Request): string | null {
  const origin = request.headers.get("origin");
  if (origin) return origin;
  if (request.headers.get("sec-fetch-site") !== "same-origin") return null;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return new URL(request.url).origin;
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return `${proto}://${host}`;
}

function bearer(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  return new URL(request.url).searchParams.get("token");
}

// Only the channel's allowed origins may read answers (CORS) or frame them (frame-ancestors).
function corsHeaders(widget: Widget, origin: string): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, Last-Event-ID",
    "Access-Control-Max-Age": "600",
    "Content-Security-Policy": `frame-ancestors ${widget.origins.join(" ")}`,
    Vary: "Origin",
    "Cache-Control": "no-store",
  };
}

/**
 * Every widget endpoint: rate limit by address, the channel by its public key, the caller's
 * origin against the channel's allowed origins, then the handler; refusals are JSON errors.
 */
export async function widgetEndpoint(request: Request, key: string, handle: (req: WidgetRequest) => Promise<Response | object>, { status = 200 } = {}): Promise<Response> {
  try {
    const ip = clientIp(request);
    await limitRate({ key: `ip:${ip}`, limit: WIDGET_LIMITS.ipRequests, what: "requests from this address" });
    const origin = requestOrigin(request);
    const widget = await openWidget({ key, origin });
    const cors = corsHeaders(widget, origin!);
    const json = () => readJsonBody(request, { limit: MAX_WIDGET_BODY_BYTES });
    try {
      const result = await handle({ widget, ip, token: bearer(request), cors, json });
      if (result instanceof Response) return result;
      return Response.json(result, { status, headers: cors });
    } catch (error) {
      const response = errorResponse(error);
      for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
      return response;
    }
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
}

export async function widgetPreflight(request: Request, key: string): Promise<Response> {
  return widgetEndpoint(request, key, async ({ cors }) => new Response(null, { status: 204, headers: cors }));
}

export { WIDGET_LIMITS };
