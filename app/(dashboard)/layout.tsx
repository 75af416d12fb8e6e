import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { DatabaseOutage } from "@/components/outage/database-outage";
import { ThemeScope } from "@/components/theme-scope";
import { TooltipProvider } from "@/components/ui/tooltip";
import { getSessionUser } from "@/lib/auth/session";
import { noteIfDatabaseUnreachable } from "@/lib/server/outage";

// What only the dashboard uses: tooltips and toasts. Kept out of the root layout, so that the
// public pages (sign-in, the docs) do not load their JavaScript.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Every dashboard page starts with the session (cached for the request, so this costs nothing
  // more). With the database unreachable it fails: show the outage, answered 503, rather than
  // send a signed-in person to sign-in.
  try {
    await getSessionUser();
  } catch (error) {
    if (noteIfDatabaseUnreachable(error)) return <DatabaseOutage />;
    throw error;
  }
  return (
    <ThemeScope>
      <TooltipProvider delayDuration={200}>{children}</TooltipProvider>
      <Toaster position="bottom-right" richColors closeButton />
    </ThemeScope>
  );
}
