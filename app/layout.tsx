import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Switchboard", template: "%s · Switchboard" },
  description: "API keys for your voice-AI workspace.",
};

// Static: the guides and the API reference are prerendered, so nothing here may read the request.
// The theme cookie is read by the layouts of the pages rendered per request (ThemeScope).
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        {/* Tooltips and toasts are the dashboard's: app/(dashboard)/layout.tsx. */}
        {children}
      </body>
    </html>
  );
}
