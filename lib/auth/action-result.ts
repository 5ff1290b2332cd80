import type { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { errorText, unexpectedErrorText } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/messages";
import { requireActionUser } from "./session";

export type ActionState = { ok?: string; error?: string; values?: Record<string, string>; secret?: string } | null;

// The signed-in person's language for an error text; a refused sign-in reads English.
async function readerLocale(): Promise<Locale> {
  try {
    return (await requireActionUser()).locale;
  } catch {
    return "en";
  }
}

// Server actions answer { ok } or { error }, the error in the reader's language; unexpected errors are logged, never shown.
export async function runAction(values: Record<string, string>, body: () => Promise<ActionState> | ActionState): Promise<ActionState> {
  try {
    return await body();
  } catch (error) {
    if (isAppError(error)) return { error: errorText({ error, locale: await readerLocale() }), values };
    if (error && typeof error === "object" && "digest" in error) throw error;
    console.error("action failed", error);
    return { error: unexpectedErrorText(await readerLocale()), values };
  }
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && key !== "password") values[key] = value;
  return values;
}

// zod-parses form values; the first problems become one readable 400 message.
export function parseInput<T extends z.ZodType>(schema: T, values: Record<string, string> | FormData): z.output<T> {
  const result = schema.safeParse(values instanceof FormData ? Object.fromEntries(values) : values);
  if (!result.success)
    throw new AppError("bad_request:input", result.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "));
  return result.data;
}
