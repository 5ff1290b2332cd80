"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth/next-auth";
import { requireActionUser } from "@/lib/auth/session";
import { setAvailability } from "@/lib/assignment/round-robin";
import { setLocale } from "@/lib/team/users";
import { isLocale } from "@/lib/i18n/messages";

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
