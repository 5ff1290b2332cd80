"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth/next-auth";
import { requireActionUser } from "@/lib/auth/session";
import { setAvailability } from "@/lib/assignment/round-robin";
import { setLocale } from "@/lib/team/users";

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
  if (locale !== "en" && locale !== "ru") return;
  await setLocale({ userId: user.id, locale });
  revalidatePath("/", "layout");
}
