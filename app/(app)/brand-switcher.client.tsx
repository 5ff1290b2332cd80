"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Badge } from "@/app/_components/ui/badge";
import { Select } from "@/app/_components/ui/select";
import { useT } from "@/app/_components/i18n.client";
import type { MessageKey } from "@/lib/i18n/messages";

type BrandOption = { slug: string; name: string; role: string };

export function BrandSwitcher({ brands }: { brands: BrandOption[] }) {
  const t = useT();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = params.get("brand") ?? brands[0]?.slug ?? "";
  const role = brands.find((b) => b.slug === current)?.role;
  if (brands.length === 0) return null;
  return (
    <div className="flex min-w-0 items-center gap-2">
      <Select
        id="brand-switcher"
        label={t("header.brand")}
        value={current}
        onChange={(slug) => {
          const next = new URLSearchParams(params.toString());
          next.set("brand", slug);
          next.delete("c");
          next.delete("cursor");
          router.push(`${pathname}?${next.toString()}`);
        }}
        options={brands.map((b) => ({ value: b.slug, label: b.name }))}
      />
      {role && (
        <span data-testid="current-role">
          <Badge>{t(`role.${role}` as MessageKey)}</Badge>
        </span>
      )}
    </div>
  );
}
