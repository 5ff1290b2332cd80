import { errorResponse, readRawBody } from "@/lib/api/http";
import { handleTelegramWebhook } from "@/lib/ingest/webhooks/telegram";

export async function POST(request: Request, { params }: { params: Promise<{ channelId: string }> }) {
  try {
    const { channelId } = await params;
    const rawBody = await readRawBody(request);
    const result = await handleTelegramWebhook({ channelId, rawBody, secretHeader: request.headers.get("x-telegram-bot-api-secret-token") });
    return Response.json({ ok: true, ...result });
  } catch (error) {
    return errorResponse(error);
  }
}
