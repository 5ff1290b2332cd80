import type { Classification } from "@/lib/classify/types";
import type { Arrival, Batch } from "../batch";
import type { Contact } from "./contact";

// Stage 4. An inbound message is classified (request or noise, complaint, sentiment, language);
// everything a blocked author writes, and every auto-reply, bounce or bulk mail, is noise.

export function classifyMessage(batch: Batch, arrival: Arrival, contact: Contact | null): Classification | null {
  if (!arrival.inbound) return null;
  const result = batch.classifyText(arrival.event.text);
  if (arrival.event.automated) return { ...result, category: "noise", complaint: false, confidence: 1, reasons: ["automated: auto-reply, bounce or bulk mail", ...result.reasons] };
  if (!contact?.blocked) return result;
  return { ...result, category: "noise", complaint: false, confidence: 1, reasons: ["author blocked", ...result.reasons] };
}
