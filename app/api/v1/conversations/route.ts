import { getDb } from "@/db/client";
import { authenticateBearer, requireScope } from "@/lib/auth/tokens";
import { checkRateLimit, errorResponse } from "@/lib/api/http";
import { conversationFilterSchema } from "@/lib/api/events";
import { apiListConversations } from "@/lib/api/conversations";
import { AppError } from "@/lib/errors";

export async function GET(request: Request) {
  try {
    const db = getDb();
    const principal = authenticateBearer({ db, header: request.headers.get("authorization") });
    checkRateLimit({ tokenId: principal.tokenId });
    requireScope(principal, "read");
    const parsed = conversationFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success)
      throw new AppError("bad_request:query", "Invalid filter.", {
        fields: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      });
    return Response.json(apiListConversations({ db, brandId: principal.brandId, filters: parsed.data }));
  } catch (error) {
    return errorResponse(error);
  }
}
