"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const ITEMS = [
  { href: "/settings/brands", label: "Brands" },
  { href: "/settings/team", label: "Team" },
  { href: "/settings/channels", label: "Channels" },
  { href: "/settings/sla", label: "Response targets" },
  { href: "/settings/templates", label: "Templates" },
  { href: "/settings/escalation", label: "Escalation rules" },
  { href: "/settings/audit", label: "Audit log" },
];

export function SettingsNav() {
  const pathname = usePathname();
  const brand = useSearchParams().get("brand");
  return (
    <nav aria-label="Settings" className="w-48 shrink-0 border-r border-zinc-200 p-3 dark:border-zinc-800">
      <ul className="space-y-0.5">
        {ITEMS.map((item) => (
          <li key={item.href}>
            <Link
              href={brand ? `${item.href}?brand=${encodeURIComponent(brand)}` : item.href}
              aria-current={pathname === item.href ? "page" : undefined}
              className={`block rounded-md px-2.5 py-1.5 ${pathname === item.href ? "bg-zinc-100 font-medium dark:bg-zinc-800" : "text-zinc-600 hover:bg-zinc-50 dark:text-zinc-400 dark:hover:bg-zinc-900"}`}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
