import type { DemoAgent } from "./brands";
import type { TextSet } from "./catalog";
import type { LocalSlot } from "./profile";
import type { ChannelState, Contact, World } from "./world";

/** One thread being scripted: who wrote the first message, where and when. */
export type Thread = { world: World; ch: ChannelState; set: TextSet; contact: Contact; t0: number; slot: LocalSlot };

/** An agent of the brand who writes the customer's language. */
export function pickAgent({ world, ch, language }: { world: World; ch: ChannelState; language: string }): DemoAgent {
  return world.rng.pick(ch.brand.agents.get(language)!);
}
