"use client";

import { useState, useTransition } from "react";
import { setThemeAction } from "./actions";
import { useT } from "@/app/_components/i18n.client";
import { Menu, MenuRadioGroup } from "@/app/_components/ui/menu";
// Mirrors lib/theme.ts (client files do not import lib/).
type Theme = "system" | "light" | "dark";

// Light, dark, or whatever the system says (the default); applied at once, kept in a cookie for the next page.
export function ThemeSwitch({ theme }: { theme: Theme }) {
  const t = useT();
  const [current, setCurrent] = useState(theme);
  const [, start] = useTransition();
  const choose = (next: Theme) => {
    setCurrent(next);
    document.documentElement.classList.remove("light", "dark");
    if (next !== "system") document.documentElement.classList.add(next);
    const form = new FormData();
    form.set("theme", next);
    start(() => setThemeAction(form));
  };
  return (
    <Menu trigger={<span data-testid="theme-switch">{t("header.theme")}: {t(`header.theme.${current}`)}</span>}>
      <MenuRadioGroup
        value={current}
        onChange={choose}
        options={(["system", "light", "dark"] as const).map((value) => ({ value, label: t(`header.theme.${value}`) }))}
      />
    </Menu>
  );
}
