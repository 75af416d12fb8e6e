// The colour theme a browser asked for (README "Dark mode"): a cookie that the layouts rendered per
// request read (components/theme-scope.tsx), so the first paint is already in the right theme. No cookie, or anything unknown, is "system": the
// stylesheet's prefers-color-scheme decides (app/globals.css).
export const THEME_COOKIE = "theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** One year: a preference of this browser, not of the account. */
export const THEME_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function parseTheme(value: string | undefined): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

/** The value of the theme scope's data-theme: absent for "system". */
export function themeAttribute(theme: Theme): "light" | "dark" | undefined {
  return theme === "system" ? undefined : theme;
}
