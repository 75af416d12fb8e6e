// The 404 page of the Pages Router's docs (an unknown guide, say), the same as app/not-found.tsx's.
import type { PageConfig } from "next";
import Head from "next/head";
import Link from "next/link";
import { AuthFrame } from "@/components/auth/auth-frame";
import { buttonClassName } from "@/components/ui/button";

export const config: PageConfig = { unstable_runtimeJS: false };

export default function NotFound() {
  return (
    <AuthFrame>
      <Head>
        <title>Page not found · Switchboard</title>
      </Head>
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-1 text-sm text-zinc-600">There is nothing at this address. The link may be mistyped, or the page may have moved.</p>
      <Link href="/" className={buttonClassName({}, "mt-6 w-full")}>
        Back to Switchboard
      </Link>
    </AuthFrame>
  );
}
