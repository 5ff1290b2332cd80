// Where the customer is on their platform: the newest link the platform gave for their messages,
// else their profile when the platform's profile address is built from the handle.
const PROFILE: Record<string, (handle: string) => string> = {
  instagram: (h) => `https://www.instagram.com/${h}/`,
  twitter: (h) => `https://x.com/${h}`,
  telegram: (h) => `https://t.me/${h}`,
  vk: (h) => `https://vk.com/${h}`,
  youtube: (h) => `https://www.youtube.com/@${h}`,
};

const HANDLE = /^[A-Za-z0-9._-]{1,100}$/;

export function platformLink({ kind, handle, messageUrls }: { kind: string; handle: string | null; messageUrls: (string | null)[] }): string | null {
  for (const url of [...messageUrls].reverse()) {
    if (url && /^https:\/\//i.test(url)) return url;
  }
  const bare = handle?.replace(/^@/, "") ?? "";
  return PROFILE[kind] && HANDLE.test(bare) ? PROFILE[kind](bare) : null;
}

/** The handle as people write it on social platforms; e-mail addresses and phone numbers stay as they are. */
export function displayHandle(handle: string | null): string | null {
  if (!handle) return null;
  return handle.startsWith("@") || handle.includes("@") || !HANDLE.test(handle) ? handle : `@${handle}`;
}

/** Platform names are brand names: the same in every language. */
export const PLATFORM_NAMES: Record<string, string> = { facebook: "Facebook", instagram: "Instagram", twitter: "X", vk: "VK", telegram: "Telegram", youtube: "YouTube" };
