import type { Classification } from "@/lib/classify/types";
import type { Arrival, Batch } from "../batch";
import type { Contact } from "./contact";

// Stage 4. An inbound message is classified (request or noise, complaint, sentiment, language);
// everything a blocked author writes, and every auto-reply, bounce or bulk mail, is noise.

export function classifyMessage(batch: Batch, arrival: Arrival, contact: Contact | null): Classification | null {
  if (!arrival.inbound) return null;
  const result = withLanguageHint(batch.classifyText(arrival.event.text), arrival.event.text, arrival.event.author.language);
  if (arrival.event.automated) return { ...result, category: "noise", complaint: false, confidence: 1, reasons: ["automated: auto-reply, bounce or bulk mail", ...result.reasons] };
  if (!contact?.blocked) return result;
  return { ...result, category: "noise", complaint: false, confidence: 1, reasons: ["author blocked", ...result.reasons] };
}

const SHORT_WORDS = 4;

// A few words say little about their language ("ok", "спасибо!", "hola?"): the platform's word
// for the author's language decides then, when the text does not clearly say otherwise.
export function withLanguageHint(result: Classification, text: string, hint: string | undefined): Classification {
  const language = hint?.split("-")[0];
  if (!language || language === result.language) return result;
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length > SHORT_WORDS && result.language !== "und") return result;
  const cyrillic = /\p{Script=Cyrillic}/u.test(text);
  const latin = /\p{Script=Latin}/u.test(text);
  const hintCyrillic = CYRILLIC.has(language);
  // The hint must fit the script the text is written in (a Russian user writing "ok" stays "und"-safe).
  if ((cyrillic && !hintCyrillic) || (latin && !cyrillic && hintCyrillic)) return result;
  return { ...result, language, reasons: [...result.reasons, `language from the author's ${language} settings`] };
}

const CYRILLIC = new Set(["ru", "uk", "bg", "be", "sr", "mk", "kk", "ky", "mn", "tg"]);
