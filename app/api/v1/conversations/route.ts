import { authenticateBearer } from "@/lib/auth/tokens";
import { authorize } from "@/lib/auth/authorize";
import { checkRateLimit, errorResponse } from "@/lib/api/http";
import { conversationFilterSchema } from "@/lib/api/events";
import { apiListConversations } from "@/lib/api/conversations";
import { AppError } from "@/lib/errors";

export async function GET(request: Request) {
  try {
    const principal = await authenticateBearer({ header: request.headers.get("authorization") });
    await checkRateLimit({ tokenId: principal.tokenId });
    authorize({ actor: { kind: "token", token: principal }, brandId: principal.brandId, needs: { scope: "read" } });
    const parsed = conversationFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success)
      throw new AppError("bad_request:query", "Invalid filter.", {
        fields: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      });
    return Response.json(await apiListConversations({ brandId: principal.brandId, filters: parsed.data }));
  } catch (error) {
    return errorResponse(error);
  }
}
