"use client";
// "Sign in with a passkey" (and "Use a passkey" as the second step): asks the server for a
// challenge, lets the browser's WebAuthn prompt answer it, and sends the answer back. A
// successful sign-in redirects from the server action.
import { startAuthentication, WebAuthnError } from "@simplewebauthn/browser";
import { KeyRound } from "lucide-react";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { passkeySignInAction, passkeySignInOptionsAction } from "@/lib/actions/passkey-sign-in";

export function PasskeySignInButton({
  label,
  secondStep,
  next,
  onError,
}: {
  label: string;
  secondStep?: boolean;
  next?: string;
  onError: (message: string) => void;
}) {
  const [pending, startTransition] = useTransition();
  function signIn() {
    startTransition(async () => {
      const options = await passkeySignInOptionsAction(null, { secondStep: !!secondStep }).catch(() => null);
      if (!options?.ok) return onError(options && !options.ok ? options.error : "The server could not be reached. Try again.");
      let response;
      try {
        response = await startAuthentication({ optionsJSON: JSON.parse(options.data.options) });
      } catch (error) {
        // The person closed the prompt, or this browser has no passkey for this site.
        return onError(error instanceof WebAuthnError || error instanceof DOMException ? "No passkey was used. Try again, or sign in with your password." : "Passkeys do not work in this browser.");
      }
      const result = await passkeySignInAction(null, { response: JSON.stringify(response), secondStep: !!secondStep, ...(next ? { next } : {}) }).catch(() => null);
      // Success redirects; anything returned is a refusal.
      if (!result?.ok) onError(result && !result.ok ? result.error : "The server could not be reached. Try again.");
    });
  }
  return (
    <Button type="button" variant="secondary" className="w-full" onClick={signIn} disabled={pending}>
      <KeyRound className="size-4" aria-hidden />
      {pending ? "Waiting for your passkey…" : label}
    </Button>
  );
}
