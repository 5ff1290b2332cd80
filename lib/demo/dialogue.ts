import type { DemoAgent } from "./brands";
import { pickAgent, type Thread } from "./thread";
import { inbound, outbound, type Place } from "./emit";
import { isNight, MINUTE, responseDelay } from "./profile";
import { compileAll, type Template } from "./templates";

const AUTO_ACK = { email: 0.7, web: 0.6, telegram: 0.5 } as Record<string, number>;

/** A private-message dialogue with one contact (an e-mail thread gets its own id). */
export function privateDialogue({ thread, isRequest, complaint }: { thread: Thread; isRequest: boolean; complaint: boolean }): number {
  const { world, ch, set, contact, t0, slot } = thread;
  const rng = world.rng;
  const threadId = ch.channel.kind === "email" ? ch.prefix + "mail" + (world.seq++).toString(36) : contact.dmThread;
  const place: Place = { ch, set, kind: "private_message", threadId };
  const author = contact.author;
  if (!isRequest) {
    const template = rng.pick(rng.chance(0.3) ? set.thanks : rng.chance(0.15) ? set.emoji : set.noise);
    inbound(world, place, { t: t0, template, author, request: false });
    if (template.sentiment === "positive" && rng.chance(0.15)) {
      const agent = pickAgent({ world, ch, language: contact.language });
      outbound(world, place, { t: t0 + responseDelay({ rng, slot }), template: rng.pick(set.replyThanks), agent });
    }
    return 1;
  }
  inbound(world, place, { t: t0, template: rng.pick(complaint ? set.complaints : set.requests), author, request: true, complaint });
  // People often split a private message in two: the question, then the details.
  if (rng.chance(0.3)) inbound(world, place, { t: t0 + rng.int(10, 90) * 1000, template: rng.pick(set.dm), author, request: true, complaint });
  if (rng.chance(AUTO_ACK[ch.channel.kind] ?? 0.12)) outbound(world, place, { t: t0 + rng.int(2, 30) * 1000, template: rng.pick(set.automated) });
  const answered = !rng.chance(isNight(slot) ? 0.08 : 0.03);
  const frt = responseDelay({ rng, slot });
  if ((!answered || frt > 50 * MINUTE) && rng.chance(0.45)) {
    const wait = answered ? frt * (0.35 + 0.45 * rng.next()) : rng.int(40, 180) * MINUTE;
    inbound(world, place, { t: t0 + wait, template: rng.pick(set.followUps), author, request: true });
  }
  if (!answered) return 1;
  const agent = pickAgent({ world, ch, language: contact.language });
  const replyAt = t0 + frt;
  const answer = outbound(world, place, { t: replyAt, template: rng.pick(complaint ? set.dmAnswers : set.answers), agent });
  // Some customers' mailboxes answer the reply with an out-of-office note: kept, no clock. Chosen
  // from the id rather than the generator, so every other demo message stays as it was.
  if (ch.channel.kind === "email" && hash(answer) % 11 === 0)
    inbound(world, place, { t: replyAt + 5_000, template: outOfOffice(contact.language), author, request: false, automated: true });
  if (rng.chance(0.45)) inbound(world, place, { t: replyAt + rng.exponential(15 * MINUTE) + 20_000, template: rng.pick(set.thanks), author, request: false });
  return 1;
}

/** The private half of "please DM us": same author, same channel, a private dialogue. */
export function dmAfterAsk({ thread, agent, t, complaint }: { thread: Thread; agent: DemoAgent; t: number; complaint: boolean }): number {
  const { world, ch, set, contact, slot } = thread;
  const rng = world.rng;
  const place: Place = { ch, set, kind: "private_message", threadId: contact.dmThread };
  const author = contact.author;
  let at: number;
  if (rng.chance(0.75)) {
    at = t + rng.exponential(12 * MINUTE) + 30_000;
    inbound(world, place, { t: at, template: rng.pick(set.dm), author, request: true, complaint });
  } else {
    at = t + rng.int(20, 120) * 1000;
    outbound(world, place, { t: at, template: rng.pick(set.dmOpen), agent });
    if (rng.chance(0.15)) return 1;
    at += rng.exponential(25 * MINUTE) + 60_000;
    inbound(world, place, { t: at, template: rng.pick(set.dm), author, request: true, complaint });
  }
  at += Math.max(60_000, responseDelay({ rng, slot }) * 0.6);
  outbound(world, place, { t: at, template: rng.pick(set.dmAnswers), agent });
  if (rng.chance(0.55)) inbound(world, place, { t: at + rng.exponential(10 * MINUTE) + 20_000, template: rng.pick(set.thanks), author, request: false });
  return 1;
}

function hash(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h;
}

const OUT_OF_OFFICE: Record<string, string> = {
  en: "I am out of the office until Monday with limited access to e-mail. I will reply when I am back.",
  ru: "Я в отпуске до понедельника, почта доступна ограниченно. Отвечу, когда вернусь.",
  de: "Ich bin bis Montag nicht im Büro und lese meine E-Mails nur eingeschränkt.",
};
const outOfOfficeTemplates = new Map<string, Template>();

function outOfOffice(language: string): Template {
  const key = OUT_OF_OFFICE[language] ? language : "en";
  let template = outOfOfficeTemplates.get(key);
  if (!template) outOfOfficeTemplates.set(key, (template = compileAll({ texts: [OUT_OF_OFFICE[key]], sentiment: "neutral" })[0]));
  return template;
}
