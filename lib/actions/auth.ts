"use server";
// Sign-up, sign-in and sign-out. They run before there is a session, so they are public
// actions: the same wrapper, the same zod schemas, the same ActionState as every other action.
import { AuthError, CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findTwoFactorStatus } from "@/db/queries/two-factor";
import { auth, SecondFactorRequired, signIn, signOut } from "@/lib/auth";
import { isKnownDevice, KNOWN_DEVICE_COOKIE } from "@/lib/auth/known-device";
import { hashPassword } from "@/lib/auth/password";
import { signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { beginSignUp, signInLockedForMinutes } from "@/lib/auth/throttle";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { getEnv } from "@/lib/env";
import { expects } from "@/lib/field-messages";
import { DEFAULT_SIGNED_IN_PATH, isInvitePath, routes, signInPath } from "@/lib/routes";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { signUp } from "@/lib/services/accounts";
import { endSession } from "@/lib/services/sessions";
import { text } from "@/lib/text";
import { workspaceNameSchema } from "@/lib/workspace-schemas";
import { publicAction } from "./action";
import { nextPathField, rememberDevice, startPendingSignIn } from "./finish-sign-in";
import { echoValues } from "./action-state";

const clientIp = async () => (await headers()).get(CLIENT_IP_HEADER);


async function isThisDeviceKnown(email: string) {
  const secret = getEnv().AUTH_SECRET;
  return !!secret && isKnownDevice((await cookies()).get(KNOWN_DEVICE_COOKIE)?.value, email, secret);
}

// Joining by invitation, the new person needs no workspace of their own: the name is optional
// then, and required otherwise.
const signUpActionSchema = signUpSchema
  .extend({ workspaceName: text(expects("Workspace name", "a name such as Acme")).optional(), next: nextPathField })
  .superRefine((input, context) => {
    if (isInvitePath(safeRedirectPath(input.next, ""))) return;
    const workspaceName = workspaceNameSchema.safeParse(input.workspaceName ?? "");
    if (!workspaceName.success) context.addIssue({ code: "custom", path: ["workspaceName"], message: workspaceName.error.issues[0]!.message });
  });

export const signUpAction = publicAction({
  name: "sign-up",
  schema: signUpActionSchema,
  secretFields: ["password"],
  async handler({ name, email, password, workspaceName, next }, raw) {
    const values = echoValues(raw, ["password"]);
    // A new account starts at the "Get started" checklist; an invitation goes back to its page.
    const target = safeRedirectPath(next, routes.onboarding);
    if (!(await beginSignUp(await clientIp()))) {
      return { ok: false, error: "Too many accounts were created from your network in the last hour. Try again later.", values };
    }
    const request = await headers();
    const created = await signUp(
      { name, email, passwordHash: await hashPassword(password), workspaceName: workspaceName?.trim() || null },
      { ip: request.get(CLIENT_IP_HEADER), userAgent: request.get("user-agent") },
    );
    if (!created.ok) {
      return {
        ok: false,
        error: "Check the highlighted fields.",
        fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
        values,
      };
    }
    try {
      await signIn("credentials", { email, password, redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      // The account exists; only the automatic sign-in was refused (this network is throttled).
      return { ok: false, error: "Your account is ready, but signing in failed. Sign in from the sign-in page.", values };
    }
    await rememberDevice(email);
    redirect(target);
  },
});

/** What a right password answers when a second step is due (the form then asks for it). */
export type SignInResult = { secondStep: { authenticatorApp: boolean; passkey: boolean } };

const signInActionSchema = signInSchema.extend({ next: nextPathField });

export const signInAction = publicAction<typeof signInActionSchema, SignInResult>({
  name: "sign-in",
  schema: signInActionSchema,
  secretFields: ["password"],
  async handler({ email, password, next }, raw) {
    const values = echoValues(raw, ["password"]);
    try {
      await signIn("credentials", { email, password, redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      if (error instanceof SecondFactorRequired) {
        await startPendingSignIn(error.pendingToken);
        const status = await findTwoFactorStatus(getDb(), error.userId);
        return { ok: true, data: { secondStep: { authenticatorApp: status.totp, passkey: status.passkeys.length > 0 } } };
      }
      if (error instanceof CredentialsSignin && error.code === "too_many_attempts") {
        const minutes = await signInLockedForMinutes(email, await clientIp(), { knownDevice: await isThisDeviceKnown(email) });
        return { ok: false, error: tooManyAttempts(minutes), values };
      }
      // Same words whether the email exists or not.
      return { ok: false, error: "Invalid email or password.", values };
    }
    await rememberDevice(email);
    // Our own redirect, to a path resolved against our own origin (never Auth.js's absolute URL).
    redirect(safeRedirectPath(next, DEFAULT_SIGNED_IN_PATH));
  },
});

/**
 * Ends this session: its row goes first, so the cookie is worthless even if it was copied. If
 * that fails, the person is told and stays signed in, rather than believing they are out.
 */
export const signOutAction = publicAction({
  name: "sign-out",
  schema: z.object({ next: nextPathField }),
  async handler({ next }) {
    const session = await auth();
    if (session?.sessionId) await endSession(session.sessionId);
    await signOut({ redirect: false });
    // From an invitation for someone else: sign in as them and come back to it.
    const target = safeRedirectPath(next, "");
    redirect(target ? signInPath(target) : routes.signIn);
  },
});

function tooManyAttempts(minutes: number | null) {
  // No lock in force: this attempt was refused because others for the account were in flight.
  if (minutes === null) return "Too many sign-in attempts at once. Try again in a moment.";
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
