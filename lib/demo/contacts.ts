import { friendHandle } from "./templates";
import { remember, type ChannelState, type Contact, type World } from "./world";

const MAIL_HOSTS = ["gmail.com", "outlook.com", "yahoo.com", "web.de", "gmx.de", "yandex.ru", "ukr.net", "abv.bg", "icloud.com"];
const REPEAT_SHARE = 0.14;

/** A returning customer from this channel (repeat contacts), or a new one. */
export function pickContact({ world, ch, influencer }: { world: World; ch: ChannelState; influencer?: boolean }): Contact {
  const rng = world.rng;
  if (!influencer && ch.ring.length > 20 && rng.chance(REPEAT_SHARE)) return rng.pick(ch.ring);
  return newContact({ world, ch, influencer });
}

export function newContact({
  world,
  ch,
  influencer = false,
  language = ch.languages.sample(world.rng),
}: {
  world: World;
  ch: ChannelState;
  influencer?: boolean;
  language?: string;
}): Contact {
  const rng = world.rng;
  const set = ch.brand.sets.get(language)!;
  const person = rng.pick(set.people);
  const first = person.first;
  const name = first + " " + rng.pick(set.surnames)[person.female ? 1 : 0];
  const n = world.seq++;
  const handle = friendHandle(rng) + n.toString(36);
  let contact: Contact;
  switch (ch.channel.kind) {
    case "email":
      contact = author(handle + "@" + rng.pick(MAIL_HOSTS), undefined, name, undefined);
      break;
    case "web":
      contact = author("visitor-" + world.tag + n.toString(36), undefined, rng.chance(0.7) ? name : undefined, undefined);
      break;
    case "youtube":
      contact = author("UC" + world.tag + n.toString(36), "@" + handle, name, followers(world, influencer));
      break;
    default:
      contact = author(String(100_000_000_000 + n) + world.tag, handle, name, followers(world, influencer));
  }
  contact.first = first;
  contact.language = language;
  contact.dmThread = ch.prefix + "dm" + n.toString(36);
  remember(ch, contact);
  return contact;
}

function author(id: string, handle: string | undefined, name: string | undefined, followers: number | undefined): Contact {
  const a: Contact["author"] = { id };
  if (handle !== undefined) a.handle = handle;
  if (name !== undefined) a.name = name;
  if (followers !== undefined) a.followers = followers;
  return { author: a, first: "", language: "", dmThread: "" };
}

function followers(world: World, influencer: boolean): number {
  const rng = world.rng;
  if (influencer) return Math.round(rng.lognormal(40_000, 0.9)) + 10_000;
  return Math.min(2_000_000, Math.round(rng.lognormal(180, 1.5)));
}
