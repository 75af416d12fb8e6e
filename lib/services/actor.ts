// Who makes a change. Every service function takes one, so the audit log (and anything else
// that must know who did what, from where) gets it without asking the caller's framework.
export type Actor =
  | { type: "user"; id: string; email: string; ip: string | null; userAgent: string | null }
  | { type: "system"; name: string };

export type UserActor = Extract<Actor, { type: "user" }>;
