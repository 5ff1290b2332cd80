import type { SendResult } from "./types";

export const DEFAULT_TIMEOUT_MS = 15_000;

export type HttpReply = { status: number; headers: Headers; body: unknown };
export type Failure = Extract<SendResult, { ok: false }>;

/** fetch that never throws: a timeout or a network error becomes a retryable failure. */
export async function callHttp({ url, method = "POST", headers = {}, json, form, timeoutMs }: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  timeoutMs?: number;
}): Promise<{ ok: true; reply: HttpReply } | Failure> {
  const init: RequestInit = { method, headers: { ...headers }, signal: AbortSignal.timeout(timeoutMs ?? DEFAULT_TIMEOUT_MS) };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  } else if (form) {
    init.body = new URLSearchParams(form).toString();
    (init.headers as Record<string, string>)["content-type"] = "application/x-www-form-urlencoded";
  }
  try {
    const response = await fetch(url, init);
    const raw = await response.text();
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      // Keep the raw text: proxies answer HTML on 502/504.
    }
    return { ok: true, reply: { status: response.status, headers: response.headers, body } };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "TimeoutError" || name === "AbortError") {
      return { ok: false, retryable: true, reason: "The platform did not answer in time", code: "timeout" };
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return { ok: false, retryable: true, reason: `Network error: ${cause}`, code: "network" };
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
