import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTheme } from "@/lib/theme-cookie";
import { themeAttribute } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Switchboard", template: "%s · Switchboard" },
  description: "API keys for your voice-AI workspace.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme cookie, read here so the first paint is in the right theme with no script.
  return (
    <html lang="en" data-theme={themeAttribute(await getTheme())}>
      <body className="min-h-screen font-sans">
        {/* Tooltips and toasts are the dashboard's: app/(dashboard)/layout.tsx. */}
        {children}
      </body>
    </html>
  );
}
