"use client";
import Link from "next/link";
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextField, useFocusOnFailure } from "@/components/ui/field";
import { signInAction } from "@/lib/actions/auth";
import { signUpPath } from "@/lib/routes";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const failed = state && !state.ok ? state : undefined;
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed);
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <div>
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p className="mt-1 text-sm text-zinc-600">Welcome back to Switchboard.</p>
      </div>
      <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
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
      <p className="text-center text-sm text-zinc-600">
        New to Switchboard?{" "}
        <Link href={signUpPath(next)} className="font-medium text-zinc-900 underline underline-offset-4">
          Create an account
        </Link>
      </p>
    </form>
  );
}
