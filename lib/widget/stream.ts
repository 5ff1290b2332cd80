import { database, type Db } from "@/db/client";
import { changesSince, latestChangeId } from "@/lib/realtime/tail";
import type { Widget } from "./channel";
import { visitorConversationIds, visitorMessages } from "./conversation";

const POLL_MS = 500;
const KEEP_ALIVE_MS = 15_000;

/**
 * Server-sent events of one visitor's conversation: every message they may see, once. The
 * brand's change log says when to look again (any process's writes reach it): a change to one
 * of the visitor's conversations re-reads their messages, so a reply queued earlier shows up once sent.
 */
export function visitorStream({ db = database(), widget, visitorId, signal }: { db?: Db; widget: Widget; visitorId: string; signal: AbortSignal }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const shown = new Set<string>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    clearInterval(timer);
    try {
      controller.close();
    } catch {
      // Already closed by the visitor going away.
    }
  };
  return new ReadableStream({
    async start(controller) {
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
      let quiet = 0;
      let polling = false;
      timer = setInterval(async () => {
        if (polling) return;
        polling = true;
        try {
          const changes = await changesSince({ db, brandIds: [widget.brandId], afterId: cursor });
          if (changes.length) {
            cursor = changes[changes.length - 1].id;
            // Until the visitor has written, any change may be their first conversation being made.
            if (mine.size === 0 && changes.some((c) => c.conversationId != null)) mine = new Set(await visitorConversationIds({ db, widget, visitorId }));
            if (changes.some((c) => c.conversationId != null && mine.has(c.conversationId))) await emit();
          }
          quiet = changes.length ? 0 : quiet + POLL_MS;
          if (quiet >= KEEP_ALIVE_MS) {
            quiet = 0;
            controller.enqueue(encoder.encode(": keep-alive\n\n"));
          }
        } catch {
          stop(controller);
        } finally {
          polling = false;
        }
      }, POLL_MS);
      signal.addEventListener("abort", () => stop(controller));
    },
    cancel() {
      clearInterval(timer);
    },
  });
}
