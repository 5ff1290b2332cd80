import { getDb } from "@/db/client";
import { authenticateBearer, requireScope } from "@/lib/auth/tokens";
import { checkRateLimit, errorResponse } from "@/lib/api/http";
import { apiGetConversation } from "@/lib/api/conversations";
import { AppError } from "@/lib/errors";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const db = getDb();
    const principal = authenticateBearer({ db, header: request.headers.get("authorization") });
    checkRateLimit({ tokenId: principal.tokenId });
    requireScope(principal, "read");
    const { id } = await params;
    if (!/^\d{1,15}$/.test(id)) throw new AppError("not_found:conversation");
    return Response.json(apiGetConversation({ db, brandId: principal.brandId, id: Number(id) }));
  } catch (error) {
    return errorResponse(error);
  }
}
