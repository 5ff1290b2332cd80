import { readRoute, writeRoute } from "@/lib/api/handlers";
import { OPERATIONS } from "@/lib/api/operations";
import { apiGetConversation } from "@/lib/api/conversations";
import { apiPatchConversation } from "@/lib/api/write";

type Ctx = { params: Promise<{ id: string }> };

export async function GET(request: Request, ctx: Ctx) {
  return readRoute(request, ctx, OPERATIONS.getConversation, ({ token, id }) => apiGetConversation({ brandId: token.brandId, id }));
}

export async function PATCH(request: Request, ctx: Ctx) {
  return writeRoute(request, ctx, OPERATIONS.updateConversation, "conversation", apiPatchConversation);
}
