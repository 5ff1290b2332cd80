import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "@/db/client";

// erasureKey: the key of the one-way tokens that replace an erased person's platform ids.
type Secrets = { authSecret: string; credentialsKey: string; erasureKey: string };

const ENV: Record<keyof Secrets, string> = { authSecret: "AUTH_SECRET", credentialsKey: "CREDENTIALS_KEY", erasureKey: "ERASURE_KEY" };

let cached: Secrets | undefined;

// Environment wins; otherwise keys are generated once and kept beside the database, owner-only.
export function getSecrets(): Secrets {
  if (cached) return cached;
  const names = Object.keys(ENV) as (keyof Secrets)[];
  const fromEnv = Object.fromEntries(names.map((name) => [name, process.env[ENV[name]]])) as Partial<Secrets>;
  if (names.every((name) => fromEnv[name])) {
    cached = fromEnv as Secrets;
    return cached;
  }
  const file = path.join(path.dirname(databasePath()), "secrets.json");
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8"));
  const generated = () => crypto.randomBytes(32).toString("base64url");
  const next = Object.fromEntries(names.map((name) => [name, fromEnv[name] || stored[name] || generated()])) as Secrets;
  if (names.some((name) => next[name] !== stored[name])) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const toStore = Object.fromEntries(names.map((name) => [name, stored[name] ?? next[name]]));
    fs.writeFileSync(file, JSON.stringify(toStore, null, 2), { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
  cached = next;
  return cached;
}

export function resetSecretsCache(): void {
  cached = undefined;
}
