import { AudioLines } from "lucide-react";
import type { ReactNode } from "react";
import { ThemeScope } from "@/components/theme-scope";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <ThemeScope>
      <main className="flex min-h-screen flex-col items-center justify-center p-6">
        <div className="mb-6 flex items-center gap-2 text-lg font-semibold">
          <AudioLines className="size-6" aria-hidden />
          Switchboard
        </div>
        <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">{children}</div>
      </main>
    </ThemeScope>
  );
}
