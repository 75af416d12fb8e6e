// The Playwright projects, one per folder of e2e/: a spec belongs to the project of the folder
// it sits in, so a new spec can never fall outside every project (test/e2e-layout.test.ts).
export const E2E_PROJECTS = {
  /** Signs the owner up once and saves the session for `signed-in`. */
  setup: "e2e/setup",
  /** The owner's dashboard, in a browser holding the saved session. */
  "signed-in": "e2e/signed-in",
  /** Visitors without a session, and people who sign up or in during the test. */
  anonymous: "e2e/anonymous",
  /** Raw HTTP against the server: headers, request targets, the public API. */
  api: "e2e/api",
  /** Sign-in throttling, from addresses of its own. */
  throttling: "e2e/throttling",
  /** Every server action and permission-checked route, called as each role over HTTP. */
  roles: "e2e/roles",
  /** The server process itself: crashes and restarts. Starts servers of its own. */
  server: "e2e/server",
} as const;
