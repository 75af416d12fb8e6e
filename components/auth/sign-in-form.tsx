"use client";
// Sign-in: email and password; then, for an account with a second factor, the second step (a
// code from the authenticator app, a recovery code, or a passkey). A passkey alone signs in too.
import Link from "next/link";
import { useActionState, useRef, useState } from "react";
import { PasskeySignInButton } from "@/components/auth/passkey-button";
import { Button } from "@/components/ui/button";
import { FormError, TextField, useFocusOnFailure } from "@/components/ui/field";
import { signInAction, type SignInResult } from "@/lib/actions/auth";
import { secondStepAction } from "@/lib/actions/second-step";
import { signUpPath } from "@/lib/routes";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const [restarted, setRestarted] = useState<object | null>(null);
  const secondStep = state?.ok && restarted !== state ? state.data.secondStep : undefined;
  if (secondStep) return <SecondStep methods={secondStep} next={next} onExpired={() => setRestarted(state)} />;
  return <PasswordStep state={state} action={action} pending={pending} next={next} />;
}

function PasswordStep({
  state,
  action,
  pending,
  next,
}: {
  state: Awaited<ReturnType<typeof signInAction>>;
  action: (form: FormData) => void;
  pending: boolean;
  next?: string;
}) {
  const failed = state && !state.ok ? state : undefined;
  const [passkeyError, setPasskeyError] = useState<{ message: string }>();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed ?? passkeyError);
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <div>
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p className="mt-1 text-sm text-zinc-600">Welcome back to Switchboard.</p>
      </div>
      <FormError message={passkeyError?.message ?? (failed && !failed.fieldErrors ? failed.error : undefined)} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email webauthn"
        required
        autoFocus
        defaultValue={failed?.values?.email}
        errors={failed?.fieldErrors?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={failed?.fieldErrors?.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <div className="flex items-center gap-3 text-xs text-zinc-500" aria-hidden>
        <span className="h-px flex-1 bg-zinc-200" />
        or
        <span className="h-px flex-1 bg-zinc-200" />
      </div>
      <PasskeySignInButton label="Sign in with a passkey" next={next} onError={(message) => setPasskeyError({ message })} />
      <p className="text-center text-sm text-zinc-600">
        New to Switchboard?{" "}
        <Link href={signUpPath(next)} className="font-medium text-zinc-900 underline underline-offset-4">
          Create an account
        </Link>
      </p>
    </form>
  );
}

function SecondStep({ methods, next, onExpired }: { methods: SignInResult["secondStep"]; next?: string; onExpired: () => void }) {
  const [state, action, pending] = useActionState(secondStepAction, null);
  const [kind, setKind] = useState<"code" | "recovery">("code");
  const [passkeyError, setPasskeyError] = useState<{ message: string }>();
  const failed = state && !state.ok ? state : undefined;
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed ?? passkeyError);
  const expired = failed?.error.startsWith("Your sign-in took too long") || passkeyError?.message.startsWith("Your sign-in took too long");
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <div>
        <h1 className="text-xl font-semibold">Two-factor sign-in</h1>
        <p className="mt-1 text-sm text-zinc-600">
          {methods.authenticatorApp
            ? kind === "code"
              ? "Enter the six-digit code your authenticator app shows for Switchboard."
              : "Enter one of the recovery codes you saved when you set up two-factor sign-in. Each works once."
            : "Confirm it is you with your passkey."}
        </p>
      </div>
      <FormError message={passkeyError?.message ?? (failed && !failed.fieldErrors ? failed.error : undefined)} />
      {expired ? (
        <Button type="button" variant="secondary" className="w-full" onClick={onExpired}>
          Start again
        </Button>
      ) : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {methods.authenticatorApp ? (
        <>
          <input type="hidden" name="kind" value={kind} />
          {kind === "code" ? (
            <TextField
              key="code"
              label="Authentication code"
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={12}
              required
              autoFocus
              errors={failed?.fieldErrors?.code}
            />
          ) : (
            <TextField
              key="recovery"
              label="Recovery code"
              name="code"
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              required
              autoFocus
              errors={failed?.fieldErrors?.code}
            />
          )}
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? "Checking…" : "Verify"}
          </Button>
          <Button type="button" variant="ghost" className="w-full" onClick={() => setKind(kind === "code" ? "recovery" : "code")}>
            {kind === "code" ? "Use a recovery code" : "Use your authenticator app"}
          </Button>
        </>
      ) : null}
      {methods.passkey ? (
        <PasskeySignInButton label="Use a passkey" secondStep next={next} onError={(message) => setPasskeyError({ message })} />
      ) : null}
    </form>
  );
}
