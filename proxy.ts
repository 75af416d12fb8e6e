// Runs before every page that is rendered per request (the matcher below). Two jobs:
// - Each such page gets a Content-Security-Policy with a nonce made for this request. Next reads
//   the nonce from the request's policy header and puts it on every script it writes, so no inline
//   script runs without it (lib/security-headers.ts). Prerendered pages (the guides, the API
//   reference) stay static and are not matched: their policy names their scripts' hashes.
// - Anonymous visitors of dashboard routes go to sign-in. Only a first gate: it checks the token's
//   signature, not its session row; every page and action checks the row again on the server
//   (lib/auth/session.ts), so a signed-out token gets no further than the layout.
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { signInPath } from "@/lib/routes";
import { contentSecurityPolicy } from "@/lib/security-headers";

const { auth } = NextAuth(authConfig);
const dev = process.env.NODE_ENV !== "production";

// The pages that need a signed-in person; the others matched below are for everyone.
const SIGNED_IN_ONLY = /^\/(onboarding|settings|workspaces|agents|calls)(\/|$)/;

export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (SIGNED_IN_ONLY.test(pathname) && !request.auth?.user) {
    // Same origin as the request, which Next sends as a relative Location: never a host of its own.
    return NextResponse.redirect(new URL(signInPath(pathname + search), request.nextUrl));
  }
  const policy = contentSecurityPolicy({ nonce: newNonce() }, { dev });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
});

/** 128 random bits, base64: a nonce no one can guess or replay. */
function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

// Every page rendered per request. A page added outside these paths must be prerendered (its
// hashes are read at start); the axe sweep, which lists every page, fails on any CSP violation.
export const config = {
  matcher: [
    "/",
    "/sign-in",
    "/sign-up",
    "/auth-error",
    "/invite/:path*",
    "/docs/search",
    "/onboarding/:path*",
    "/settings/:path*",
    "/workspaces/:path*",
    "/agents/:path*",
    "/calls/:path*",
  ],
};
