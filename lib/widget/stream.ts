import { database, type Db } from "@/db/client";
import { changeWaiter, changesSince, latestChangeId } from "@/lib/realtime/tail";
import type { Widget } from "./channel";
import { visitorConversationIds, visitorMessages } from "./conversation";

const KEEP_ALIVE_MS = 15_000;

/**
 * Server-sent events of one visitor's conversation: every message they may see, once. The
 * brand's change log says when to look again (any process's writes reach it): a change to one
 * of the visitor's conversations re-reads their messages, so a reply queued earlier shows up once sent.
 */
export function visitorStream({ db = database(), widget, visitorId, signal }: { db?: Db; widget: Widget; visitorId: string; signal: AbortSignal }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const shown = new Set<string>();
  let open = true;
  const waiter = changeWaiter({ db });
  const stop = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    if (!open) return;
    open = false;
    waiter.stop();
    try {
      controller.close();
    } catch {
      // Already closed by the visitor going away.
    }
  };
  return new ReadableStream({
    async start(controller) {
      signal.addEventListener("abort", () => stop(controller));
      let cursor = await latestChangeId({ db });
      let mine = new Set(await visitorConversationIds({ db, widget, visitorId }));
      const emit = async () => {
        for (const message of await visitorMessages({ db, widget, visitorId })) {
          if (shown.has(message.id)) continue;
          shown.add(message.id);
          controller.enqueue(encoder.encode(`event: message\ndata: ${JSON.stringify(message)}\n\n`));
        }
      };
      controller.enqueue(encoder.encode("retry: 3000\n\n"));
      await emit();
      // Woken by commits on any server; one read at a time, so the cursor moves in order.
      void (async () => {
        let quiet = 0;
        while (open) {
          try {
            const changes = await changesSince({ db, brandIds: [widget.brandId], afterId: cursor });
            if (changes.length) {
              cursor = changes[changes.length - 1].seq;
              // Until the visitor has written, any change may be their first conversation being made.
              if (mine.size === 0 && changes.some((c) => c.conversationId != null)) mine = new Set(await visitorConversationIds({ db, widget, visitorId }));
              if (changes.some((c) => c.conversationId != null && mine.has(c.conversationId))) await emit();
            }
            quiet = changes.length ? 0 : quiet + waiter.everyMs;
            if (quiet >= KEEP_ALIVE_MS) {
              quiet = 0;
              controller.enqueue(encoder.encode(": keep-alive\n\n"));
            }
          } catch {
            return stop(controller);
          }
          await waiter.next();
        }
      })();
    },
    cancel() {
      open = false;
      waiter.stop();
    },
  });
}
