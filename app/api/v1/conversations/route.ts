import { readRoute } from "@/lib/api/handlers";
import { OPERATIONS } from "@/lib/api/operations";
import { apiListConversations } from "@/lib/api/conversations";

export async function GET(request: Request) {
  return readRoute(request, undefined, OPERATIONS.listConversations, ({ token, query }) => apiListConversations({ brandId: token.brandId, filters: query }));
}
