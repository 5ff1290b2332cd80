import { errorResponse, readRawBody } from "@/lib/api/http";
import { handleVkWebhook } from "@/lib/ingest/webhooks/vk";

export async function POST(request: Request, { params }: { params: Promise<{ channelId: string }> }) {
  try {
    const { channelId } = await params;
    const rawBody = await readRawBody(request);
    const { text } = await handleVkWebhook({ channelId, rawBody });
    return new Response(text, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
  } catch (error) {
    return errorResponse(error);
  }
}
