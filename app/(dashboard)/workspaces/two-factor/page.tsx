import { AudioLines } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { SignOutButton } from "@/components/settings/sign-out-button";
import { getDb } from "@/db/client";
import { findTwoFactorStatus } from "@/db/queries/two-factor";
import { getSessionContext, requireSessionUser } from "@/lib/auth/session";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };

// Where a workspace that requires two-factor sign-in sends a member without a second factor
// (lib/auth/session.ts): they set one up here, outside the dashboard they cannot use yet.
export default async function TwoFactorRequiredPage() {
  const { user } = await requireSessionUser();
  const [context, status] = await Promise.all([getSessionContext(), findTwoFactorStatus(getDb(), user.id)]);
  const missing = context?.secondFactorMissing ?? false;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center p-6">
      <div className="mb-6 flex items-center gap-2 text-lg font-semibold">
        <AudioLines className="size-6" aria-hidden />
        Switchboard
      </div>
      <div className="w-full max-w-2xl space-y-4">
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold">{missing ? "Set up two-factor sign-in" : "Two-factor sign-in is set up"}</h1>
          <p className="mt-1 text-sm text-zinc-600">
            {missing
              ? `${context!.workspace.name} requires a second factor for everyone who can use it. Set up an authenticator app or add a passkey to continue.`
              : "You can use your workspace now."}
          </p>
          {missing ? null : (
            <p className="mt-4">
              <Link href={routes.apiKeys} className="font-medium text-zinc-900 underline underline-offset-4">
                Continue to {context?.workspace.name ?? "your workspace"}
              </Link>
            </p>
          )}
        </div>
        <TwoFactorSection status={status} showPassword={false} />
        <SignOutButton />
      </div>
    </main>
  );
}
