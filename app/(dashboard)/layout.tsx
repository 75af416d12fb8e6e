import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { TooltipProvider } from "@/components/ui/tooltip";

// What only the dashboard uses: tooltips and toasts. Kept out of the root layout, so that the
// public pages (sign-in, the docs) do not load their JavaScript.
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <TooltipProvider delayDuration={200}>{children}</TooltipProvider>
      <Toaster position="bottom-right" richColors closeButton />
    </>
  );
}
