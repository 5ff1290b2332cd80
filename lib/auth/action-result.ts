import type { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";

export type ActionState = { ok?: string; error?: string; values?: Record<string, string>; secret?: string } | null;

// Server actions answer { ok } or { error }; unexpected errors are logged, never shown.
export async function runAction(values: Record<string, string>, body: () => Promise<ActionState> | ActionState): Promise<ActionState> {
  try {
    return await body();
  } catch (error) {
    if (isAppError(error)) return { error: error.message, values };
    if (error && typeof error === "object" && "digest" in error) throw error;
    console.error("action failed", error);
    return { error: "Something went wrong; nothing was changed. Try again.", values };
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
