"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useT } from "@/app/_components/i18n.client";
import type { MessageKey } from "@/lib/i18n/messages";
import { navItemClass } from "@/app/_components/ui/nav-item";

const ITEMS: { href: string; label: MessageKey }[] = [
  { href: "/settings/brands", label: "settings.brands" },
  { href: "/settings/team", label: "settings.team" },
  { href: "/settings/channels", label: "settings.channels" },
  { href: "/settings/sla", label: "settings.sla" },
  { href: "/settings/templates", label: "settings.templates" },
  { href: "/settings/escalation", label: "settings.escalation" },
  { href: "/settings/staffing", label: "settings.staffing" },
  { href: "/settings/audit", label: "settings.audit" },
];

export function SettingsNav() {
  const pathname = usePathname();
  const brand = useSearchParams().get("brand");
  const t = useT();
  return (
    <nav aria-label={t("settings.nav")} className="shrink-0 border-b border-zinc-200 p-2 md:w-48 md:border-r md:border-b-0 md:p-3 dark:border-zinc-800">
      <ul className="flex flex-wrap gap-1 md:block md:space-y-0.5">
        {ITEMS.map((item) => (
          <li key={item.href}>
            <Link
              href={brand ? `${item.href}?brand=${encodeURIComponent(brand)}` : item.href}
              aria-current={pathname === item.href ? "page" : undefined}
              className={`block py-2 md:py-1.5 ${navItemClass(pathname === item.href)}`}
            >
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
