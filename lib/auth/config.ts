// The part of the Auth.js configuration that proxy.ts can load: no providers, no database.
import type { NextAuthConfig } from "next-auth";
import { SESSION_MAX_AGE_DAYS } from "./session-lifetime";
import { routes } from "@/lib/routes";

export const authConfig = {
  // Auth.js's own error page is a dead end outside the app; ours explains and leads back to sign-in.
  pages: { signIn: routes.signIn, error: "/auth-error" },
  // Credentials sign-in requires JWT sessions. The token only names a row in `sessions`, which
  // decides whether it is still a session (lib/auth/index.ts); it lives as long as a session can.
  // Cookies are httpOnly and SameSite=Lax by default, and Secure (with the __Secure- prefix) when
  // the site is served over https.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_DAYS * 24 * 60 * 60 },
  // server.ts is the only entry point; the Host header it receives is the one to trust.
  trustHost: true,
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
