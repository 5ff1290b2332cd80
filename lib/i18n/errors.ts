import { AppError, type ErrorKind } from "@/lib/errors";
import { en, isMessageKey, translator, type Locale, type MessageKey } from "./messages";

// A lib/ error's English message names its catalogue entry: errors.<kind>.<object>[.<variant>] holds
// exactly that English, so raisers keep one plain message and every language finds its text.
const BY_ENGLISH = new Map<string, MessageKey>(
  (Object.keys(en) as MessageKey[]).filter((key) => key.startsWith("errors.")).map((key) => [en[key], key]),
);

/**
 * An error whose message names a value (a platform's refusal, a password rule): its text is the
 * catalogue entry errors.<kind>.<object>.<variant> with those values, English in the message (API,
 * logs, CLIs) and the reader's language through errorText.
 */
export function catalogueError(code: `${ErrorKind}:${string}`, variant: string, values: Record<string, string | number> = {}): AppError {
  const key = `errors.${code.replace(":", ".")}.${variant}`;
  if (!isMessageKey(key)) throw new Error(`No catalogue entry ${key}`);
  return new AppError(code, translator("en")(key, values), { text: { key, values } });
}

/** What the person reads for an error raised in lib/, in their language. */
export function errorText({ error, locale }: { error: AppError; locale: Locale }): string {
  if (error.text && isMessageKey(error.text.key)) return translator(locale)(error.text.key, error.text.values);
  // English is the language lib/ words its messages in, default ones name the object.
  if (locale === "en") return error.message;
  const t = translator(locale);
  const known = BY_ENGLISH.get(error.message);
  if (known && known.startsWith(`errors.${error.kind}.${error.object}`)) return t(known);
  const generic = `errors.${error.kind}`;
  // A message worded at run time (it names a value, or is already in the reader's language) is kept.
  if (error.worded || !isMessageKey(generic)) return error.message;
  return t(generic);
}

/** The text for a failure that is not an AppError: nothing is said about its cause. */
export function unexpectedErrorText(locale: Locale): string {
  return translator(locale)("errors.unexpected");
}
