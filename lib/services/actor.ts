// Who makes a change. Every service function takes one, so the audit log (and anything else
// that must know who did what, from where) gets it without asking the caller's framework.
export type Actor =
  | { type: "user"; id: string; email: string; ip: string | null; userAgent: string | null }
  | { type: "api_key"; id: string; name: string; ip: string | null; userAgent: string | null }
  | { type: "system"; name: string }
  /** Someone not signed in (a failed sign-in). */
  | { type: "anonymous"; ip: string | null; userAgent: string | null };

export type UserActor = Extract<Actor, { type: "user" }>;
