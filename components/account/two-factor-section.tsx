"use client";
// Settings → Account → Two-factor sign-in: the authenticator app (set up with a QR code or the
// setup key as text; ten recovery codes shown once), passkeys, and the password. Adding a
// factor or turning one off asks for the current password (or a code, where one exists) first
// (README "Two-factor sign-in and passkeys").
import { startRegistration } from "@simplewebauthn/browser";
import { KeyRound, ShieldCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FormError, TextField, useFocusOnFailure } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { ActionState } from "@/lib/actions/action-state";
import { addPasskeyAction } from "@/lib/actions/add-passkey";
import { beginTotpSetupAction } from "@/lib/actions/begin-totp-setup";
import { changePasswordAction } from "@/lib/actions/change-password";
import { confirmTotpSetupAction } from "@/lib/actions/confirm-totp-setup";
import { passkeyRegistrationOptionsAction } from "@/lib/actions/passkey-registration-options";
import { regenerateRecoveryCodesAction } from "@/lib/actions/regenerate-recovery-codes";
import { removePasskeyAction } from "@/lib/actions/remove-passkey";
import { turnOffTwoFactorAction } from "@/lib/actions/turn-off-two-factor";

export type TwoFactorView = {
  totp: boolean;
  recoveryCodesLeft: number;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
};

const UNREACHABLE = "The server could not be reached. Try again.";

export function TwoFactorSection({ status, showPassword = true }: { status: TwoFactorView; showPassword?: boolean }) {
  return (
    <section aria-labelledby="two-factor-heading" className="space-y-4 rounded-xl border border-zinc-200 bg-white p-6">
      <div>
        <h2 id="two-factor-heading" className="font-semibold">
          Sign-in security
        </h2>
        <p className="mt-1 max-w-xl text-sm text-zinc-600">
          A second factor keeps your account, and the API keys it can create, safe even if your password leaks.
        </p>
      </div>
      <AuthenticatorApp status={status} />
      <Passkeys passkeys={status.passkeys} hasCodes={status.totp} />
      {showPassword ? <PasswordChange /> : null}
    </section>
  );
}

// ---- Authenticator app ----

