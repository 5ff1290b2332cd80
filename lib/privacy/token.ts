import crypto from "node:crypto";
import { getSecrets } from "@/lib/security/secrets";

// What an erased text, name or handle reads as, everywhere it was held.
export const ERASED = "[erased on request]";

const PREFIX = "erased:";

/**
 * The one-way token that replaces an erased platform id: keyed (ERASURE_KEY), so nobody without
 * the server's key can test a guessed id against it, and stable, so dedupe still recognises a
 * replay of the same id on the same channel and refuses to store its text again.
 */
export function erasedId(channelId: number, externalId: string): string {
  const mac = crypto.createHmac("sha256", getSecrets().erasureKey).update(`${channelId}:${externalId}`).digest("base64url");
  return `${PREFIX}${mac}`;
}

export function isErasedId(value: string | null | undefined): boolean {
  return value != null && value.startsWith(PREFIX);
}

// An id already tokenised stays as it is (erasing twice changes nothing).
export function tokenise(channelId: number, externalId: string): string;
export function tokenise(channelId: number, externalId: string | null): string | null;
export function tokenise(channelId: number, externalId: string | null): string | null {
  if (externalId == null || isErasedId(externalId)) return externalId;
  return erasedId(channelId, externalId);
}
