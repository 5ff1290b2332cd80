import { DEMO_BRANDS, type DemoAgent, type DemoBrand, type DemoChannel } from "./brands";
import { textSet, type TextSet } from "./catalog";
import type { DemoItem } from "./item";
import { TimeQueue } from "./queue";
import { Rng, WeightedTable } from "./rng";
import type { RenderContext } from "./templates";

export type Author = { id: string; handle?: string; name?: string; followers?: number };

export type Contact = { author: Author; first: string; language: string; dmThread: string };

export type Post = { id: string; giveaway: boolean; url?: string };

export type ChannelState = {
  channel: DemoChannel;
  brand: BrandState;
  prefix: string;
  /** Public comments, private messages, or both on this kind of channel. */
  mode: "public" | "private" | "both";
  languages: WeightedTable<string>;
  ring: Contact[];
  ringNext: number;
  posts: Post[];
  nextPostAt: number;
  brandAuthor: Author;
};

export type BrandState = {
  brand: DemoBrand;
  channels: WeightedTable<ChannelState>;
  agents: Map<string, DemoAgent[]>;
  sets: Map<string, TextSet>;
  ctx: RenderContext;
};

export type Mix = {
  /** Chance that a new public thread starts with a real request. */
  requestScript: number;
  /** Mean number of other people's replies under a noise comment. */
  crowdMean: number;
};

export type World = {
  rng: Rng;
  /** Keeps externalIds of history, scale and live streams apart. */
  tag: string;
  seq: number;
  conversations: number;
  queue: TimeQueue<DemoItem>;
  brands: BrandState[];
  mix: Mix;
};

const PREFIX: Record<string, string> = {
  facebook: "fb", instagram: "ig", twitter: "tw", vk: "vk", telegram: "tg", youtube: "yt", email: "em", web: "wb",
};
const MODE: Record<string, ChannelState["mode"]> = {
  facebook: "both", instagram: "both", twitter: "both", vk: "both", telegram: "private", youtube: "public", email: "private", web: "private",
};
const RING_SIZE = 1024;

export function createWorld({ seed, tag, mix, brandSlug }: { seed: number; tag: string; mix: Mix; brandSlug?: string }): World {
  const rng = new Rng(seed);
  const brands = DEMO_BRANDS.filter((b) => !brandSlug || b.slug === brandSlug).map((brand) => createBrandState({ brand, rng, tag }));
  if (brands.length === 0) throw new Error(`unknown demo brand: ${brandSlug}`);
  return { rng, tag, seq: 0, conversations: 0, queue: new TimeQueue<DemoItem>(), brands, mix };
}

function createBrandState({ brand, rng, tag }: { brand: DemoBrand; rng: Rng; tag: string }): BrandState {
  const agents = new Map<string, DemoAgent[]>();
  const sets = new Map<string, TextSet>();
  for (const language of Object.keys(brand.languages)) {
    const speakers = brand.agents.filter((a) => a.languages.includes(language));
    agents.set(language, speakers.length ? speakers : brand.agents);
    sets.set(language, textSet({ domain: brand.domain, language }));
  }
  const state = { brand, agents, sets } as BrandState;
  const channels = brand.channels.map((channel) => createChannelState({ channel, brand: state, tag }));
  state.channels = new WeightedTable(channels, brand.channels.map((c) => brand.channelWeights[c.key] ?? 1));
  state.ctx = {
    rng,
    cities: [],
    products: [],
    stores: [],
    flightPrefix: "SW",
    brand: brand.name,
    handle: brand.handle,
    agent: "",
    name: "",
    memo: new Array(16).fill(undefined),
  };
  return state;
}

function createChannelState({ channel, brand, tag }: { channel: DemoChannel; brand: BrandState; tag: string }): ChannelState {
  const allowed = brand.brand.channelLanguages?.[channel.key];
  const entries = Object.entries(brand.brand.languages).filter(([lang]) => !allowed || allowed.includes(lang));
  return {
    channel,
    brand,
    prefix: PREFIX[channel.kind] + "_" + tag,
    mode: MODE[channel.kind],
    languages: new WeightedTable(entries.map((e) => e[0]), entries.map((e) => e[1])),
    ring: [],
    ringNext: 0,
    posts: [],
    nextPostAt: -Infinity,
    brandAuthor: { id: channel.accountId, handle: brand.brand.handle, name: brand.brand.name },
  };
}

export function nextId(world: World, ch: ChannelState): string {
  return ch.prefix + (world.seq++).toString(36);
}

export function remember(ch: ChannelState, contact: Contact): void {
  if (ch.ring.length < RING_SIZE) ch.ring.push(contact);
  else ch.ring[ch.ringNext++ % RING_SIZE] = contact;
}

/** The post a new comment goes under: mostly the newest, the brand posts a few times a day. */
export function currentPost(world: World, ch: ChannelState, t: number): Post {
  const rng = world.rng;
  if (t >= ch.nextPostAt || ch.posts.length === 0) {
    const id = ch.prefix + "post" + (world.seq++).toString(36);
    ch.posts.unshift({ id, giveaway: rng.chance(0.08), url: commentUrlPrefix(ch, id) });
    if (ch.posts.length > 3) ch.posts.pop();
    ch.nextPostAt = t + rng.exponential(7 * 3_600_000);
  }
  const r = rng.next();
  return ch.posts[r < 0.7 || ch.posts.length === 1 ? 0 : r < 0.9 || ch.posts.length === 2 ? 1 : 2];
}

function commentUrlPrefix(ch: ChannelState, postId: string): string | undefined {
  const { kind, accountId } = ch.channel;
  switch (kind) {
    case "facebook":
      return `https://www.facebook.com/${accountId}/posts/${postId}?comment_id=`;
    case "instagram":
      return `https://www.instagram.com/p/${postId}/c/`;
    case "twitter":
      return `https://x.com/i/web/status/`;
    case "youtube":
      return `https://www.youtube.com/watch?v=${postId}&lc=`;
    case "vk":
      return `https://vk.com/wall${accountId}_${postId}?reply=`;
    default:
      return undefined;
  }
}
