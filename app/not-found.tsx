import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import AuthLayout from "./(auth)/layout";

export const metadata: Metadata = { title: "Page not found" };

// The auth pages' frame (logo and card): whether the visitor is signed in is not known here, so
// the way back is `/`, which sends them on to API Keys or to sign-in.
export default function NotFound() {
  return (
    <AuthLayout>
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-1 text-sm text-zinc-600">
        There is nothing at this address. The link may be mistyped, or the page may have moved.
      </p>
      <Link href="/" className={buttonClassName({}, "mt-6 w-full")}>
        Back to Switchboard
      </Link>
    </AuthLayout>
  );
}
