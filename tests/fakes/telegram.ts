import { type Fault, type FakeResponse, type RecordedRequest, genericFault, startFake } from "./server";

export type TelegramSent = { chatId: string; messageId: number; text: string; replyTo?: number };

/** Bot API: POST /bot<token>/sendMessage with the documented `{ ok, result | error_code, description }`. */
export async function startFakeTelegram({ botToken = "123456:TEST-token" }: { botToken?: string } = {}) {
  const sent: TelegramSent[] = [];
  let seq = 500;
  const handle = (req: RecordedRequest): FakeResponse => {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.path);
    if (!match || match[1] !== botToken) return { status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } };
    if (match[2] !== "sendMessage") return { status: 404, body: { ok: false, error_code: 404, description: "Not Found" } };
    const body = (req.json ?? {}) as { chat_id?: unknown; text?: unknown; reply_parameters?: { message_id?: unknown } };
    if ((typeof body.chat_id !== "number" && typeof body.chat_id !== "string") || typeof body.text !== "string" || !body.text) {
      return { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: message text is empty" } };
    }
    const replyTo = typeof body.reply_parameters?.message_id === "number" ? body.reply_parameters.message_id : undefined;
    const message = { chatId: String(body.chat_id), messageId: ++seq, text: body.text, replyTo };
    sent.push(message);
    const chatId = Number(body.chat_id);
    return {
      status: 200,
      body: {
        ok: true,
        result: {
          message_id: message.messageId,
          from: { id: Number(botToken.split(":")[0]), is_bot: true, first_name: "Replyhour", username: "replyhour_bot" },
          chat: { id: chatId, type: chatId < 0 ? "supergroup" : "private" },
          date: Math.floor(Date.now() / 1000),
          text: body.text,
        },
      },
    };
  };
  const renderFault = (fault: Fault): FakeResponse => {
    const generic = genericFault(fault);
    if (generic) return generic;
    if (fault.kind === "rate_limit") {
      const wait = fault.retryAfter ?? 3;
      return { status: 429, body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } } };
    }
    return { status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } };
  };
  const server = await startFake({ handle, renderFault });
  return { ...server, sent };
}
