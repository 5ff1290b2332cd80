import type { SessionUser } from "@/lib/auth/access";

// Server-action tests fake only who is signed in; the actions, their checks and the database are real.
export const session: { user: SessionUser | null } = { user: null };

export function sessionModule() {
  return {
    requireActionUser: async () => {
      if (!session.user) throw new Error("unauthorized");
      return session.user;
    },
  };
}

export function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}
