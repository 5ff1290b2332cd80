// Language-neutral material: handles are Latin on every platform, emoji need no language.

export const HANDLE_STEMS = [
  "anna", "mark", "kate", "dima", "lena", "max", "sasha", "nina", "tom", "julia", "alex", "mia",
  "olga", "luca", "sara", "jan", "eva", "leo", "ivan", "marta", "noah", "ela", "ben", "zoe",
  "travelbug", "coffeeaddict", "wanderlust", "jetsetter", "latte_lover", "globetrotter",
  "sunny", "nomad", "pixel", "foodie", "bookworm", "runner", "skater", "dreamer",
];

export const SPAM_HOSTS = [
  "bit.ly/", "free-gifts.top/claim?id=", "crypto-x100.io/r/", "t.me/+", "win-now.click/",
  "followers4u.shop/", "tinyurl.com/",
];

export const EMOJI_ONLY = [
  "+|😍😍😍", "+|❤️", "+|🔥🔥🔥", "0|👀", "0|😂😂😂", "+|👏👏", "-|😡😡😡", "-|🤬", "0|🤔", "+|✈️❤️", "+|☕☕", "0|🙃", "-|👎",
];
