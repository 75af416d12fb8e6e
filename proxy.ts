// Sends anonymous visitors of dashboard routes to sign-in. Only a first gate: every page and
// action checks the session again on the server.
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

export const proxy = auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  signIn.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
});

export const config = { matcher: ["/settings/:path*"] };
