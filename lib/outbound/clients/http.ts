import { guardedFetch, OutboundError } from "@/lib/security/outbound";
import type { SendResult } from "./types";

export const DEFAULT_TIMEOUT_MS = 15_000;

export type HttpReply = { status: number; headers: Headers; body: unknown };
export type Failure = Extract<SendResult, { ok: false }>;

/** An HTTP call through the outbound guard that never throws: a timeout, a network error or a refused address becomes a failure. */
export async function callHttp({ url, method = "POST", headers = {}, json, form, timeoutMs }: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  timeoutMs?: number;
}): Promise<{ ok: true; reply: HttpReply } | Failure> {
  const sent: Record<string, string> = { ...headers };
  let body: string | undefined;
  if (json !== undefined) {
    body = JSON.stringify(json);
    sent["content-type"] = "application/json";
  } else if (form) {
    body = new URLSearchParams(form).toString();
    sent["content-type"] = "application/x-www-form-urlencoded";
  }
  try {
    const response = await guardedFetch({ url, method, headers: sent, body, timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS });
    let parsed: unknown = response.text;
    try {
      parsed = response.text ? JSON.parse(response.text) : null;
    } catch {
      // Keep the raw text: proxies answer HTML on 502/504.
    }
    return { ok: true, reply: { status: response.status, headers: response.headers, body: parsed } };
  } catch (error) {
    const code = error instanceof OutboundError ? error.code : "network";
    const reason = error instanceof OutboundError ? error.message : "Could not connect";
    if (code === "timeout") return { ok: false, retryable: true, reason: "The platform did not answer in time", code: "timeout" };
    if (code === "refused") return { ok: false, retryable: false, reason, code: "invalid_request" };
    return { ok: false, retryable: true, reason: `Network error: ${reason}`, code: "network" };
  }
}

/** Retry-After as seconds or an HTTP date. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The generic HTTP mapping used when the platform's own error body says nothing more. */
export function httpFailure({ reply, reason }: { reply: HttpReply; reason?: string }): Failure {
  const { status, headers } = reply;
  const text = reason ?? `HTTP ${status}`;
  if (status === 429) return { ok: false, retryable: true, retryAfterSeconds: retryAfterSeconds(headers), reason: text, code: "rate_limited" };
  if (status >= 500) return { ok: false, retryable: true, retryAfterSeconds: retryAfterSeconds(headers), reason: text, code: "server_error" };
  if (status === 401) return { ok: false, retryable: false, reason: text, code: "unauthorized" };
  if (status === 403) return { ok: false, retryable: false, reason: text, code: "forbidden" };
  if (status === 404) return { ok: false, retryable: false, reason: text, code: "not_found" };
  return { ok: false, retryable: false, reason: text, code: "invalid_request" };
}

export function joinUrl(baseUrl: string, path: string) {
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function missing(reason: string): Failure {
  return { ok: false, retryable: false, reason, code: "invalid_request" };
}

/** Seconds until midnight Pacific time, when YouTube's daily quota resets. */
export function secondsUntilPacificMidnight(now = new Date()): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const elapsed = get("hour") * 3600 + get("minute") * 60 + get("second");
  return Math.max(1, 86_400 - elapsed);
}
