import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInviteForm } from "@/components/invitations/accept-invite-form";
import { SignOutButton } from "@/components/settings/sign-out-button";
import { getDb } from "@/db/client";
import { findInvitationByToken, type InvitationStatus } from "@/db/queries/invitations";
import { getSessionUser } from "@/lib/auth/session";
import { routes, signInPath, signUpPath } from "@/lib/routes";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const ENDED: Record<Exclude<InvitationStatus, "pending">, { title: string; text: string }> = {
  expired: { title: "This invitation has expired", text: "Invitations work for 7 days. Ask the person who invited you to send a new one." },
  used: { title: "This invitation has been used", text: "Each invitation link works once. If it was you who accepted it, sign in to reach the workspace." },
  revoked: { title: "This invitation was revoked", text: "Ask the person who invited you to send a new one." },
};

// /invite/TOKEN: who invites you where, with which role; then sign up, sign in, or accept.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await findInvitationByToken(getDb(), token) : null;
  const signedIn = await getSessionUser();
  const here = routes.invite(token);

  if (!invitation) {
    return <Ended title="This invitation link is not valid" text="Check that you copied the whole link, or ask for a new invitation." signedIn={!!signedIn} />;
  }
  if (invitation.status !== "pending") return <Ended {...ENDED[invitation.status]} signedIn={!!signedIn} />;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Join {invitation.workspaceName}</h1>
        <p className="mt-1 text-sm text-zinc-600">
          {invitation.invitedByEmail} invited <strong className="text-zinc-900">{invitation.email}</strong> to the workspace{" "}
          <strong className="text-zinc-900">{invitation.workspaceName}</strong> as {invitation.role === "admin" || invitation.role === "owner" ? "an" : "a"}{" "}
          <strong className="text-zinc-900">{invitation.role}</strong>.
        </p>
      </div>
      {!signedIn ? (
        <div className="space-y-2">
          <Link href={signUpPath(here)} className="flex h-9 items-center justify-center rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700">
            Create an account to accept
          </Link>
          <Link href={signInPath(here)} className="flex h-9 items-center justify-center rounded-md border border-zinc-300 bg-white px-4 text-sm font-medium hover:bg-zinc-50">
            Sign in to accept
          </Link>
          <p className="text-xs text-zinc-500">Use {invitation.email}: only that address can accept.</p>
        </div>
      ) : signedIn.user.email === invitation.email ? (
        <AcceptInviteForm token={token} />
      ) : (
        <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p>
            You are signed in as <strong>{signedIn.user.email}</strong>, but this invitation is for <strong>{invitation.email}</strong>.
            Sign out, then sign in with the invited address.
          </p>
          <SignOutButton next={here} />
        </div>
      )}
    </div>
  );
}

function Ended({ title, text, signedIn }: { title: string; text: string; signedIn: boolean }) {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-zinc-600">{text}</p>
      <Link href={signedIn ? routes.apiKeys : routes.signIn} className="inline-block text-sm font-medium underline underline-offset-4">
        {signedIn ? "Go to your dashboard" : "Sign in"}
      </Link>
    </div>
  );
}
