// Every path of the dashboard, in one place, so that links, redirects and revalidation agree.
export const routes = {
  home: "/",
  signIn: "/sign-in",
  signUp: "/sign-up",
  settings: "/settings",
  /** The "Get started" checklist, where sign-up lands. */
  onboarding: "/onboarding",
  agents: "/agents",
  agent: (id: string) => `/agents/${id}`,
  calls: "/calls",
  apiKeys: "/settings/api-keys",
  apiKey: (id: string) => `/settings/api-keys/${id}`,
  account: "/settings/account",
  general: "/settings/general",
  members: "/settings/members",
  auditLog: "/settings/audit-log",
  usage: "/settings/usage",
  newWorkspace: "/workspaces/new",
  /** Where a workspace that requires two-factor sign-in sends members without a second factor. */
  twoFactorRequired: "/workspaces/two-factor",
  invite: (token: string) => `/invite/${encodeURIComponent(token)}`,
  /** The public API reference, rendered from /api/v1/openapi.json. */
  apiDocs: "/docs/api",
  /** The guides (docs/guides/*.md), their search and each guide. */
  docs: "/docs",
  docsSearch: "/docs/search",
  guide: (slug: string) => `/docs/${slug}`,
} as const;

/** Where a signed-in person lands when nothing else was asked for. */
export const DEFAULT_SIGNED_IN_PATH = routes.apiKeys;

/** The sign-in page that brings the visitor back to `next` afterwards. */
export function signInPath(next?: string): string {
  return next ? `${routes.signIn}?${new URLSearchParams({ next })}` : routes.signIn;
}

/** Whether `path` is an invitation page (sign-up then needs no workspace of its own). */
export function isInvitePath(path: string | undefined): boolean {
  return !!path && /^\/invite\/[^/?#]+$/.test(path);
}

/** The sign-up page that brings the new person back to `next` afterwards. */
export function signUpPath(next?: string): string {
  return next ? `${routes.signUp}?${new URLSearchParams({ next })}` : routes.signUp;
}
