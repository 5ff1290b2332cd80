import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import webPush from "web-push";
import { databasePath } from "@/db/client";

type Secrets = { authSecret: string; credentialsKey: string; vapidPublicKey: string; vapidPrivateKey: string };

const ENV: Record<keyof Secrets, string> = {
  authSecret: "AUTH_SECRET",
  credentialsKey: "CREDENTIALS_KEY",
  vapidPublicKey: "VAPID_PUBLIC_KEY",
  vapidPrivateKey: "VAPID_PRIVATE_KEY",
};

let cached: Secrets | undefined;

function generate(): Secrets {
  const vapid = webPush.generateVAPIDKeys();
  return { authSecret: crypto.randomBytes(32).toString("base64url"), credentialsKey: crypto.randomBytes(32).toString("base64url"), vapidPublicKey: vapid.publicKey, vapidPrivateKey: vapid.privateKey };
}

// Environment wins; otherwise keys are generated once and kept beside the database, owner-only.
// The two VAPID keys are one pair: taken together from the environment or from the file, never mixed.
export function getSecrets(): Secrets {
  if (cached) return cached;
  const env = Object.fromEntries(Object.entries(ENV).map(([key, name]) => [key, process.env[name] || undefined])) as Partial<Secrets>;
  const envVapid = env.vapidPublicKey && env.vapidPrivateKey;
  if (env.authSecret && env.credentialsKey && envVapid) {
    cached = env as Secrets;
    return cached;
  }
  const file = path.join(path.dirname(databasePath()), "secrets.json");
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8"));
  const fresh = generate();
  const storedVapid = stored.vapidPublicKey && stored.vapidPrivateKey;
  // What the file keeps: earlier values stay, missing ones are added once.
  const toStore: Secrets = {
    authSecret: stored.authSecret ?? env.authSecret ?? fresh.authSecret,
    credentialsKey: stored.credentialsKey ?? env.credentialsKey ?? fresh.credentialsKey,
    vapidPublicKey: storedVapid ? stored.vapidPublicKey! : fresh.vapidPublicKey,
    vapidPrivateKey: storedVapid ? stored.vapidPrivateKey! : fresh.vapidPrivateKey,
  };
  if ((Object.keys(ENV) as (keyof Secrets)[]).some((key) => stored[key] !== toStore[key])) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(toStore, null, 2), { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
  cached = {
    authSecret: env.authSecret || toStore.authSecret,
    credentialsKey: env.credentialsKey || toStore.credentialsKey,
    vapidPublicKey: envVapid ? env.vapidPublicKey! : toStore.vapidPublicKey,
    vapidPrivateKey: envVapid ? env.vapidPrivateKey! : toStore.vapidPrivateKey,
  };
  return cached;
}

export function resetSecretsCache(): void {
  cached = undefined;
}
