import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth/session";
import { DEFAULT_SIGNED_IN_PATH } from "@/lib/routes";
import { safeRedirectPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = typeof next === "string" ? safeRedirectPath(next, DEFAULT_SIGNED_IN_PATH) : undefined;
  if (await getSessionUser()) redirect(target ?? DEFAULT_SIGNED_IN_PATH);
  return <SignInForm next={target} />;
}
