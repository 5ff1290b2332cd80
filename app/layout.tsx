import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Replyhour", template: "%s · Replyhour" },
  description: "Every comment answered within the hour.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans text-sm">{children}</body>
    </html>
  );
}
