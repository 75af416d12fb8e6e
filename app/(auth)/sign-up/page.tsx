import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await getSessionContext()) redirect("/settings/api-keys");
  return <SignUpForm />;
}
