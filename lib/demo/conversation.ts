import { pickContact, newContact } from "./contacts";
import { dmAfterAsk, privateDialogue } from "./dialogue";
import { inbound, outbound, type Place } from "./emit";
import { isNight, MINUTE, responseDelay, type LocalSlot } from "./profile";
import { resetMemo } from "./templates";
import { pickAgent, type Thread } from "./thread";
import { currentPost, type BrandState, type World } from "./world";

/** Starts one new thread at t0 and schedules all its later messages; returns the conversations made. */
export function startConversation({ world, b, t0, slot }: { world: World; b: BrandState; t0: number; slot: LocalSlot }): number {
  const rng = world.rng;
  const ch = b.channels.sample(rng);
  const base = ch.mode === "private" ? Math.min(0.85, world.mix.requestScript * 3.2) : world.mix.requestScript;
  const isRequest = rng.chance(slot.disruption ? Math.min(0.9, base * 2.2) : base);
  const complaint = isRequest && rng.chance(slot.disruption ? 0.6 : 0.27);
  const contact = pickContact({ world, ch, influencer: complaint && rng.chance(0.07) });
  const set = b.sets.get(contact.language)!;
  const ctx = b.ctx;
  ctx.cities = set.cities;
  ctx.products = set.products;
  ctx.stores = set.stores;
  ctx.name = contact.first;
  resetMemo(ctx);
  const thread: Thread = { world, ch, set, contact, t0, slot };
  const goPrivate = ch.mode === "private" || (ch.mode === "both" && rng.chance(isRequest ? 0.22 : 0.05));
  if (goPrivate) return privateDialogue({ thread, isRequest, complaint });
  return isRequest ? publicRequest({ thread, complaint }) : publicNoise({ thread });
}

function publicPlace(thread: Thread): Place {
  const post = currentPost(thread.world, thread.ch, thread.t0);
  return { ch: thread.ch, set: thread.set, kind: "public_comment", threadId: post.id, postUrl: post.url };
}

function publicRequest({ thread, complaint }: { thread: Thread; complaint: boolean }): number {
  const { world, ch, set, contact, t0, slot } = thread;
  const rng = world.rng;
  const place = publicPlace(thread);
  const author = contact.author;
  const root = inbound(world, place, {
    t: t0,
    template: rng.pick(complaint ? set.complaints : set.requests),
    author,
    request: true,
    complaint,
    attachment: complaint && rng.chance(0.15),
  });
  if (rng.chance(0.025)) outbound(world, place, { t: t0 + rng.int(3, 40) * 1000, template: rng.pick(set.automated), inReplyTo: root });
  if (complaint && rng.chance(slot.disruption ? 0.5 : 0.12)) pileOn({ thread, place, root });
  const answered = !rng.chance(isNight(slot) ? 0.08 : 0.03);
  const frt = responseDelay({ rng, slot });
  if ((!answered || frt > 50 * MINUTE) && rng.chance(0.45)) {
    const wait = answered ? frt * (0.35 + 0.45 * rng.next()) : rng.int(40, 180) * MINUTE;
    inbound(world, place, { t: t0 + wait, template: rng.pick(set.followUps), author, request: true, inReplyTo: root });
  }
  if (!answered) return 1;
  const agent = pickAgent({ world, ch, language: contact.language });
  const dmFlow = ch.mode === "both" && rng.chance(complaint ? 0.55 : 0.12);
  const replyAt = t0 + frt;
  const reply = outbound(world, place, { t: replyAt, template: rng.pick(dmFlow ? set.dmAsk : set.answers), inReplyTo: root, agent });
  if (dmFlow) return 1 + dmAfterAsk({ thread, agent, t: replyAt, complaint });
  const r = rng.next();
  if (r < 0.33) {
    const t = replyAt + rng.exponential(20 * MINUTE) + 30_000;
    inbound(world, place, { t, template: rng.pick(set.thanks), author, request: false, inReplyTo: reply });
  } else if (r < 0.45) {
    const t = replyAt + rng.exponential(30 * MINUTE) + 60_000;
    const again = inbound(world, place, { t, template: rng.pick(set.requests), author, request: true, inReplyTo: reply });
    const next = t + responseDelay({ rng, slot }) * 0.8;
    outbound(world, place, { t: next, template: rng.pick(set.answers), inReplyTo: again, agent });
  }
  return 1;
}

/** Other customers join under a complaint ("same here"); on a disruption day they complain too. */
function pileOn({ thread, place, root }: { thread: Thread; place: Place; root: string }): void {
  const { world, ch, set, t0, slot } = thread;
  const rng = world.rng;
  let t = t0;
  for (let i = rng.int(1, 3); i > 0; i--) {
    t += rng.exponential(15 * MINUTE) + 5_000;
    const other = newContact({ world, ch, language: set.language });
    const complains = slot.disruption && rng.chance(0.5);
    const template = rng.pick(complains ? set.complaints : set.crowd);
    inbound(world, place, { t, template, author: other.author, request: complains, complaint: complains, inReplyTo: root });
  }
}

function publicNoise({ thread }: { thread: Thread }): number {
  const { world, ch, set, contact, t0 } = thread;
  const rng = world.rng;
  const post = currentPost(world, ch, t0);
  const place: Place = { ch, set, kind: "public_comment", threadId: post.id, postUrl: post.url };
  const template = post.giveaway && rng.chance(0.75) ? rng.pick(set.giveaway) : rng.pick(rng.chance(0.12) ? set.emoji : set.noise);
  const root = inbound(world, place, { t: t0, template, author: contact.author, request: false });
  let t = t0;
  let parent = root;
  for (let i = rng.geometric(world.mix.crowdMean); i > 0; i--) {
    t += rng.exponential(25 * MINUTE) + 5_000;
    const author = rng.chance(0.2) ? contact.author : newContact({ world, ch, language: set.language }).author;
    const id = inbound(world, place, { t, template: rng.pick(set.crowd), author, request: false, inReplyTo: rng.chance(0.7) ? root : parent });
    parent = id;
  }
  if (template.sentiment === "positive" && !post.giveaway && rng.chance(0.12)) {
    const agent = pickAgent({ world, ch, language: contact.language });
    const at = t0 + Math.max(60_000, rng.lognormal(50 * MINUTE, 0.9));
    outbound(world, place, { t: at, template: rng.pick(set.replyThanks), inReplyTo: root, agent });
  }
  return 1;
}
