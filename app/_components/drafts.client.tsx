"use client";

import type { FormHTMLAttributes } from "react";

export const DRAFT_PREFIX = "replyhour:draft:";

/** Removes every reply draft kept in this browser (older unkeyed ones included). */
export function clearDrafts(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(DRAFT_PREFIX) || key.startsWith("replyhour:draft-base:")) localStorage.removeItem(key);
  } catch {
    // Storage unavailable (private mode): nothing was kept.
  }
}

/** A sign-out form: the browser forgets the person's drafts before the session ends. */
export function SignOutForm(props: FormHTMLAttributes<HTMLFormElement>) {
  return <form {...props} onSubmit={clearDrafts} />;
}
