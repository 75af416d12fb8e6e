import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { AuthFrame } from "@/components/auth/auth-frame";

export const metadata: Metadata = { title: "Page not found" };

// The auth pages' frame (logo and card): whether the visitor is signed in is not known here, so
// the way back is `/`, which sends them on to API Keys or to sign-in. No theme cookie: this page
// is part of every route's tree, and reading the request here would make the static docs dynamic;
// it follows the system setting (README "Dark mode").
export default function NotFound() {
  return (
    <AuthFrame>
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-1 text-sm text-zinc-600">
        There is nothing at this address. The link may be mistyped, or the page may have moved.
      </p>
      <Link href="/" className={buttonClassName({}, "mt-6 w-full")}>
        Back to Switchboard
      </Link>
    </AuthFrame>
  );
}
