"use client";
// The "Theme" radio group under the account details: System, Light or Dark, remembered by this
// browser in the theme cookie (lib/theme.ts) that the server reads on the next page (ThemeScope). A
// choice applies at once by setting data-theme on the page's theme scope here; nothing is fetched.
import { Monitor, Moon, Sun } from "lucide-react";
import { useId, useState } from "react";
import { THEME_COOKIE, THEME_COOKIE_MAX_AGE, themeAttribute, type Theme } from "@/lib/theme";

const CHOICES = [
  { value: "system", label: "System", icon: Monitor },
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
] as const satisfies { value: Theme; label: string; icon: typeof Sun }[];

export function ThemeSwitcher({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  const labelId = useId();

  function choose(next: Theme) {
    setTheme(next);
    applyTheme(next);
  }

  return (
    <div className="mt-4">
      <p id={labelId} className="mb-1.5 text-xs font-medium tracking-wide text-zinc-500 uppercase">
        Theme
      </p>
      <div role="radiogroup" aria-labelledby={labelId} className="grid grid-cols-3 gap-1 rounded-lg bg-zinc-200/70 p-1">
        {CHOICES.map(({ value, label, icon: Icon }) => (
          <label
            key={value}
            className="flex cursor-pointer items-center justify-center gap-1 rounded-md px-1.5 py-1 text-xs text-zinc-700 has-checked:bg-white has-checked:font-medium has-checked:text-zinc-900 has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-zinc-900"
          >
            <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => choose(value)} className="sr-only" />
            <Icon className="size-3.5 shrink-0" aria-hidden />
            {label}
          </label>
        ))}
      </div>
    </div>
  );
}

/** Remembers the choice for the server's next render, and shows it now. */
function applyTheme(theme: Theme) {
  document.cookie = `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${THEME_COOKIE_MAX_AGE}; SameSite=Lax`;
  const root = document.querySelector("[data-theme-scope]") ?? document.documentElement;
  const attribute = themeAttribute(theme);
  if (attribute) root.setAttribute("data-theme", attribute);
  else root.removeAttribute("data-theme");
}
