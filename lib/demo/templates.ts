import type { Rng } from "./rng";
import { HANDLE_STEMS, SPAM_HOSTS } from "./texts/shared";

export type Sentiment = "negative" | "neutral" | "positive";

const SLOT_NAMES = [
  "flight", "code", "order", "city", "city2", "product", "store", "amount", "time", "date",
  "points", "n", "friend", "friend2", "url", "agent", "name", "brand", "handle",
] as const;
type SlotName = (typeof SLOT_NAMES)[number];
const SLOT_INDEX = new Map<string, number>(SLOT_NAMES.map((name, i) => [name, i]));
// Slots before this index keep one value per conversation, so a DM repeats the same booking code.
const FIRST_FRESH_SLOT = SLOT_NAMES.indexOf("friend");

/** A template split once into literal parts and slot indexes: rendering is plain concatenation. */
export type Template = { parts: string[]; slots: number[]; sentiment: Sentiment };

/** Mutable per-conversation state, reused across conversations to avoid allocation. */
export type RenderContext = {
  rng: Rng;
  cities: readonly string[];
  products: readonly string[];
  stores: readonly string[];
  flightPrefix: string;
  brand: string;
  handle: string;
  agent: string;
  name: string;
  memo: (string | undefined)[];
};

export function compileTemplate({ text, sentiment }: { text: string; sentiment: Sentiment }): Template {
  let body = text;
  let mood = sentiment;
  if (body[1] === "|" && (body[0] === "+" || body[0] === "-" || body[0] === "0")) {
    mood = body[0] === "+" ? "positive" : body[0] === "-" ? "negative" : "neutral";
    body = body.slice(2);
  }
  const parts: string[] = [];
  const slots: number[] = [];
  let last = 0;
  for (const match of body.matchAll(/\{([a-z0-9]+)\}/g)) {
    const index = SLOT_INDEX.get(match[1]);
    if (index === undefined) throw new Error(`unknown slot {${match[1]}} in "${text}"`);
    parts.push(body.slice(last, match.index));
    slots.push(index);
    last = match.index + match[0].length;
  }
  parts.push(body.slice(last));
  return { parts, slots, sentiment: mood };
}

export function compileAll({ texts, sentiment }: { texts: readonly string[]; sentiment: Sentiment }): Template[] {
  return texts.map((text) => compileTemplate({ text, sentiment }));
}

export function resetMemo(ctx: RenderContext): void {
  ctx.memo.fill(undefined);
}

export function render(template: Template, ctx: RenderContext): string {
  const { parts, slots } = template;
  let out = parts[0];
  for (let i = 0; i < slots.length; i++) out += slotValue(slots[i], ctx) + parts[i + 1];
  return out;
}

function slotValue(slot: number, ctx: RenderContext): string {
  if (slot < FIRST_FRESH_SLOT) {
    const known = ctx.memo[slot];
    if (known !== undefined) return known;
    const value = freshValue(SLOT_NAMES[slot], ctx);
    ctx.memo[slot] = value;
    return value;
  }
  return freshValue(SLOT_NAMES[slot], ctx);
}

const CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function freshValue(slot: SlotName, ctx: RenderContext): string {
  const rng = ctx.rng;
  switch (slot) {
    case "flight":
      return ctx.flightPrefix + rng.int(100, 1989);
    case "code": {
      let code = "";
      for (let i = 0; i < 6; i++) code += CODE_CHARS[Math.floor(rng.next() * CODE_CHARS.length)];
      return code;
    }
    case "order":
      return String(rng.int(100000, 999999));
    case "city":
    case "city2":
      return rng.pick(ctx.cities);
    case "product":
      return rng.pick(ctx.products);
    case "store":
      return rng.pick(ctx.stores);
    case "amount":
      return rng.chance(0.3) ? (rng.int(350, 2490) / 100).toFixed(2) : String(rng.int(3, 60) * 10 + rng.int(0, 9));
    case "time":
      return pad2(rng.int(5, 22)) + ":" + pad2(rng.int(0, 11) * 5);
    case "date":
      return pad2(rng.int(1, 28)) + "." + pad2(rng.int(1, 12));
    case "points":
      return String(rng.int(2, 95) * 100);
    case "n":
      return String(rng.int(2, 9));
    case "friend":
    case "friend2":
      return "@" + friendHandle(rng);
    case "url":
      return "https://" + rng.pick(SPAM_HOSTS) + rng.int(100000, 99999999).toString(36);
    case "agent":
      return ctx.agent;
    case "name":
      return ctx.name;
    case "brand":
      return ctx.brand;
    case "handle":
      return ctx.handle;
  }
}

export function friendHandle(rng: Rng): string {
  const stem = rng.pick(HANDLE_STEMS);
  const r = rng.next();
  return r < 0.4 ? stem : r < 0.7 ? stem + rng.int(1, 99) : stem + "_" + rng.int(1980, 2008);
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}
