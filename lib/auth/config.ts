// The part of the Auth.js configuration that proxy.ts can load: no providers, no database.
import type { NextAuthConfig } from "next-auth";

export const authConfig = {
  pages: { signIn: "/sign-in" },
  // Credentials sign-in requires JWT sessions. Cookies are httpOnly and SameSite=Lax by
  // default, and Secure (with the __Secure- prefix) when the site is served over https.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
