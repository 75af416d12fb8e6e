"use client";
// Shows a new key's plaintext, once, with "Test key" and ready code in curl, Node.js and Python.
// Closing before the key was copied asks first: after this dialog nobody, us included, can show
// the key again.
import { ExternalLink, TriangleAlert } from "lucide-react";
import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { CreatedApiKey } from "@/db/queries/api-keys";
import { routes } from "@/lib/routes";
import { KeySnippets } from "./key-snippets";
import { TestKey } from "./test-key";

export function RevealKeyDialog({
  created,
  onDone,
  returnFocusTo,
}: {
  created: CreatedApiKey | null;
  onDone: () => void;
  returnFocusTo: () => HTMLElement | null;
}) {
  const [copied, setCopied] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const doneButton = useRef<HTMLButtonElement>(null);
  // The dialog only renders in the browser (after an action), where this is the server's address.
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  const secret = created?.secret ?? "";

  function finish() {
    setCopied(false);
    setConfirmingClose(false);
    onDone();
  }
  function requestClose() {
    if (copied) finish();
    else setConfirmingClose(true);
  }

  return (
    <Dialog open={created !== null} onOpenChange={(open) => (open ? undefined : requestClose())}>
      <DialogContent
        title="Save your API key"
        description={
          <>
            Copy <strong>{created?.apiKey.name}</strong> now and keep it somewhere safe, such as a secret
            manager.
          </>
        }
        size="lg"
        returnFocusTo={returnFocusTo}
      >
        <div className="space-y-4">
          <p className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            You will not be able to see this key again. If you lose it, generate a new one.
          </p>
          <div className="space-y-1.5">
            <label htmlFor="revealed-api-key" className="block text-sm font-medium">
              API key
            </label>
            <div className="flex gap-2">
              <input
                id="revealed-api-key"
                readOnly
                value={secret}
                onFocus={(event) => event.currentTarget.select()}
                onCopy={() => setCopied(true)}
                className="block w-full rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-sm"
                spellCheck={false}
              />
              <CopyButton text={secret} what="the key" onCopied={() => setCopied(true)} />
            </div>
          </div>
          <TestKey secret={secret} />
          <KeySnippets origin={origin} secret={secret} onCopied={() => setCopied(true)} />
          {/* A new tab: leaving this page would close the dialog, and the key with it. */}
          <p className="text-sm text-zinc-600">
            <a
              href={routes.apiDocs}
              target="_blank"
              rel="noopener"
              className="inline-flex items-center gap-1 font-medium text-zinc-900 underline underline-offset-2 hover:text-zinc-700"
            >
              Read the API reference
              <ExternalLink className="size-3.5" aria-hidden />
              <span className="sr-only"> (opens in a new tab)</span>
            </a>{" "}
            for every endpoint, its errors and what to do about them, and{" "}
            <a
              href={routes.guide("storing-keys")}
              target="_blank"
              rel="noopener"
              className="inline-flex items-center gap-1 font-medium text-zinc-900 underline underline-offset-2 hover:text-zinc-700"
            >
              Storing keys
              <ExternalLink className="size-3.5" aria-hidden />
              <span className="sr-only"> (opens in a new tab)</span>
            </a>{" "}
            for where to keep this one.
          </p>
        </div>

        {confirmingClose ? (
          <div role="alertdialog" aria-label="Close without copying?" className="mt-6 rounded-md border border-red-200 bg-red-50 p-3">
            <p className="text-sm text-red-800">
              You have not copied this key. Once you close this dialog it cannot be shown again.
            </p>
            <div className="mt-3 flex justify-end gap-2">
              <Button
                variant="secondary"
                autoFocus
                onClick={() => {
                  // This button goes away with the question: focus goes back to the Done it replaced.
                  flushSync(() => setConfirmingClose(false));
                  doneButton.current?.focus();
                }}
              >
                Keep it open
              </Button>
              <Button variant="danger" onClick={finish}>
                Close anyway
              </Button>
            </div>
          </div>
        ) : (
          <div className="mt-6 flex justify-end">
            <Button ref={doneButton} onClick={requestClose}>
              Done
            </Button>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
