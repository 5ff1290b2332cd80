"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/next-auth";
import type { ActionResult } from "@/app/_components/ui/form-message";

const MESSAGES: Record<string, string> = {
  limited: "Too many failed sign-ins for this account from here. Wait a little (longer after each failure), then try again.",
  disabled: "This account is deactivated. Ask an admin of your brand.",
};

function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") ? next : "/inbox";
}

export async function signInAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const email = String(formData.get("email") ?? "").slice(0, 320);
  const password = String(formData.get("password") ?? "").slice(0, 500);
  if (!email || !password) return { error: "Enter your e-mail and password.", values: { email } };
  try {
    await signIn("credentials", { email, password, redirectTo: safeNext(formData.get("next")) });
  } catch (error) {
    if (error instanceof CredentialsSignin)
      return { error: MESSAGES[error.code] ?? "Wrong e-mail or password.", values: { email } };
    if (error instanceof AuthError) return { error: "Sign-in failed. Try again.", values: { email } };
    throw error;
  }
  return null;
}
