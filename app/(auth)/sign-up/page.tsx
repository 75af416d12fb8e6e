import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/auth/session";
import { DEFAULT_SIGNED_IN_PATH, isInvitePath } from "@/lib/routes";
import { safeRedirectPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = typeof next === "string" ? safeRedirectPath(next, DEFAULT_SIGNED_IN_PATH) : undefined;
  if (await getSessionUser()) redirect(target ?? DEFAULT_SIGNED_IN_PATH);
  return <SignUpForm next={target} joining={isInvitePath(target)} />;
}
