"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

type BrandOption = { slug: string; name: string; role: string };

export function BrandSwitcher({ brands }: { brands: BrandOption[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = params.get("brand") ?? brands[0]?.slug ?? "";
  const role = brands.find((b) => b.slug === current)?.role;
  if (brands.length === 0) return null;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="brand-switcher" className="sr-only">
        Brand
      </label>
      <select
        id="brand-switcher"
        value={current}
        onChange={(event) => {
          const next = new URLSearchParams(params.toString());
          next.set("brand", event.target.value);
          next.delete("c");
          next.delete("cursor");
          router.push(`${pathname}?${next.toString()}`);
        }}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {brands.map((b) => (
          <option key={b.slug} value={b.slug}>
            {b.name}
          </option>
        ))}
      </select>
      {role && (
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" data-testid="current-role">
          {role}
        </span>
      )}
    </div>
  );
}
