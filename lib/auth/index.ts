// Auth.js v5: email + password sign-in (Credentials). Throttling lives in `authorize`, the one
// place every sign-in passes through (the form's action and /api/auth/callback/credentials).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { findUserByEmail } from "@/db/queries/users";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { authConfig } from "./config";
import { burnPasswordCheck, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { beginSignInAttempt, signInFailed, signInSucceeded } from "./throttle";

export class TooManySignInAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    error(error) {
      // A wrong password is an expected outcome, not a server error worth a stack trace.
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error);
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

        const attempt = await beginSignInAttempt(email, ip);
        if (!attempt.allowed) throw new TooManySignInAttempts();

        const user = await findUserByEmail(email);
        const valid = user?.passwordHash
          ? await verifyPassword(user.passwordHash, password)
          : (await burnPasswordCheck(password), false);
        if (!user || !valid) {
          await signInFailed(attempt);
          return null;
        }
        await signInSucceeded(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
});
