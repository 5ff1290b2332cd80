import { getDb } from "@/db/client";
import { authenticateBearer, requireScope } from "@/lib/auth/tokens";
import { checkRateLimit, errorResponse, readJsonBody } from "@/lib/api/http";
import { ingestApiEvents, parseEventsBody } from "@/lib/api/events";

export async function POST(request: Request) {
  try {
    const db = getDb();
    const principal = authenticateBearer({ db, header: request.headers.get("authorization") });
    checkRateLimit({ tokenId: principal.tokenId });
    requireScope(principal, "ingest");
    const { events } = parseEventsBody(await readJsonBody(request));
    const result = ingestApiEvents({ db, brandId: principal.brandId, events });
    return Response.json(result, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
