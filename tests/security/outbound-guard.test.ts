import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allowedOutbound, isRefusedAddress, isRefusedHostLiteral, OutboundError, resolveOutbound } from "@/lib/security/outbound";
import { postWebhook } from "@/lib/escalation/webhooks";
import { callHttp } from "@/lib/outbound/clients/http";
import { sendReply as sendMail } from "@/lib/outbound/clients/email";
import { createWebhookEndpoint } from "@/lib/escalation/endpoints";
import { operator } from "@/lib/auth/authorize";
import { isAppError } from "@/lib/errors";
import { startFakeSmtp } from "../fakes/smtp";
import { makeBrand, testDb } from "../helpers/db";

// Finding 3 of the security review: an admin pointed a webhook at 127.0.0.1, 2130706433, [::1]
// or 169.254.169.254, and "Send a test" showed the first 200 characters of the answer.
const INTERNAL_BODY = "internal-admin-page-do-not-show";

async function receiver(respond: (res: http.ServerResponse) => void = (res) => res.writeHead(500).end(INTERNAL_BODY)) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    req.resume();
    respond(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { port: (server.address() as AddressInfo).port, hits, close: () => new Promise((r) => server.close(r)) };
}

let saved: string | undefined;
beforeEach(() => {
  saved = process.env.OUTBOUND_ALLOW_HOSTS;
  process.env.OUTBOUND_ALLOW_HOSTS = "";
});
afterEach(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = saved;
});

describe("the outbound guard", () => {
  it("refuses loopback, private, link-local, metadata and special addresses in every spelling", async () => {
    for (const url of ["http://127.0.0.1/", "http://2130706433/", "http://0x7f.1/", "http://[::1]/", "http://169.254.169.254/latest/meta-data", "http://10.1.2.3/", "http://192.168.1.1/", "http://172.16.0.1/", "http://100.64.0.1/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://[fd00:ec2::254]/", "http://[fe80::1]/", "http://localhost/"]) {
      const error = await resolveOutbound(new URL(url).hostname).catch((e) => e);
      expect(error, url).toBeInstanceOf(OutboundError);
      expect((error as OutboundError).code, url).toBe("refused");
    }
    expect(await resolveOutbound("93.184.215.14")).toEqual({ address: "93.184.215.14", family: 4 });
    expect(await resolveOutbound("[2606:2800:21f:cb07:6820:80da:af6b:8b2c]")).toMatchObject({ family: 6 });
  });

  it("allows what OUTBOUND_ALLOW_HOSTS names: a host, an address or a CIDR range", () => {
    const allowed = allowedOutbound("hooks.internal, 127.0.0.1, 10.20.0.0/16, [fd00::1]");
    expect(isRefusedAddress("127.0.0.1", allowed)).toBe(false);
    expect(isRefusedAddress("127.0.0.2", allowed)).toBe(true);
    expect(isRefusedAddress("10.20.9.9", allowed)).toBe(false);
    expect(isRefusedAddress("10.21.0.1", allowed)).toBe(true);
    expect(isRefusedAddress("fd00::1", allowed)).toBe(false);
    expect(isRefusedHostLiteral("hooks.internal", allowed)).toBe(false);
    expect(isRefusedHostLiteral("[::1]", allowed)).toBe(true);
  });

  it("never reaches a refused receiver and never echoes a receiver's answer", async () => {
    const hook = await receiver();
    try {
      const url = `http://127.0.0.1:${hook.port}/hook`;
      const refused = await postWebhook({ url, secret: "s", body: "{}", key: "k1" });
      expect(refused).toMatchObject({ ok: false, retryable: false });
      expect(hook.hits).toEqual([]);
      // The same URL with a decimal host and with a closed port read exactly alike.
      const decimal = await postWebhook({ url: `http://2130706433:${hook.port}/hook`, secret: "s", body: "{}", key: "k2" });
      const closed = await postWebhook({ url: "http://127.0.0.1:9/hook", secret: "s", body: "{}", key: "k3" });
      expect(!refused.ok && !decimal.ok && !closed.ok && [decimal.reason, closed.reason]).toEqual([refused.ok ? "" : refused.reason, refused.ok ? "" : refused.reason]);

      process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
      const allowed = await postWebhook({ url, secret: "s", body: "{}", key: "k4" });
      expect(hook.hits).toEqual(["/hook"]);
      expect(allowed).toEqual({ ok: false, retryable: true, reason: "HTTP 500" });
      expect(JSON.stringify(allowed)).not.toContain(INTERNAL_BODY);
    } finally {
      await hook.close();
    }
  });

  it("does not follow a redirect, not even to an allowed address", async () => {
    process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
    const hook = await receiver((res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" }).end(INTERNAL_BODY));
    try {
      const result = await postWebhook({ url: `http://127.0.0.1:${hook.port}/`, secret: "s", body: "{}", key: "k" });
      expect(result).toMatchObject({ ok: false, retryable: false });
      expect(!result.ok && result.reason).toMatch(/^HTTP 302 \(redirects are not followed/);
      const platform = await callHttp({ url: `http://127.0.0.1:${hook.port}/`, json: {} });
      expect(platform.ok && platform.reply.status).toBe(302);
      expect(hook.hits).toHaveLength(2);
    } finally {
      await hook.close();
    }
  });

  it("guards platform API calls and SMTP connections the same way", async () => {
    const hook = await receiver((res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    const smtp = await startFakeSmtp();
    try {
      expect(await callHttp({ url: `http://127.0.0.1:${hook.port}/bot/sendMessage`, json: {} })).toMatchObject({ ok: false, retryable: false, code: "invalid_request" });
      expect(hook.hits).toEqual([]);
      const port = Number(new URL(smtp.url).port);
      const mail = await sendMail({
        baseUrl: `smtp://127.0.0.1:${port}`,
        request: {
          channel: { kind: "email", accountId: "care@brand.example", credentials: { from: "care@brand.example" } },
          conversation: { kind: "private_message", externalThreadId: null, contactExternalId: "ana@example.com" },
          inReplyToExternalId: null, text: "Hello", idempotencyKey: "k1", timeoutMs: 2000,
        },
      });
      expect(mail).toMatchObject({ ok: false, retryable: false, code: "invalid_request" });
      expect(smtp.transcripts).toHaveLength(0);
    } finally {
      await hook.close();
      await smtp.close();
    }
  });

  it("refuses a private address literal when the endpoint is saved", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    for (const url of ["http://169.254.169.254/", "http://[::1]:8080/", "http://localhost:3000/x"]) {
      const error = await createWebhookEndpoint({ db, brandId: brand.id, input: { name: "inside", url }, actor: operator }).catch((e) => e);
      expect(isAppError(error) && error.status, url).toBe(400);
    }
    process.env.OUTBOUND_ALLOW_HOSTS = "localhost";
    const { endpoint } = await createWebhookEndpoint({ db, brandId: brand.id, input: { name: "self-hosted", url: "http://localhost:3000/x" }, actor: operator });
    expect(endpoint.url).toBe("http://localhost:3000/x");
  });
});
