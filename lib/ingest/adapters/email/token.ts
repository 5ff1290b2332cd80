import crypto from "node:crypto";

// The reply address carries a signed conversation token (support+rh-12-ab34cd56ef@brand.example),
// so an answer whose client dropped the threading headers still finds its conversation.
const TOKEN = /\+(rh-\d{1,12}-[0-9a-f]{12})@/i;

const sign = (secret: string, channelId: number, conversationId: number) =>
  crypto.createHmac("sha256", secret).update(`reply:${channelId}:${conversationId}`).digest("hex").slice(0, 12);

export function replyToken({ secret, channelId, conversationId }: { secret: string; channelId: number; conversationId: number }): string {
  return `rh-${conversationId}-${sign(secret, channelId, conversationId)}`;
}

export function replyAddress({ from, token }: { from: string; token: string }): string {
  const at = from.lastIndexOf("@");
  return `${from.slice(0, at).split("+")[0]}+${token}${from.slice(at)}`;
}

export function tokenInAddresses(addresses: string[]): string | undefined {
  for (const address of addresses) {
    const found = TOKEN.exec(address);
    if (found) return found[1].toLowerCase();
  }
  return undefined;
}

// Our own replies carry the token at the start of their Message-ID: <rh-12-ab34cd56ef01.key@brand>.
const ID_TOKEN = /^<(rh-\d{1,12}-[0-9a-f]{12})\./i;

export function tokenInIds(ids: (string | undefined)[]): string | undefined {
  for (const id of ids) {
    const found = id ? ID_TOKEN.exec(id) : null;
    if (found) return found[1].toLowerCase();
  }
  return undefined;
}

/** The conversation a token names, when its signature is right for this channel. */
export function verifyReplyToken({ secret, channelId, token }: { secret: string; channelId: number; token: string }): number | null {
  const match = /^rh-(\d{1,12})-([0-9a-f]{12})$/.exec(token);
  if (!match) return null;
  const conversationId = Number(match[1]);
  const expected = sign(secret, channelId, conversationId);
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(match[2])) ? conversationId : null;
}
