import crypto from "node:crypto";
import { getSecrets } from "./secrets";

function key(): Buffer {
  return crypto.createHash("sha256").update(getSecrets().credentialsKey).digest();
}

// AES-256-GCM; the stored form is "v1.<iv>.<tag>.<ciphertext>" in base64url.
export function encryptCredentials(value: Record<string, string>): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptCredentials(stored: string | null): Record<string, string> {
  if (!stored) return {};
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1") throw new Error("Unknown credentials format");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const plain = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
  return JSON.parse(plain.toString("utf8"));
}
