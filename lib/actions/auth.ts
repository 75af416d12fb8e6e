"use server";
// Sign-up, sign-in and sign-out. They run before there is a session, so they are public
// actions: the same wrapper, the same zod schemas, the same ActionState as every other action.
import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createUserWithWorkspace } from "@/db/queries/users";
import { signIn, signOut } from "@/lib/auth";
import { hashPassword } from "@/lib/auth/password";
import { signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { beginSignUp, signInLockedForMinutes } from "@/lib/auth/throttle";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { DEFAULT_SIGNED_IN_PATH, routes } from "@/lib/routes";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { publicAction } from "./action";
import { echoValues } from "./action-state";

const clientIp = async () => (await headers()).get(CLIENT_IP_HEADER);

export const signUpAction = publicAction({
  name: "sign-up",
  schema: signUpSchema,
  secretFields: ["password"],
  async handler({ name, email, password, workspaceName }, raw) {
    const values = echoValues(raw, ["password"]);
    if (!(await beginSignUp(await clientIp()))) {
      return { ok: false, error: "Too many accounts were created from your network in the last hour. Try again later.", values };
    }
    const created = await createUserWithWorkspace({ name, email, passwordHash: await hashPassword(password), workspaceName });
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
    redirect(DEFAULT_SIGNED_IN_PATH);
  },
});

export const signInAction = publicAction({
  name: "sign-in",
  schema: signInSchema.extend({ next: z.string().max(2048).optional() }),
  secretFields: ["password"],
  async handler({ email, password, next }, raw) {
    const values = echoValues(raw, ["password"]);
    try {
      await signIn("credentials", { email, password, redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      if (error instanceof CredentialsSignin && error.code === "too_many_attempts") {
        return { ok: false, error: tooManyAttempts(await signInLockedForMinutes(email, await clientIp())), values };
      }
      // Same words whether the email exists or not.
      return { ok: false, error: "Invalid email or password.", values };
    }
    // Our own redirect, to a path resolved against our own origin (never Auth.js's absolute URL).
    redirect(safeRedirectPath(next, DEFAULT_SIGNED_IN_PATH));
  },
});

/** Ends this session (its row goes, so the cookie is worthless even if it was copied). */
export const signOutAction = publicAction({
  name: "sign-out",
  schema: z.object({}),
  async handler() {
    await signOut({ redirect: false });
    redirect(routes.signIn);
  },
});

function tooManyAttempts(minutes: number | null) {
  // No lock in force: this attempt was refused because others for the account were in flight.
  if (minutes === null) return "Too many sign-in attempts at once. Try again in a moment.";
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
