import { errorResponse } from "@/lib/api/http";
import { getSignedIn } from "@/lib/auth/session";
import { streamPresence } from "@/lib/presence/presence";
import { streamBrands } from "@/lib/realtime/access";
import { changeWaiter, changesSince, latestChangeId } from "@/lib/realtime/tail";

export const dynamic = "force-dynamic";

const KEEP_ALIVE_MS = 15_000;

// Server-sent events tailing the change log, in commit order, for the brands the user belongs to.
export async function GET(request: Request) {
  const signedIn = await getSignedIn();
  if (!signedIn) return Response.json({ error: { code: "unauthorized", message: "Sign in first." } }, { status: 401 });
  const { user, sessionId } = signedIn;
  if (user.mustChangePassword) return Response.json({ error: { code: "forbidden", message: "Choose your own password first (Account)." } }, { status: 403 });
  // Resume from the browser's Last-Event-ID, else from the change the page was rendered at.
  const params = new URL(request.url).searchParams;
  const resume = request.headers.get("last-event-id") ?? params.get("after");
  const resumeId = resume != null && /^\d{1,15}$/.test(resume) ? Number(resume) : null;
  // A conversation pane's stream carries its page view: the stream's end is the view's leave.
  let presence: ReturnType<typeof streamPresence>;
  try {
    presence = streamPresence({ param: params.get("presence"), user });
    await presence?.arrive();
  } catch (error) {
    return errorResponse(error);
  }
  const leave = () => void presence?.leave().catch(() => undefined);
  let cursor = resumeId ?? (await latestChangeId());
  const encoder = new TextEncoder();
  const waiter = changeWaiter();
  let open = true;
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`retry: 2000\nid: ${cursor}\n\n`));
      const close = () => {
        if (!open) return;
        open = false;
        waiter.stop();
        leave();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      request.signal.addEventListener("abort", close);
      // One read at a time, so the cursor moves in order; woken by commits on any server.
      void (async () => {
        let idle = 0;
        while (open) {
          try {
            // Access is re-checked on every pass: an ended session or a lost brand stops the stream.
            const brandIds = await streamBrands({ sessionId, userId: user.id });
            if (!brandIds) {
              controller.enqueue(encoder.encode(`event: signed-out\ndata: {}\n\n`));
              return close();
            }
            const rows = await changesSince({ brandIds, afterId: cursor });
            for (const row of rows) {
              cursor = row.seq;
              const data = { id: row.seq, brandId: row.brandId, kind: row.kind, conversationId: row.conversationId, userId: row.userId };
              controller.enqueue(encoder.encode(`id: ${row.seq}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`));
            }
            // A full page means more is waiting: read on without sleeping.
            if (rows.length === 500) continue;
            if (rows.length === 0 && (idle += waiter.everyMs) >= KEEP_ALIVE_MS) {
              idle = 0;
              controller.enqueue(encoder.encode(": keep-alive\n\n"));
            }
          } catch {
            return close();
          }
          await waiter.next();
        }
      })();
    },
    cancel() {
      open = false;
      waiter.stop();
      leave();
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
