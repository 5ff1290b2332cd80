import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "@/db/client";

type Secrets = { authSecret: string; credentialsKey: string };

let cached: Secrets | undefined;

// Environment wins; otherwise keys are generated once and kept beside the database, owner-only.
export function getSecrets(): Secrets {
  if (cached) return cached;
  const fromEnv = { authSecret: process.env.AUTH_SECRET, credentialsKey: process.env.CREDENTIALS_KEY };
  if (fromEnv.authSecret && fromEnv.credentialsKey) {
    cached = fromEnv as Secrets;
    return cached;
  }
  const file = path.join(path.dirname(databasePath()), "secrets.json");
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8"));
  const next: Secrets = {
    authSecret: fromEnv.authSecret || stored.authSecret || crypto.randomBytes(32).toString("base64url"),
    credentialsKey: fromEnv.credentialsKey || stored.credentialsKey || crypto.randomBytes(32).toString("base64url"),
  };
  if (next.authSecret !== stored.authSecret || next.credentialsKey !== stored.credentialsKey) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const toStore = { authSecret: stored.authSecret ?? next.authSecret, credentialsKey: stored.credentialsKey ?? next.credentialsKey };
    fs.writeFileSync(file, JSON.stringify(toStore, null, 2), { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
  cached = next;
  return cached;
}

export function resetSecretsCache(): void {
  cached = undefined;
}
