"use client";
// Settings → General → "Require two-factor sign-in": members without a second factor must set
// one up before they can use the workspace (lib/auth/session.ts). Optimistic, rolled back with a
// toast on failure.
import { useOptimistic, useTransition } from "react";
import { toast } from "sonner";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Switch } from "@/components/ui/switch";
import { setRequireTwoFactorAction } from "@/lib/actions/set-require-two-factor";
import { refusalFor } from "@/lib/permissions";

export function RequireTwoFactor({ required, canChange }: { required: boolean; canChange: boolean }) {
  const [optimistic, setOptimistic] = useOptimistic(required);
  const [, startTransition] = useTransition();
  const reason = canChange ? null : refusalFor("workspace:update");

  function change(next: boolean) {
    startTransition(async () => {
      setOptimistic(next);
      const result = await setRequireTwoFactorAction(null, { required: next }).catch(() => null);
      if (result?.ok) toast.success(next ? "Two-factor sign-in is now required" : "Two-factor sign-in is no longer required");
      else toast.error(result && !result.ok ? result.error : "The server could not be reached. Try again.");
    });
  }

  return (
    <section aria-labelledby="require-two-factor-heading" className="rounded-xl border border-zinc-200 bg-white p-6">
      <h2 id="require-two-factor-heading" className="font-semibold">
        Two-factor sign-in
      </h2>
      <div className="mt-3 flex items-start justify-between gap-4">
        <p id="require-two-factor-hint" className="max-w-xl text-sm text-zinc-600">
          Everyone in this workspace can see its keys, and admins can create them. When required, members without an authenticator
          app or a passkey must set one up before they can use the workspace.
        </p>
        <DisabledReason reason={reason}>
          <Switch
            aria-label="Require two-factor sign-in"
            aria-describedby="require-two-factor-hint"
            checked={optimistic}
            onCheckedChange={change}
            disabled={!canChange}
          />
        </DisabledReason>
      </div>
    </section>
  );
}
