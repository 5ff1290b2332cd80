import { SettingsNav } from "./settings-nav.client";

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex flex-1">
      <SettingsNav />
      <main className="flex-1 p-6">{children}</main>
    </div>
  );
}