function AuthenticatorApp({ status }: { status: TwoFactorView }) {
  const [setup, setSetup] = useState<{ secret: string; qrSvg: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [proof, setProof] = useState<"off" | "codes" | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  function begin() {
    startTransition(async () => {
      const result = await beginTotpSetupAction(null, {}).catch(() => null);
      if (result?.ok) setSetup(result.data);
      else toast.error(result && !result.ok ? result.error : UNREACHABLE);
    });
  }

  return (
    <div className="rounded-lg border border-zinc-200 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="flex items-center gap-2 text-sm font-semibold">
            <ShieldCheck className="size-4 text-zinc-500" aria-hidden />
            Authenticator app
            <span className={status.totp ? "rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800" : "rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700"}>
              {status.totp ? "On" : "Off"}
            </span>
          </h3>
          <p className="mt-1 text-sm text-zinc-600">
            {status.totp
              ? `After your password, sign-in asks for a code from your app. ${status.recoveryCodesLeft} of 10 recovery codes left.`
              : "Use an app such as 1Password, Google Authenticator or Aegis to make a new code every 30 seconds."}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          {status.totp ? (
            <>
              <Button variant="secondary" size="sm" onClick={() => setProof("codes")}>
                New recovery codes
              </Button>
              <Button variant="secondary" size="sm" onClick={() => setProof("off")}>
                Turn off two-factor sign-in
              </Button>
            </>
          ) : (
            <Button size="sm" onClick={begin} disabled={pending}>
              {pending ? "Starting…" : "Set up two-factor sign-in"}
            </Button>
          )}
        </div>
      </div>

      <Dialog open={!!setup} onOpenChange={(open) => !open && setSetup(null)}>
        {setup ? (
          <DialogContent title="Set up two-factor sign-in" description="Scan the QR code with your authenticator app, or type the setup key into it. Then enter the code it shows.">
            <SetupForm
              setup={setup}
              onDone={(recoveryCodes) => {
                setSetup(null);
                setCodes(recoveryCodes);
                router.refresh();
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>

      <ProofDialog
        open={proof === "off"}
        title="Turn off two-factor sign-in?"
        description="Sign-in will ask only for your password (or a passkey, if you have one). Your recovery codes stop working."
        confirmLabel="Turn off"
        danger
        action={turnOffTwoFactorAction}
        onClose={(done) => {
          setProof(null);
          if (done) {
            toast.success("Two-factor sign-in is off");
            router.refresh();
          }
        }}
      />
      <ProofDialog
        open={proof === "codes"}
        title="Make new recovery codes?"
        description="Your current recovery codes stop working at once."
        confirmLabel="Make new codes"
        action={regenerateRecoveryCodesAction}
        onClose={(done, data) => {
          setProof(null);
          if (done && data && "recoveryCodes" in data) {
            setCodes(data.recoveryCodes);
            router.refresh();
          }
        }}
      />
      <RecoveryCodesDialog codes={codes} onClose={() => setCodes(null)} />
    </div>
  );
}

function SetupForm({ setup, onDone }: { setup: { secret: string; qrSvg: string }; onDone: (codes: string[]) => void }) {
  const [state, action, pending] = useActionState(async (...args: Parameters<typeof confirmTotpSetupAction>) => {
    const result = await confirmTotpSetupAction(...args);
    if (result?.ok) onDone(result.data.recoveryCodes);
    return result;
  }, null);
  const failed = state && !state.ok ? state : undefined;
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed);
  return (
    <form ref={form} onSubmit={submitWithoutReset(action)} className="mt-4 space-y-4" noValidate>
      <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
      <div
        role="img"
        aria-label="QR code for your authenticator app"
        className="mx-auto size-48 [&>svg]:size-full"
        // The SVG comes from our own server (the qrcode package): paths only, no script.
        dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
      />
      <div className="space-y-1.5">
        <label htmlFor="totp-setup-key" className="block text-sm font-medium text-zinc-800">
          Setup key
        </label>
        <div className="flex gap-2">
          <input
            id="totp-setup-key"
            readOnly
            value={setup.secret}
            aria-describedby="totp-setup-key-hint"
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
            className="block w-full min-w-0 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-sm"
          />
          <CopyButton text={setup.secret} label="Copy setup key" what="the setup key" compact />
        </div>
        <p id="totp-setup-key-hint" className="text-xs text-zinc-500">
          For apps that cannot scan: choose &ldquo;enter a setup key&rdquo;, time-based, 6 digits.
        </p>
      </div>
      <TextField
        label="Authentication code"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={12}
        required
        errors={failed?.fieldErrors?.code}
        hint="The six digits your app shows now."
      />
      <TextField label="Current password" name="password" type="password" autoComplete="current-password" required errors={failed?.fieldErrors?.password} />
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Turn on"}
        </Button>
      </div>
    </form>
  );
}

function RecoveryCodesDialog({ codes, onClose }: { codes: string[] | null; onClose: () => void }) {
  return (
    <Dialog open={!!codes} onOpenChange={(open) => !open && onClose()}>
      {codes ? (
        <DialogContent
          title="Save your recovery codes"
          description="If you lose your authenticator app, each of these codes signs you in once. This is the only time they are shown: keep them somewhere safe, such as your password manager."
        >
          <ul aria-label="Recovery codes" className="mt-4 grid grid-cols-2 gap-2 rounded-lg bg-zinc-50 p-4 font-mono text-sm">
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <div className="mt-4 flex justify-end gap-2">
            <CopyButton text={codes.join("\n")} label="Copy codes" what="the codes" />
            <DialogClose asChild>
              <Button>I saved them</Button>
            </DialogClose>
          </div>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

// ---- "The current password or a second factor" ----

type ProofKind = "password" | "code";

/**
 * The proof that it is the person: the current password, or, for someone with an authenticator
 * app, one of its codes or a recovery code. Submitted as the field "proof"; the caller sends it
 * under the name `by` says.
 */
function IdentityProofFields({ by, onSwitch, allowCode, errors }: { by: ProofKind; onSwitch: (by: ProofKind) => void; allowCode: boolean; errors?: Record<string, string[]> }) {
  return (
    <>
      {by === "password" ? (
        <TextField key="password" label="Current password" name="proof" type="password" autoComplete="current-password" required errors={errors?.password} />
      ) : (
        <TextField key="code" label="Authentication code" name="proof" autoComplete="one-time-code" required errors={errors?.code} hint="A code from your authenticator app, or a recovery code." />
      )}
      {allowCode ? (
        <Button type="button" variant="ghost" size="sm" onClick={() => onSwitch(by === "password" ? "code" : "password")}>
          {by === "password" ? "Use an authentication code instead" : "Use your password instead"}
        </Button>
      ) : null}
    </>
  );
}

type ProofAction<T> = (previous: ActionState<T>, input: Record<string, unknown>) => Promise<ActionState<T>>;

function ProofDialog<T>({
  open,
  title,
  description,
  confirmLabel,
  danger,
  action,
  extra,
  allowCode = true,
  onClose,
}: {
  open: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  danger?: boolean;
  action: ProofAction<T>;
  extra?: Record<string, string>;
  /** Whether the person has an authenticator app, whose codes may stand in for the password. */
  allowCode?: boolean;
  onClose: (done: boolean, data?: T) => void;
}) {
  const [by, setBy] = useState<ProofKind>("password");
  const [failure, setFailure] = useState<Extract<ActionState<T>, { ok: false }>>();
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failure);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("proof") ?? "");
    startTransition(async () => {
      const result = await action(null, { ...extra, [by]: value }).catch(() => ({ ok: false as const, error: UNREACHABLE }));
      if (result?.ok) {
        setFailure(undefined);
        onClose(true, result.data);
      } else if (result) setFailure(result);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && !pending) {
          setFailure(undefined);
          onClose(false);
        }
      }}
    >
      {open ? (
        <DialogContent title={title} description={description}>
          <form ref={form} onSubmit={submit} className="mt-4 space-y-4" noValidate>
            <FormError message={failure && !failure.fieldErrors ? failure.error : undefined} />
            <IdentityProofFields by={by} onSwitch={setBy} allowCode={allowCode} errors={failure?.fieldErrors} />
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary" disabled={pending}>
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
                {pending ? "Working…" : confirmLabel}
              </Button>
            </div>
          </form>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

// ---- Passkeys ----

function Passkeys({ passkeys, hasCodes }: { passkeys: TwoFactorView["passkeys"]; hasCodes: boolean }) {
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TwoFactorView["passkeys"][number] | null>(null);
  const router = useRouter();
  return (
    <div className="rounded-lg border border-zinc-200 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="flex items-center gap-2 text-sm font-semibold">
            <KeyRound className="size-4 text-zinc-500" aria-hidden />
            Passkeys
          </h3>
          <p className="mt-1 text-sm text-zinc-600">
            A passkey signs you in on its own (&ldquo;Sign in with a passkey&rdquo;), and serves as your second factor after a password.
            {hasCodes ? null : " Your recovery codes come with an authenticator app; without one, an owner of your workspace can reset a lost passkey."}
          </p>
        </div>
        <Button size="sm" variant="secondary" onClick={() => setAdding(true)}>
          Add a passkey
        </Button>
      </div>
      {passkeys.length > 0 ? (
        <ul aria-label="Passkeys" className="mt-3 divide-y divide-zinc-100 rounded-md border border-zinc-200">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <div className="min-w-0">
                <p className="truncate font-medium">{passkey.name}</p>
                <p className="text-xs text-zinc-600">
                  Added <RelativeTime date={passkey.createdAt} />
                  {passkey.lastUsedAt ? (
                    <>
                      {" "}
                      · used <RelativeTime date={passkey.lastUsedAt} />
                    </>
                  ) : null}
                </p>
              </div>
              <Button variant="secondary" size="sm" onClick={() => setRemoving(passkey)} aria-label={`Remove passkey ${passkey.name}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <AddPasskeyDialog
        open={adding}
        hasCodes={hasCodes}
        onClose={(added) => {
          setAdding(false);
          if (added) {
            toast.success("Passkey added");
            router.refresh();
          }
        }}
      />
      <ProofDialog
        open={!!removing}
        title={`Remove the passkey ${removing?.name ?? ""}?`}
        description="It will no longer sign you in. Remove it from your device or password manager too."
        confirmLabel="Remove passkey"
        danger
        action={removePasskeyAction}
        extra={removing ? { passkeyId: removing.id } : undefined}
        allowCode={hasCodes}
        onClose={(done) => {
          setRemoving(null);
          if (done) {
            toast.success("Passkey removed");
            router.refresh();
          }
        }}
      />
    </div>
  );
}

function AddPasskeyDialog({ open, hasCodes, onClose }: { open: boolean; hasCodes: boolean; onClose: (added: boolean) => void }) {
  const [by, setBy] = useState<ProofKind>("password");
  const [failure, setFailure] = useState<{ error: string; fieldErrors?: Record<string, string[]> }>();
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failure);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const name = String(fields.get("name") ?? "");
    const proof = String(fields.get("proof") ?? "");
    startTransition(async () => {
      const options = await passkeyRegistrationOptionsAction(null, { [by]: proof }).catch(() => null);
      if (!options?.ok) return setFailure(options && !options.ok ? options : { error: UNREACHABLE });
      let response;
      try {
        response = await startRegistration({ optionsJSON: JSON.parse(options.data.options) });
      } catch {
        return setFailure({ error: "No passkey was created. Try again when your device asks." });
      }
      const result = await addPasskeyAction(null, { name, response: JSON.stringify(response) }).catch(() => null);
      if (result?.ok) {
        setFailure(undefined);
        onClose(true);
      } else setFailure(result && !result.ok ? result : { error: UNREACHABLE });
    });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !next && !pending && (setFailure(undefined), onClose(false))}>
      {open ? (
        <DialogContent title="Add a passkey" description="Name it after the device or password manager that keeps it, and confirm it is you. Your browser will then ask you to create it.">
          <form ref={form} onSubmit={submit} className="mt-4 space-y-4" noValidate>
            <FormError message={failure && !failure.fieldErrors ? failure.error : undefined} />
            <TextField label="Passkey name" name="name" required maxLength={64} defaultValue="My passkey" errors={failure?.fieldErrors?.name} />
            <IdentityProofFields by={by} onSwitch={setBy} allowCode={hasCodes} errors={failure?.fieldErrors} />
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary" disabled={pending}>
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" disabled={pending}>
                {pending ? "Waiting for your device…" : "Create passkey"}
              </Button>
            </div>
          </form>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

// ---- Password ----

function PasswordChange() {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (...args: Parameters<typeof changePasswordAction>) => {
    const result = await changePasswordAction(...args);
    if (result?.ok) {
      const n = result.data.sessionsEnded;
      toast.success(n > 0 ? `Password changed. ${n} other session${n === 1 ? "" : "s"} signed out.` : "Password changed.");
      setOpen(false);
    }
    return result;
  }, null);
  const failed = state && !state.ok ? state : undefined;
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed);
  return (
    <div className="rounded-lg border border-zinc-200 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="text-sm font-semibold">Password</h3>
          <p className="mt-1 text-sm text-zinc-600">Changing it signs out every other session.</p>
        </div>
        <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
          Change password
        </Button>
      </div>
      <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
        {open ? (
          <DialogContent title="Change password" description="Every other session is signed out; this one stays.">
            <form ref={form} action={action} className="mt-4 space-y-4" noValidate>
              <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
              <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={failed?.fieldErrors?.currentPassword} />
              <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required errors={failed?.fieldErrors?.newPassword} hint="At least 10 characters." />
              <div className="flex justify-end gap-2">
                <DialogClose asChild>
                  <Button variant="secondary" disabled={pending}>
                    Cancel
                  </Button>
                </DialogClose>
                <Button type="submit" disabled={pending}>
                  {pending ? "Saving…" : "Save new password"}
                </Button>
              </div>
            </form>
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
