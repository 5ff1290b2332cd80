import { getSignedIn } from "@/lib/auth/session";
import { streamBrands } from "@/lib/realtime/access";
import { changesSince, latestChangeId } from "@/lib/realtime/tail";

export const dynamic = "force-dynamic";

const POLL_MS = 300;

// Server-sent events tailing the change log for the brands the user belongs to.
export async function GET(request: Request) {
  const signedIn = await getSignedIn();
  if (!signedIn) return Response.json({ error: { code: "unauthorized", message: "Sign in first." } }, { status: 401 });
  const { user, sessionId } = signedIn;
  if (user.mustChangePassword) return Response.json({ error: { code: "forbidden", message: "Choose your own password first (Account)." } }, { status: 403 });
  // Resume from the browser's Last-Event-ID, else from the change the page was rendered at.
  const resume = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after");
  const resumeId = resume != null && /^\d{1,15}$/.test(resume) ? Number(resume) : null;
  let cursor = resumeId ?? (await latestChangeId());
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`retry: 2000\nid: ${cursor}\n\n`));
      let idle = 0;
      let polling = false;
      const close = () => {
        clearInterval(timer);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      timer = setInterval(async () => {
        // A slow read must not overlap the next tick: the cursor moves in order.
        if (polling) return;
        polling = true;
        try {
          // Access is re-checked on every tick: an ended session or a lost brand stops the stream.
          const brandIds = await streamBrands({ sessionId, userId: user.id });
          if (!brandIds) {
            controller.enqueue(encoder.encode(`event: signed-out\ndata: {}\n\n`));
            close();
            return;
          }
          const rows = await changesSince({ brandIds, afterId: cursor });
          for (const row of rows) {
            cursor = row.id;
            const data = { id: row.id, brandId: row.brandId, kind: row.kind, conversationId: row.conversationId, userId: row.userId };
            controller.enqueue(encoder.encode(`id: ${row.id}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`));
          }
          if (rows.length === 0 && ++idle * POLL_MS >= 15_000) {
            idle = 0;
            controller.enqueue(encoder.encode(": keep-alive\n\n"));
          }
        } catch {
          close();
        } finally {
          polling = false;
        }
      }, POLL_MS);
      request.signal.addEventListener("abort", close);
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(stream, {
    // No compression: a gzip stream would hold events back until its buffer fills.
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "Content-Encoding": "none",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    },
  });
}
