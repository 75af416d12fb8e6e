"use client";
// Settings → Account: who you are, your sign-in security (two-factor sign-in, passkeys,
// password), and every device signed in as you, each of which you can sign out; "Sign out of
// all sessions" ends them all, this one included.
import { Laptop } from "lucide-react";
import { useActionState, useRef, useTransition } from "react";
import { toast } from "sonner";
import { TwoFactorSection, type TwoFactorView } from "@/components/account/two-factor-section";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { signOutAllSessionsAction } from "@/lib/actions/sign-out-all-sessions";
import { signOutSessionAction } from "@/lib/actions/sign-out-session";

export type AccountSession = {
  id: string;
  device: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

export function AccountView({ user, sessions, twoFactor }: { user: { name: string; email: string }; sessions: AccountSession[]; twoFactor: TwoFactorView }) {
  const sessionsHeading = useRef<HTMLHeadingElement>(null);
  return (
    <div className="space-y-10">
      <header>
        <h1 className="text-2xl font-semibold">Account</h1>
        <p className="mt-1 text-sm text-zinc-600">Your profile, how you sign in, and the devices signed in to your account.</p>
      </header>

      <section aria-labelledby="profile-heading" className="rounded-xl border border-zinc-200 bg-white p-6">
        <h2 id="profile-heading" className="font-semibold">
          Profile
        </h2>
        <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
          <div className="min-w-0">
            <dt className="text-zinc-500">Name</dt>
            <dd className="mt-1 truncate font-medium text-zinc-900">{user.name}</dd>
          </div>
          <div className="min-w-0">
            <dt className="text-zinc-500">Email</dt>
            <dd className="mt-1 truncate font-medium text-zinc-900">{user.email}</dd>
          </div>
        </dl>
      </section>

      <TwoFactorSection status={twoFactor} />

      <section aria-labelledby="sessions-heading">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h2 id="sessions-heading" ref={sessionsHeading} tabIndex={-1} className="font-semibold focus:outline-none">
              Sessions
            </h2>
            <p className="mt-1 max-w-xl text-sm text-zinc-600">
              Devices where you are signed in. A session ends after 30 days, or after 7 days without use. If you do not
              recognise one, sign it out.
            </p>
          </div>
          <SignOutEverywhere />
        </div>
        {/* `relative` holds the visually hidden header text, which is absolutely positioned, inside this box. */}
        <div className="relative mt-4 rounded-xl border border-zinc-200 bg-white">
          <table aria-labelledby="sessions-heading" className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Device</th>
                <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">IP address</th>
                <th scope="col" className="hidden px-4 py-3 font-medium md:table-cell">Signed in</th>
                <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Last active</th>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {sessions.map((session) => (
                <SessionRow key={session.id} session={session} onEnded={() => sessionsHeading.current?.focus()} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function SessionRow({ session, onEnded }: { session: AccountSession; onEnded: () => void }) {
  const [pending, startTransition] = useTransition();

  function signOut() {
    startTransition(async () => {
      const result = await signOutSessionAction(null, { sessionId: session.id }).catch(() => null);
      if (result?.ok) {
        toast.success(`Signed out ${session.device}`);
        onEnded();
      } else {
        toast.error(result && !result.ok ? result.error : "The server could not be reached. Try again.");
      }
    });
  }

  return (
    <tr className="align-top">
      <td className="px-4 py-3">
        <div className="flex items-start gap-3">
          <Laptop className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden />
          <div className="min-w-0">
            <p className="font-medium text-zinc-900">
              {session.device}
              {session.current ? (
                <span className="ml-2 inline-block rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-emerald-800">
                  This device
                </span>
              ) : null}
            </p>
            {/* On narrow screens the other columns are hidden; their facts move here. */}
            <p className="mt-0.5 text-xs text-zinc-600 sm:hidden">
              {session.ip ?? "Unknown address"} · active <RelativeTime date={session.lastSeenAt} />
            </p>
          </div>
        </div>
      </td>
      <td className="hidden px-4 py-3 font-mono text-xs whitespace-nowrap text-zinc-700 sm:table-cell">{session.ip ?? "Unknown"}</td>
      <td className="hidden px-4 py-3 whitespace-nowrap text-zinc-700 md:table-cell">
        <RelativeTime date={session.createdAt} />
      </td>
      <td className="hidden px-4 py-3 whitespace-nowrap text-zinc-700 sm:table-cell">
        {session.current ? "Now" : <RelativeTime date={session.lastSeenAt} />}
      </td>
      <td className="px-4 py-2 text-right">
        {session.current ? null : (
          <Button variant="secondary" size="sm" onClick={signOut} disabled={pending}>
            {pending ? "Signing out…" : "Sign out"}
          </Button>
        )}
      </td>
    </tr>
  );
}

function SignOutEverywhere() {
  const [state, action, pending] = useActionState(signOutAllSessionsAction, null);
  return (
    <form action={action} className="shrink-0">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Signing out…" : "Sign out of all sessions"}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-2 max-w-xs text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
