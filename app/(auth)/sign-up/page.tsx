import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionContext } from "@/lib/auth/session";
import { DEFAULT_SIGNED_IN_PATH } from "@/lib/routes";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await getSessionContext()) redirect(DEFAULT_SIGNED_IN_PATH);
  return <SignUpForm />;
}
