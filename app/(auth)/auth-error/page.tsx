import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Could not sign you in" };

// Auth.js sends people here (pages.error in lib/auth/config.ts) with `?error=` naming what went
// wrong. Only the codes it can send with our credentials sign-in get their own words; the query
// text itself is never shown.
const EXPLANATIONS: Record<string, string> = {
  Configuration: "Signing in is not working on our side at the moment. Try again in a few minutes.",
  AccessDenied: "This account is not allowed to sign in.",
  Verification: "This sign-in link has expired or has already been used.",
};
const FALLBACK = "Something went wrong while signing you in. Try again.";

export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  const explanation = (typeof error === "string" && Object.hasOwn(EXPLANATIONS, error) && EXPLANATIONS[error]) || FALLBACK;
  return (
    <div>
      <h1 className="text-xl font-semibold">Could not sign you in</h1>
      <p className="mt-1 text-sm text-zinc-600">{explanation}</p>
      <p className="mt-3 text-sm text-zinc-600">Nothing has changed in your account. You can try signing in again.</p>
      <Link href={routes.signIn} className={buttonClassName({}, "mt-6 w-full")}>
        Back to sign in
      </Link>
    </div>
  );
}
