import { errorResponse, readRawBody } from "@/lib/api/http";
import { answerMetaChallenge, handleMetaWebhook } from "@/lib/ingest/webhooks/meta";

export async function GET(request: Request) {
  try {
    const challenge = answerMetaChallenge({ query: new URL(request.url).searchParams, verifyToken: process.env.META_VERIFY_TOKEN ?? "" });
    return new Response(challenge, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    const rawBody = await readRawBody(request);
    const result = await handleMetaWebhook({
      rawBody,
      signature: request.headers.get("x-hub-signature-256"),
      appSecret: process.env.META_APP_SECRET ?? "",
      appId: process.env.META_APP_ID || undefined,
    });
    return Response.json({ ok: true, ...result });
  } catch (error) {
    return errorResponse(error);
  }
}
