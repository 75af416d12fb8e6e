// Auth.js v5: email + password sign-in (Credentials). Throttling lives in `authorize`, the one
// place every password passes through (the form's action and /api/auth/callback/credentials).
// For an account with a second factor a right password starts no session: `authorize` throws
// SecondFactorRequired with a pending sign-in, and only the "second-step" provider, fed a ticket
// by the action that checked the code or passkey, starts one (lib/auth/pending-sign-in.ts).
//
// Sessions are rows, not just tokens: a successful sign-in starts a row in `sessions` and the
// JWT carries its id. Every `auth()` call runs the `jwt` callback, which checks that row (one
// primary-key lookup), so sign-out, "Sign out of all sessions" or a deleted account end the
// session on every server at once; a token whose row is gone is no session at all.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { findSessionUser } from "@/db/queries/session";
import { hasSecondFactor } from "@/db/queries/two-factor";
import { findUserByEmail } from "@/db/queries/users";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/server/error-log";
import { noteIfDatabaseUnreachable } from "@/lib/server/outage";
import { endSession, resumeSession, startSession } from "@/lib/services/sessions";
import { recordFailedSignIn } from "@/lib/services/sign-in-events";
import { authConfig } from "./config";
import { deviceTokenFrom, isKnownDevice } from "./known-device";
import { burnPasswordCheck, verifyPassword } from "./password";
import { pendingSignInToken, readSignInTicket } from "./pending-sign-in";
import { signInSchema } from "./schemas";
import { beginSignInAttempt, signInFailed, signInSucceeded } from "./throttle";

export class TooManySignInAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

/**
 * The password was right but the account has a second factor: no session yet. The action
 * (lib/actions/auth.ts) keeps `pendingToken` in a cookie and asks for the second step.
 */
export class SecondFactorRequired extends CredentialsSignin {
  code = "second_factor_required";
  constructor(
    readonly userId: string,
    readonly pendingToken: string,
  ) {
    super();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    error(error) {
      // A wrong password is an expected outcome, not a server error worth a stack trace.
      if (error instanceof CredentialsSignin) return;
      logError("auth", error);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    async jwt({ token, user }) {
      // Sign-in: `authorize` has just started the session.
      if (user) return user.sessionId ? { ...token, sid: user.sessionId } : null;
      // Every later request: no live row, no session (null makes Auth.js drop the cookie).
      if (!token.sid || !token.sub || !UUID.test(token.sid)) return null;
      const { unverified: _, ...checked } = token;
      try {
        return (await resumeSession(token.sid, token.sub, await requestIp())) ? checked : null;
      } catch (error) {
        // The database is unreachable: whether the session lives is unknown, and returning null
        // (or throwing) would make Auth.js drop the cookie, signing the person out of an outage.
        // The cookie stands but the token is marked unverified, so that this request is never
        // treated as signed in (getSessionUser shows the outage instead): it fails closed.
        if (noteIfDatabaseUnreachable(error)) return { ...checked, unverified: true };
        throw error;
      }
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = token.sid;
      if (token.unverified) session.unverified = true;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid && UUID.test(sid)) await endSession(sid);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = request.headers.get(CLIENT_IP_HEADER);
        const secret = getEnv().AUTH_SECRET;
        const knownDevice = !!secret && isKnownDevice(deviceTokenFrom(request.headers.get("cookie")), email, secret);

        const attempt = await beginSignInAttempt(email, ip, { knownDevice });
        if (!attempt.allowed) throw new TooManySignInAttempts();

        const user = await findUserByEmail(getDb(), email);
        const valid = user?.passwordHash
          ? await verifyPassword(user.passwordHash, password)
          : (await burnPasswordCheck(password), false);
        if (!user || !valid) {
          await signInFailed(attempt);
          if (user) await recordFailedSignIn(user, { ip, userAgent: request.headers.get("user-agent") });
          return null;
        }
        await signInSucceeded(email, ip);
        if (await hasSecondFactor(getDb(), user.id)) throw new SecondFactorRequired(user.id, pendingSignInToken(user.id));
        const sessionId = await startSession({ userId: user.id, ip, userAgent: request.headers.get("user-agent") });
        return { id: user.id, email: user.email, name: user.name, sessionId };
      },
    }),
    // The end of a two-step sign-in (or of a passkey sign-in): the action that checked the code
    // or the passkey hands over a ticket it signed seconds ago (lib/auth/pending-sign-in.ts).
    Credentials({
      id: "second-step",
      credentials: { ticket: {} },
      async authorize(credentials, request) {
        const userId = readSignInTicket(credentials.ticket);
        if (!userId) return null;
        const user = await findSessionUser(getDb(), userId);
        if (!user) return null;
        const sessionId = await startSession({ userId: user.id, ip: request.headers.get(CLIENT_IP_HEADER), userAgent: request.headers.get("user-agent") });
        return { ...user, sessionId };
      },
    }),
  ],
});

/** The client's address as server.ts decided it; null outside a request. */
async function requestIp(): Promise<string | null> {
  try {
    return (await headers()).get(CLIENT_IP_HEADER);
  } catch {
    return null;
  }
}
