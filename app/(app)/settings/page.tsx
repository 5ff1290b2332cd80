import { redirect } from "next/navigation";

export default async function SettingsIndex({ searchParams }: { searchParams: Promise<{ brand?: string }> }) {
  const { brand } = await searchParams;
  redirect(brand ? `/settings/brands?brand=${encodeURIComponent(brand)}` : "/settings/brands");
}
