"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useT } from "@/app/_components/i18n.client";
import type { MessageKey } from "@/lib/i18n/messages";

const ITEMS: { href: string; label: MessageKey; settings?: boolean }[] = [
  { href: "/inbox", label: "nav.inbox" },
  { href: "/escalations", label: "nav.escalations" },
  { href: "/dashboard", label: "nav.dashboard" },
  { href: "/settings", label: "nav.settings", settings: true },
];

export function Nav({ showSettings }: { showSettings: boolean }) {
  const pathname = usePathname();
  const brand = useSearchParams().get("brand");
  const t = useT();
  return (
    <nav aria-label={t("nav.main")} className="flex flex-col gap-1 md:flex-row">
      {ITEMS.filter((item) => !item.settings || showSettings).map((item) => {
        const active = pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={brand ? `${item.href}?brand=${encodeURIComponent(brand)}` : item.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-2.5 py-2 md:py-1 ${active ? "bg-zinc-100 font-medium dark:bg-zinc-800" : "text-zinc-600 hover:bg-zinc-50 dark:text-zinc-400 dark:hover:bg-zinc-900"}`}
          >
            {t(item.label)}
          </Link>
        );
      })}
    </nav>
  );
}
