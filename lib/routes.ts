// Every path of the dashboard, in one place, so that links, redirects and revalidation agree.
export const routes = {
  home: "/",
  signIn: "/sign-in",
  signUp: "/sign-up",
  settings: "/settings",
  apiKeys: "/settings/api-keys",
  account: "/settings/account",
} as const;

/** Where a signed-in person lands when nothing else was asked for. */
export const DEFAULT_SIGNED_IN_PATH = routes.apiKeys;

/** The sign-in page that brings the visitor back to `next` afterwards. */
export function signInPath(next?: string): string {
  return next ? `${routes.signIn}?${new URLSearchParams({ next })}` : routes.signIn;
}
