import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import webPush from "web-push";
import { databasePath } from "@/db/client";

// erasureKey: the key of the one-way tokens that replace an erased person's platform ids.
// vapidPublicKey / vapidPrivateKey: the Web Push key pair.
type Secrets = { authSecret: string; credentialsKey: string; erasureKey: string; vapidPublicKey: string; vapidPrivateKey: string };

const ENV: Record<keyof Secrets, string> = {
  authSecret: "AUTH_SECRET",
  credentialsKey: "CREDENTIALS_KEY",
  erasureKey: "ERASURE_KEY",
  vapidPublicKey: "VAPID_PUBLIC_KEY",
  vapidPrivateKey: "VAPID_PRIVATE_KEY",
};

const SINGLE = ["authSecret", "credentialsKey", "erasureKey"] as const;

let cached: Secrets | undefined;

// Environment wins; otherwise keys are generated once and kept beside the database, owner-only.
// The two VAPID keys are one pair: taken together from the environment or from the file, never mixed.
export function getSecrets(): Secrets {
  if (cached) return cached;
  const env = Object.fromEntries(Object.entries(ENV).map(([key, name]) => [key, process.env[name] || undefined])) as Partial<Secrets>;
  const envVapid = !!(env.vapidPublicKey && env.vapidPrivateKey);
  if (SINGLE.every((name) => env[name]) && envVapid) {
    cached = env as Secrets;
    return cached;
  }
  const file = path.join(path.dirname(databasePath()), "secrets.json");
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8"));
  const storedVapid = !!(stored.vapidPublicKey && stored.vapidPrivateKey);
  const pair = storedVapid ? { publicKey: stored.vapidPublicKey!, privateKey: stored.vapidPrivateKey! } : webPush.generateVAPIDKeys();
  // What the file keeps: earlier values stay, missing ones are added once.
  const toStore = { ...stored } as Secrets;
  for (const name of SINGLE) toStore[name] = stored[name] ?? env[name] ?? crypto.randomBytes(32).toString("base64url");
  toStore.vapidPublicKey = pair.publicKey;
  toStore.vapidPrivateKey = pair.privateKey;
  if ((Object.keys(ENV) as (keyof Secrets)[]).some((key) => stored[key] !== toStore[key])) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(toStore, null, 2), { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
  const next = { ...toStore };
  for (const name of SINGLE) next[name] = env[name] || toStore[name];
  if (envVapid) {
    next.vapidPublicKey = env.vapidPublicKey!;
    next.vapidPrivateKey = env.vapidPrivateKey!;
  }
  cached = next;
  return cached;
}

export function resetSecretsCache(): void {
  cached = undefined;
}
