"use client";
// Roll key: choose how long the old key keeps working, then the new key is revealed once, in
// the same "Save your API key" dialog as a generated one.
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { CreatedApiKey } from "@/db/queries/api-keys";
import { rollApiKeyAction } from "@/lib/actions/roll-api-key";
import { receiptText } from "@/lib/keys/receipt";
import { ROLL_GRACE_CHOICES } from "@/lib/keys/roll";

const GRACE_OPTIONS = ROLL_GRACE_CHOICES.map((choice) => ({ value: String(choice.seconds), label: choice.label }));

export function RollKeyDialog({
  target,
  onClose,
  onRolled,
  returnFocusTo,
}: {
  target: { id: string; name: string } | null;
  onClose: () => void;
  /** The new key, for the reveal dialog (which then takes focus). */
  onRolled: (created: CreatedApiKey) => void;
  returnFocusTo: () => HTMLElement | null;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [grace, setGrace] = useState("86400");
  // Set when the new key goes on to the reveal dialog, which takes focus from here.
  const handedOver = useRef(false);

  function roll() {
    if (!target) return;
    startTransition(async () => {
      const result = await rollApiKeyAction(null, { keyId: target.id, grace }).catch(() => null);
      if (result?.ok) {
        setError(undefined);
        toast.success(receiptText(`Rolled "${target.name}"`, result.data.propagation, "applies the change"));
        handedOver.current = true;
        onRolled(result.data);
      } else setError(result && !result.ok ? result.error : "The server could not be reached. Try again.");
    });
  }

  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && !pending && (setError(undefined), onClose())}>
      <DialogContent
        title="Roll API key"
        description={
          <>
            A new key with the same settings replaces <strong className="text-zinc-900">{target?.name}</strong>. Deploy the new key, then
            let the old one stop.
          </>
        }
        returnFocusTo={returnFocusTo}
        onCloseAutoFocus={(event) => {
          if (handedOver.current) event.preventDefault();
          handedOver.current = false;
        }}
      >
        <FormError message={error} />
        <SelectField
          label="Keep the old key working for"
          name="grace"
          value={grace}
          onChange={(event) => setGrace(event.target.value)}
          options={GRACE_OPTIONS}
          hint="Both keys work until then; afterwards only the new one."
        />
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending}>
              Cancel
            </Button>
          </DialogClose>
          <Button onClick={roll} disabled={pending}>
            {pending ? "Rolling…" : "Roll key"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
