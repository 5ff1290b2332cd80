import { authenticateBearer } from "@/lib/auth/tokens";
import { checkRateLimit, errorResponse, readJsonBody } from "@/lib/api/http";
import { receiveEvents } from "@/lib/api/events";

export async function POST(request: Request) {
  try {
    const token = await authenticateBearer({ header: request.headers.get("authorization") });
    await checkRateLimit({ tokenId: token.tokenId });
    const result = await receiveEvents({ token, readBody: () => readJsonBody(request) });
    return Response.json(result, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
