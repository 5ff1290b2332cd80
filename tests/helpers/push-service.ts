import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

// A local push service speaking the Web Push protocol (RFC 8030) the way a browser vendor's does:
// it checks the VAPID token (RFC 8292) and, holding the browser's private key as the browser
// would, decrypts each message (RFC 8291, aes128gcm, RFC 8188).

export type Received = { path: string; headers: http.IncomingHttpHeaders; payload: unknown; vapidSubject: string };

export type BrowserKeys = { p256dh: string; auth: string; ecdh: crypto.ECDH; authSecret: Buffer };

/** What a browser makes when it subscribes: a P-256 key pair and a 16-byte auth secret. */
export function browserKeys(): BrowserKeys {
  const ecdh = crypto.createECDH("prime256v1");
  ecdh.generateKeys();
  const authSecret = crypto.randomBytes(16);
  return { p256dh: ecdh.getPublicKey().toString("base64url"), auth: authSecret.toString("base64url"), ecdh, authSecret };
}

/** The receiving side of RFC 8291: one aes128gcm record decrypted with the browser's keys. */
export function decryptPush(body: Buffer, keys: BrowserKeys): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20];
  const senderPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65 || ciphertext.length > recordSize) throw new Error("not a single aes128gcm record with a P-256 key id");
  const shared = keys.ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), keys.ecdh.getPublicKey(), senderPublic]);
  const ikm = Buffer.from(crypto.hkdfSync("sha256", shared, keys.authSecret, keyInfo, 32));
  const cek = Buffer.from(crypto.hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(crypto.hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = crypto.createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 followed by zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("missing the last-record delimiter");
  return padded.subarray(0, end).toString("utf8");
}

/** RFC 8292: `vapid t=<JWT>, k=<public key>`; the ES256 signature must verify with k, aud must be our origin. */
export function verifyVapid(header: string | undefined, origin: string, now = Date.now()): { subject: string; key: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!match) throw new Error(`no VAPID authorization: ${header}`);
  const [, token, key] = match;
  const [head, claims, signature] = token.split(".");
  const raw = Buffer.from(key, "base64url");
  const publicKey = crypto.createPublicKey({ key: { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33, 65).toString("base64url") }, format: "jwk" });
  const valid = crypto.verify("sha256", Buffer.from(`${head}.${claims}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));
  if (!valid) throw new Error("VAPID signature does not verify");
  const { alg } = JSON.parse(Buffer.from(head, "base64url").toString());
  const body = JSON.parse(Buffer.from(claims, "base64url").toString()) as { aud: string; exp: number; sub: string };
  if (alg !== "ES256") throw new Error(`VAPID alg ${alg}`);
  if (body.aud !== origin) throw new Error(`VAPID aud ${body.aud} is not ${origin}`);
  if (body.exp * 1000 <= now || body.exp * 1000 > now + 24 * 3600 * 1000 + 60_000) throw new Error("VAPID exp out of range");
  return { subject: body.sub, key };
}

export type PushService = {
  origin: string;
  /** An endpoint URL for one browser; `status` is what the service answers for it (410 = unsubscribed). */
  endpoint: (keys: BrowserKeys, status?: number) => string;
  received: Received[];
  refused: string[];
  close: () => Promise<void>;
};

export async function startPushService(): Promise<PushService> {
  const browsers = new Map<string, { keys: BrowserKeys; status: number }>();
  const received: Received[] = [];
  const refused: string[] = [];
  let origin = "";
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "";
      const browser = browsers.get(path);
      try {
        if (request.method !== "POST" || !browser) throw new Error(`unknown endpoint ${request.method} ${path}`);
        if (browser.status !== 201) {
          response.writeHead(browser.status).end();
          return;
        }
        if (request.headers["content-encoding"] !== "aes128gcm") throw new Error(`content-encoding ${request.headers["content-encoding"]}`);
        if (!/^\d+$/.test(String(request.headers.ttl ?? ""))) throw new Error("no TTL");
        const { subject } = verifyVapid(request.headers.authorization, origin);
        const payload = JSON.parse(decryptPush(Buffer.concat(chunks), browser.keys));
        received.push({ path, headers: request.headers, payload, vapidSubject: subject });
        response.writeHead(201, { location: `${origin}/message/${received.length}` }).end();
      } catch (error) {
        refused.push((error as Error).message);
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let next = 0;
  return {
    origin,
    endpoint: (keys, status = 201) => {
      const path = `/push/${++next}-${crypto.randomBytes(6).toString("hex")}`;
      browsers.set(path, { keys, status });
      return `${origin}${path}`;
    },
    received,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
