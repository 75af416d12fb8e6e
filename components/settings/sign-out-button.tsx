"use client";
import { LogOut } from "lucide-react";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/actions/auth";

/** `next`: a page to return to after signing in again (an invitation meant for another address). */
export function SignOutButton({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signOutAction, null);
  return (
    <form action={action} className="mt-2">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Button type="submit" variant="ghost" size="sm" className="-ml-3" disabled={pending}>
        <LogOut className="size-4" aria-hidden />
        Sign out
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
