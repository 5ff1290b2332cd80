import { en, translator, type Locale, type MessageKey } from "./messages";

// A channel's last error is stored as lib/ words it, in English (the API shows it so); the settings
// page reads it back through the channels.error.* entries, whose English is exactly that wording:
// "Poll failed: {reason}" matches "Poll failed: HTTP 503", and the reason is read the same way.
const PATTERNS: { key: MessageKey; pattern: RegExp; names: string[] }[] = (Object.keys(en) as MessageKey[])
  .filter((key) => key.startsWith("channels.error."))
  .map((key) => {
    const names: string[] = [];
    const source = en[key]
      .split(/(\{[a-z]+\})/i)
      .map((part) => {
        const variable = /^\{([a-z]+)\}$/i.exec(part);
        if (!variable) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(variable[1]);
        return "([\\s\\S]+)";
      })
      .join("");
    return { key, pattern: new RegExp(`^${source}$`), names };
  });

/** A stored channel error in the reader's language; words lib/ did not write (a platform's own) stay as they are. */
export function channelErrorText({ text, locale }: { text: string; locale: Locale }): string {
  if (locale === "en") return text;
  for (const { key, pattern, names } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const values = Object.fromEntries(names.map((name, i) => [name, name === "reason" ? channelErrorText({ text: match[i + 1], locale }) : match[i + 1]]));
    return translator(locale)(key, values);
  }
  return text;
}
