"use client";
import Link from "next/link";
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextField, useFocusOnFailure } from "@/components/ui/field";
import { signUpAction } from "@/lib/actions/auth";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";
import { signInPath } from "@/lib/routes";

/** `next`: where to go afterwards; `joining`: signing up to accept an invitation (no workspace of one's own). */
export function SignUpForm({ next, joining }: { next?: string; joining?: boolean }) {
  const [state, action, pending] = useActionState(signUpAction, null);
  const failed = state && !state.ok ? state : undefined;
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed);
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <div>
        <h1 className="text-xl font-semibold">Create your account</h1>
        <p className="mt-1 text-sm text-zinc-600">
          {joining ? "Then accept your invitation." : "Your first API key is a minute away."}
        </p>
      </div>
      <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        autoFocus
        defaultValue={failed?.values?.name}
        errors={failed?.fieldErrors?.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={failed?.values?.email}
        errors={failed?.fieldErrors?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        errors={failed?.fieldErrors?.password}
      />
      {joining ? null : (
        <TextField
          label="Workspace name"
          name="workspaceName"
          autoComplete="organization"
          required
          defaultValue={failed?.values?.workspaceName}
          errors={failed?.fieldErrors?.workspaceName}
        />
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-zinc-600">
        Already have an account?{" "}
        <Link href={signInPath(next)} className="font-medium text-zinc-900 underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </form>
  );
}
