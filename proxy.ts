// Sends anonymous visitors of dashboard routes to sign-in. Only a first gate: it checks the
// token's signature, not its session row; every page and action checks the row again on the
// server (lib/auth/session.ts), so a signed-out token gets no further than the layout.
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { signInPath } from "@/lib/routes";

const { auth } = NextAuth(authConfig);

export const proxy = auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  // Same origin as the request, which Next sends as a relative Location: never a host of its own.
  return NextResponse.redirect(new URL(signInPath(request.nextUrl.pathname + request.nextUrl.search), request.nextUrl));
});

export const config = { matcher: ["/onboarding/:path*", "/settings/:path*", "/workspaces/:path*", "/agents/:path*", "/calls/:path*"] };
