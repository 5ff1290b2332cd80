import { requirePageUser } from "@/lib/auth/session";
import { signOutAction } from "./actions";
import { Nav } from "./nav.client";
import { BrandSwitcher } from "./brand-switcher.client";
import { demoEnabled } from "@/lib/seed/demo-logins";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const brands = user.memberships.map((m) => ({ slug: m.slug, name: m.name, role: m.role }));
  const isAdmin = user.memberships.some((m) => m.role === "admin");
  return (
    <div className="flex min-h-screen flex-col">
      {demoEnabled() && (
        <div className="bg-amber-300 px-4 py-0.5 text-center text-xs font-semibold text-amber-950">
          Demo workspace — sample data, new messages keep arriving
        </div>
      )}
      <header className="flex items-center gap-4 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <a href="/inbox" className="font-semibold">
          Replyhour
        </a>
        <Nav showSettings={isAdmin || user.memberships.some((m) => m.role === "manager")} />
        <div className="ml-auto flex items-center gap-3">
          <BrandSwitcher brands={brands} />
          <span className="text-zinc-600 dark:text-zinc-400" data-testid="current-user">
            {user.name}
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded px-2 py-1 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800">
              Sign out
            </button>
          </form>
        </div>
      </header>
      {brands.length === 0 ? (
        <main className="p-8">
          <p className="font-medium">You are not a member of any brand yet.</p>
          <p className="text-zinc-500">Ask an admin to add you to a brand.</p>
        </main>
      ) : (
        <div className="flex flex-1 flex-col">{children}</div>
      )}
    </div>
  );
}
