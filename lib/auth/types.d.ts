// What Switchboard adds to Auth.js's types: the session id the JWT carries (lib/auth/index.ts).
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    /** Set by `authorize` on a successful sign-in: the row in `sessions` this sign-in started. */
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
    /** The session row could not be checked (the database is unreachable): not yet a session. */
    unverified?: true;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The `sessions` row this token stands for; without a live row the token is no session. */
    sid?: string;
    /** Set for this request only when the session row could not be checked (lib/auth/index.ts). */
    unverified?: true;
  }
}
