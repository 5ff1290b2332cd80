import { authenticateBearer } from "@/lib/auth/tokens";
import { authorize } from "@/lib/auth/authorize";
import { checkRateLimit, errorResponse } from "@/lib/api/http";
import { apiGetConversation } from "@/lib/api/conversations";
import { AppError } from "@/lib/errors";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const principal = await authenticateBearer({ header: request.headers.get("authorization") });
    await checkRateLimit({ tokenId: principal.tokenId });
    authorize({ actor: { kind: "token", token: principal }, brandId: principal.brandId, needs: { scope: "read" } });
    const { id } = await params;
    if (!/^\d{1,15}$/.test(id)) throw new AppError("not_found:conversation");
    return Response.json(await apiGetConversation({ brandId: principal.brandId, id: Number(id) }));
  } catch (error) {
    return errorResponse(error);
  }
}
