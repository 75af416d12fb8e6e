// The frame of the pages outside the dashboard: the logo above one card. Static on its own, so the
// 404 page (rendered into every route's tree, the static docs included) can use it without
// reading the request; app/(auth)/layout.tsx adds the theme cookie around it.
import { AudioLines } from "lucide-react";
import type { ReactNode } from "react";

export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center p-6">
      <div className="mb-6 flex items-center gap-2 text-lg font-semibold">
        <AudioLines className="size-6" aria-hidden />
        Switchboard
      </div>
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">{children}</div>
    </main>
  );
}
