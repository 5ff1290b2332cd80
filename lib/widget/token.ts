import crypto from "node:crypto";
import { getSecrets } from "@/lib/security/secrets";

// A visitor holds this in the host site's localStorage: it names their channel and their
// anonymous id, signed so no one can forge another visitor's id, and it expires.
export const VISITOR_TOKEN_DAYS = 30;
const PREFIX = "v1";

function key(): Buffer {
  return crypto.createHmac("sha256", getSecrets().authSecret).update("replyhour widget visitor token").digest();
}

function sign(body: string): string {
  return crypto.createHmac("sha256", key()).update(body).digest("base64url");
}

export function newVisitorId(): string {
  return crypto.randomBytes(16).toString("base64url");
}

export function issueVisitorToken({ channelId, visitorId, now = Date.now() }: { channelId: number; visitorId: string; now?: number }): { token: string; expiresAt: string } {
  const expires = now + VISITOR_TOKEN_DAYS * 86_400_000;
  const body = `${PREFIX}.${channelId}.${visitorId}.${expires}`;
  return { token: `${body}.${sign(body)}`, expiresAt: new Date(expires).toISOString() };
}

/** The visitor id of a valid, unexpired token of this channel; null for anything else. */
export function verifyVisitorToken({ token, channelId, now = Date.now() }: { token: string; channelId: number; now?: number }): string | null {
  if (token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 5 || parts[0] !== PREFIX) return null;
  const [, channel, visitorId, expires, signature] = parts;
  const expected = Buffer.from(sign(parts.slice(0, 4).join(".")));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  if (channel !== String(channelId) || !/^[A-Za-z0-9_-]{22}$/.test(visitorId)) return null;
  if (!(Number(expires) > now)) return null;
  return visitorId;
}
