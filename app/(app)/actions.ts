"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { signOut } from "@/lib/auth/next-auth";
import { requireActionUser } from "@/lib/auth/session";
import { setAvailability } from "@/lib/assignment/round-robin";
import { setLocale } from "@/lib/team/users";
import { isLocale } from "@/lib/i18n/messages";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

export async function setAvailabilityAction(formData: FormData): Promise<void> {
  const user = await requireActionUser();
  await setAvailability({ userId: user.id, available: formData.get("available") === "1" });
  revalidatePath("/", "layout");
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  const user = await requireActionUser();
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  await setLocale({ userId: user.id, locale });
  revalidatePath("/", "layout");
}

export async function setThemeAction(formData: FormData): Promise<void> {
  await requireActionUser();
  const theme = parseTheme(String(formData.get("theme") ?? ""));
  const jar = await cookies();
  if (theme === "system") jar.delete(THEME_COOKIE);
  else jar.set(THEME_COOKIE, theme, { path: "/", maxAge: 400 * 24 * 3600, sameSite: "lax", httpOnly: true });
}
