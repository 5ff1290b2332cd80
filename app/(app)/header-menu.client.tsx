"use client";

import { useEffect, useId, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { buttonClass } from "@/app/_components/ui/button";
import { useT } from "@/app/_components/i18n.client";

// Below 768 px the header's tools fold behind one button; from 768 px up they sit in the header row.
export function HeaderMenu({ children }: { children: React.ReactNode }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [route, setRoute] = useState(`${pathname}?${search}`);
  if (route !== `${pathname}?${search}`) {
    setRoute(`${pathname}?${search}`);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className={`ml-auto md:hidden ${buttonClass({ variant: "secondary" })}`}
      >
        {open ? t("header.closeMenu") : t("header.menu")}
      </button>
      <div
        id={id}
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-30 flex-col items-stretch gap-3 border-b border-zinc-200 bg-white p-3 shadow-lg md:static md:ml-2 md:flex md:flex-1 md:flex-row md:items-center md:gap-4 md:border-0 md:bg-transparent md:p-0 md:shadow-none dark:border-zinc-800 dark:bg-zinc-950 md:dark:bg-transparent`}
      >
        {children}
      </div>
    </>
  );
}
