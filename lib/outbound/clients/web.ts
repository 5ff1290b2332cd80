import type { SendReply } from "./types";

// A website visitor has no platform behind them: the reply is delivered by being marked sent,
// which is when the visitor's widget (lib/widget) shows it — live over its event stream, or on
// their next visit. Queued, failed replies and notes never reach the visitor.
export const sendReply: SendReply = async ({ request }) => {
  if (request.conversation.kind !== "private_message") return { ok: false, retryable: false, code: "invalid_request", reason: "A website visitor can only be answered privately." };
  return { ok: true, externalId: `web-${request.idempotencyKey}`, sentAt: new Date() };
};
