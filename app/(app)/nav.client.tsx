"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useT } from "@/app/_components/i18n.client";
import type { MessageKey } from "@/lib/i18n/messages";
import { navItemClass } from "@/app/_components/ui/nav-item";

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
            className={`py-2 md:py-1 ${navItemClass(active)}`}
          >
            {t(item.label)}
          </Link>
        );
      })}
    </nav>
  );
}
