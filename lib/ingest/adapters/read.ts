import { type InboundEventInput, inboundEventSchema } from "@/lib/ingest/event";

// Loose readers for untrusted platform payloads: wrong types become undefined, never a throw.
export type Obj = Record<string, unknown>;

export function obj(value: unknown): Obj | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A platform id given as a string or a safe integer; empty or oversized ids are rejected. */
export function id(value: unknown): string | undefined {
  const text = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : str(value)?.trim();
  return text && text.length <= 512 ? text : undefined;
}

/** Unix seconds, Unix milliseconds or an ISO string to ISO 8601 UTC. */
export function toIso(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) {
    const ms = value > 1e12 ? value : value * 1000;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  if (typeof value === "string" && value.length <= 64) {
    if (/^\d+$/.test(value)) return toIso(Number(value));
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  return undefined;
}

export function followers(value: unknown): number | undefined {
  const n = num(value);
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 10_000_000_000 ? n : undefined;
}

/** Text kept verbatim, only cut to the contract's limit. */
export function text(value: unknown, max = 100_000): string {
  const s = str(value) ?? "";
  return s.length > max ? s.slice(0, max) : s;
}

/** Drop undefined keys so events compare and serialise cleanly. */
export function compact<T extends Obj>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}

/** A display string cut to a length the contract accepts (handles 512, names 1024). */
export function short(value: unknown, max = 512): string | undefined {
  const s = str(value);
  return s === undefined ? undefined : s.slice(0, max);
}

/** An attachment only when both parts survive the contract's trimming and limits. */
export function attachment(kind: unknown, url: unknown): { kind: string; url: string }[] {
  const k = str(kind)?.trim().slice(0, 32);
  const u = str(url)?.trim();
  return k && u && u.length <= 4096 ? [{ kind: k, url: u }] : [];
}

/** Last guard: an adapter never hands the pipeline an event the contract would reject. */
export function valid(event: InboundEventInput | undefined): event is InboundEventInput {
  return event !== undefined && inboundEventSchema.safeParse(event).success;
}
