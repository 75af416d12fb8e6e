// The theme this browser chose (the `theme` cookie, lib/theme.ts), written into the server's HTML
// so the first paint is right with no script: a wrapper that lays out nothing (display: contents)
// carrying data-theme, which app/globals.css reads through `:root:has(...)`, so the whole document
// (dialogs portalled to <body> included) follows it. Only pages rendered per request can read the
// cookie; the static guides and API reference have no scope and follow the system setting.
import type { ReactNode } from "react";
import { themeAttribute } from "@/lib/theme";
import { getTheme } from "@/lib/theme-cookie";

export async function ThemeScope({ children }: { children: ReactNode }) {
  return (
    <div data-theme-scope="" data-theme={themeAttribute(await getTheme())} className="contents">
      {children}
    </div>
  );
}
